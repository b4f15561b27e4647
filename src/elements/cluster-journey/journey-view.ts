import type { Cluster, Feed, FeedItem, Journey } from '../../feed/types.js';

/** A station resolved to its portrait item; `name` is the station's label or the cluster's name. */
export interface StationView {
  item: FeedItem;
  cluster: Cluster;
  name: string;
}

/** A journey with its stations resolved to their portrait items. */
export interface JourneyView {
  journey: Journey;
  stations: StationView[];
}

/** The journey `id` (else the feed's first) with its stations resolved, or undefined when it has none. */
export function journeyView(feed: Feed, id: string | undefined): JourneyView | undefined {
  const journey = id ? feed.journeys.find((j) => j.id === id) : feed.journeys[0];
  if (!journey) return undefined;
  const items = new Map(feed.items.map((i) => [i.id, i]));
  const stations: StationView[] = [];
  for (const s of journey.stations) {
    const item = items.get(s.item);
    if (item?.cluster) stations.push({ item, cluster: item.cluster, name: s.label ?? item.cluster.name });
  }
  return stations.length ? { journey, stations } : undefined;
}

/** The selected station for `current`: out-of-range values (and anything but a number) show the nearest station. */
export const stationIndex = (view: JourneyView, current: number): number =>
  Math.min(Math.max(Math.trunc(current) || 0, 0), view.stations.length - 1);
