/** The kinds of failure a feed load can end in; see `FeedError`. */
export type FeedErrorKind = 'network' | 'http' | 'timeout' | 'parse' | 'invalid';

export type ItemKind = 'news' | 'portrait';

export interface FeedLink {
  title: string;
  url: string;
}

export interface FeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface Cluster {
  slug: string;
  name: string;
  region?: string;
  place?: string;
  focus?: string;
  geo?: GeoPoint;
  url?: string;
  logo?: string;
}

/**
 * A feed item after validation: JSON Feed's own key names, the `_reportage`
 * extension flattened in, every URL absolute and of an allowed scheme, every
 * optional field either a proper value or absent.
 */
export interface FeedItem {
  id: string;
  kind: ItemKind;
  url?: string;
  external_url?: string;
  title?: string;
  summary?: string;
  content_text?: string;
  content_html?: string;
  image?: string;
  banner_image?: string;
  /** RFC 3339, as written by the producer (its calendar date is what we show). */
  date_published?: string;
  date_modified?: string;
  authors: FeedAuthor[];
  tags: string[];
  language?: string;
  image_alt?: string;
  image_credit?: string;
  image_caption?: string;
  links: FeedLink[];
  cluster?: Cluster;
}

export interface JourneyStation {
  /** id of a portrait item */
  item: string;
  label?: string;
}

export interface Journey {
  id: string;
  title?: string;
  summary?: string;
  stations: JourneyStation[];
}

/** Something in the feed that was skipped or dropped, named by its path. */
export interface FeedProblem {
  path: string;
  message: string;
}

/** What a feed was written in; RSS and Atom feeds have news items only. */
export type FeedFormat = 'json' | 'rss' | 'rdf' | 'atom';

export interface Feed {
  version: string;
  /** `json` for JSON Feed; `rss`, `rdf` (RSS 1.0) or `atom` for a feed read by the XML reader. */
  format?: FeedFormat;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  language?: string;
  items: FeedItem[];
  journeys: Journey[];
  /** Items, stations and fields that were skipped, in document order. */
  problems: FeedProblem[];
}
