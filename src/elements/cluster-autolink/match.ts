import type { Feed, FeedItem } from '../../feed/types.js';
import type { safeUrl as SafeUrl } from '../../feed/url.js';

/**
 * The URL gate (`safeUrl` of the feed layer), handed in by the element: this module is part of a
 * lazy chunk, which imports nothing from the entry module (a page that loads the entry as
 * `cluster-reportage.js?ver=2` would run it twice).
 */
let safeUrl: typeof SafeUrl = () => undefined;
export const useUrlGate = (gate: typeof SafeUrl): void => void (safeUrl = gate);

/**
 * The form in which a link and an item's URL are compared: absolute, `http:`/`https:` only (the
 * URL gate, so `javascript:` never matches), scheme and host in lower case (the URL parser does
 * that), without the fragment, `utm_*` parameters and a trailing slash. The rest of the query
 * keeps its raw encoding, so both sides are compared as written.
 */
export function linkKey(href: unknown): string | undefined {
  try {
    // its own base: an absolute URL or nothing (a relative one throws)
    const url = new URL(safeUrl(href, href as string)!);
    // a key, not a URL: "&" joins the query to the path, so one pattern drops the path's trailing
    // slash, every utm_ parameter and the joiner when nothing follows it
    return (url.origin + url.pathname + '&' + url.search.slice(1)).replace(/\/(?=&)|&utm_[^&]*|&$/gi, '');
  } catch {
    // refused by the URL gate (`javascript:` and the like): matches nothing
    return undefined;
  }
}

/** Items by the keys of their `url` and `external_url`; the first item wins a shared URL. */
export function indexFeed(feed: Feed): Map<string, FeedItem> {
  const index = new Map<string, FeedItem>();
  for (const item of feed.items)
    for (const url of [item.url, item.external_url]) {
      const key = linkKey(url);
      if (key && !index.has(key)) index.set(key, item);
    }
  return index;
}
