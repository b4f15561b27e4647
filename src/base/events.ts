import type { FeedError } from '../feed/errors.js';
import type { Cluster, FeedItem } from '../feed/types.js';

export interface FeedLoadDetail {
  /** the resolved feed URL; `''` when the feed was given as a property */
  url: string;
  items: FeedItem[];
}

export interface FeedErrorDetail {
  url: string;
  error: FeedError;
}

export interface StationSelectDetail {
  index: number;
  /** the portrait item of the station */
  item: FeedItem;
  cluster: Cluster;
}

export interface ImpressionDetail {
  /** the resolved feed URL; `''` when the feed was given as a property */
  url: string;
  /** the items the element showed when it was seen */
  items: FeedItem[];
}

export interface LinkClickDetail {
  /** the link's absolute URL */
  href: string;
  /** the feed item the link belongs to */
  item?: FeedItem;
  /** the part name of the link (`link`), or of the part it sits in (`content` for a link in the article) */
  part: string;
}

export type ClusterFeedLoadEvent = CustomEvent<FeedLoadDetail>;
export type ClusterFeedErrorEvent = CustomEvent<FeedErrorDetail>;
export type ClusterStationSelectEvent = CustomEvent<StationSelectDetail>;
export type ClusterImpressionEvent = CustomEvent<ImpressionDetail>;
export type ClusterLinkClickEvent = CustomEvent<LinkClickDetail>;

/** The events our elements fire, for typed `addEventListener`. */
export interface ClusterEventMap {
  'cluster-feed-load': ClusterFeedLoadEvent;
  'cluster-feed-error': ClusterFeedErrorEvent;
  'cluster-station-select': ClusterStationSelectEvent;
  'cluster-impression': ClusterImpressionEvent;
  'cluster-link-click': ClusterLinkClickEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ClusterEventMap {}
  // the events bubble to the document, where a host's analytics listens
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends ClusterEventMap {}
}

/** Our events bubble and cross shadow roots, so a host page can listen at `document`. */
export const clusterEvent = <K extends keyof ClusterEventMap>(
  type: K,
  detail: ClusterEventMap[K]['detail'],
  cancelable = false,
): ClusterEventMap[K] =>
  new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }) as ClusterEventMap[K];
