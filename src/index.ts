/**
 * The whole library: registers `<cluster-news-card>`, `<cluster-portrait>`,
 * `<cluster-journey>`, `<cluster-news-list>` and `<cluster-autolink>` (each only if its name
 * is free) and exports the classes, the feed layer and the types. To register under other names, import the
 * class modules (`elements/<name>/<name>.js`) instead.
 */
import './elements/cluster-news-card/define.js';
import './elements/cluster-portrait/define.js';
import './elements/cluster-journey/define.js';
import './elements/cluster-autolink/define.js';
import './elements/cluster-news-list/define.js';

export { ClusterNewsCard } from './elements/cluster-news-card/cluster-news-card.js';
export { ClusterPortrait } from './elements/cluster-portrait/cluster-portrait.js';
export { ClusterJourney } from './elements/cluster-journey/cluster-journey.js';
export { ClusterAutolink } from './elements/cluster-autolink/cluster-autolink.js';
export { ClusterNewsList } from './elements/cluster-news-list/cluster-news-list.js';
export { FeedElement, type FeedState } from './base/feed-element.js';
export { define } from './base/define.js';
export type * from './base/events.js';
export { FeedError } from './feed/errors.js';
export {
  loadFeed,
  resolveFeedUrl,
  clearFeedCache,
  FEED_CACHE_MS,
  FEED_TIMEOUT_MS,
  MAX_FEED_BYTES,
} from './feed/load.js';
export { parseFeed, MAX_ITEMS } from './feed/parse.js';
export { safeUrl } from './feed/url.js';
export type * from './feed/types.js';
