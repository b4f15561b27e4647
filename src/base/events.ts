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

export type ClusterFeedLoadEvent = CustomEvent<FeedLoadDetail>;
export type ClusterFeedErrorEvent = CustomEvent<FeedErrorDetail>;
export type ClusterStationSelectEvent = CustomEvent<StationSelectDetail>;

/** The events our elements fire, for typed `addEventListener`. */
export interface ClusterEventMap {
  'cluster-feed-load': ClusterFeedLoadEvent;
  'cluster-feed-error': ClusterFeedErrorEvent;
  'cluster-station-select': ClusterStationSelectEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ClusterEventMap {}
}

/** Our events bubble and cross shadow roots, so a host page can listen at `document`. */
export const clusterEvent = <K extends keyof ClusterEventMap>(
  type: K,
  detail: ClusterEventMap[K]['detail'],
  cancelable = false,
): ClusterEventMap[K] =>
  new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }) as ClusterEventMap[K];
