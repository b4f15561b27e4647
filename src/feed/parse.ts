import { FeedError } from './errors.js';
import { decodeEntities } from './text.js';
import type { Cluster, Feed, FeedAuthor, FeedItem, FeedLink, Journey, JourneyStation } from './types.js';
import { parsed } from './parsed.js';
import { at, isObject, type Json, MAX_HTML, Reader, shown, typeName } from './reader.js';

export { MAX_HTML, MAX_ITEMS, MAX_TEXT } from './reader.js';

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.1)?\/?$/;
const SLUG = /^[a-z0-9-]+$/;

/** The reader of the feed contract's objects: authors, links, clusters, items, journeys. */
class FeedReader extends Reader {
  authors(raw: Json, path: string): FeedAuthor[] {
    // JSON Feed 1.0's single `author` still appears next to 1.1's `authors`.
    const list =
      raw['authors'] !== undefined
        ? this.array(raw, 'authors', path)
        : raw['author'] !== undefined
          ? [raw['author']]
          : [];
    const key = raw['authors'] !== undefined ? 'authors' : 'author';
    const out: FeedAuthor[] = [];
    list.forEach((a, i) => {
      const p = key === 'authors' ? at(at(path, key), i) : at(path, key);
      if (!isObject(a)) return this.report(p, `expected an object, got ${typeName(a)}`);
      const author: FeedAuthor = {};
      this.copy(author, a, p, ['name']);
      this.copy(author, a, p, ['url'], (f, k, q) => this.url(f, k, q, true));
      this.copy(author, a, p, ['avatar'], (f, k, q) => this.url(f, k, q));
      if (author.name || author.url) out.push(author);
    });
    return out;
  }

  links(ext: Json, path: string): FeedLink[] {
    const out: FeedLink[] = [];
    this.array(ext, 'links', path).forEach((l, i) => {
      const p = at(at(path, 'links'), i);
      if (!isObject(l)) return this.report(p, `expected an object, got ${typeName(l)}`);
      const url = this.url(l, 'url', p, true);
      if (!url) return l['url'] === undefined ? this.report(at(p, 'url'), 'expected a URL') : undefined;
      out.push({ title: this.text(l, 'title', p) ?? url.replace(/^mailto:/, ''), url });
    });
    return out;
  }

  cluster(c: Json, path: string): Cluster | FeedError {
    const slug = c['slug'];
    if (typeof slug !== 'string' || !SLUG.test(slug))
      return new FeedError('invalid', 'expected a slug of a-z, 0-9 and "-"', at(path, 'slug'));
    const name = this.text(c, 'name', path);
    if (!name) return new FeedError('invalid', 'expected a non-empty string', at(path, 'name'));
    const cluster: Cluster = { slug, name };
    this.copy(cluster, c, path, ['region', 'place', 'focus']);
    this.copy(cluster, c, path, ['url', 'logo'], (f, k, p) => this.url(f, k, p));
    const geo = this.object(c, 'geo', path);
    if (geo) {
      const { lat, lon } = geo;
      if (typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)
        cluster.geo = { lat, lon };
      else this.report(at(path, 'geo'), 'expected { lat, lon } in degrees');
    }
    return cluster;
  }

  /** One item, or the error that makes it unusable (reported, then skipped). */
  item(raw: unknown, path: string): FeedItem | FeedError {
    if (!isObject(raw)) return new FeedError('invalid', `expected an object, got ${typeName(raw)}`, path);
    const id = raw['id'];
    // JSON Feed 1.0 producers sometimes write numeric ids; they are still unique keys.
    const idText = typeof id === 'number' && Number.isFinite(id) ? String(id) : typeof id === 'string' ? id.trim() : '';
    if (!idText) return new FeedError('invalid', 'expected a non-empty string', at(path, 'id'));
    const ext = this.object(raw, '_reportage', path) ?? {};
    const extPath = at(path, '_reportage');
    let kind = ext['kind'] ?? 'news';
    if (kind !== 'news' && kind !== 'portrait') {
      this.report(at(extPath, 'kind'), `expected "news" or "portrait", got ${shown(kind)}; read as news`);
      kind = 'news';
    }
    const item: FeedItem = {
      id: idText,
      kind: kind as FeedItem['kind'],
      authors: this.authors(raw, path),
      tags: [],
      links: this.links(ext, extPath),
    };
    if (kind === 'portrait') {
      const c = this.object(ext, 'cluster', extPath);
      if (!c) return new FeedError('invalid', 'required when kind is "portrait"', at(extPath, 'cluster'));
      const cluster = this.cluster(c, at(extPath, 'cluster'));
      if (cluster instanceof FeedError) return cluster;
      item.cluster = cluster;
    }
    this.copy(item, raw, path, ['title', 'summary', 'content_text']);
    const html = this.get<string>(raw, 'content_html', path, 'string');
    if (html?.trim()) item.content_html = html.slice(0, MAX_HTML);
    this.copy(item, raw, path, ['url', 'external_url', 'image', 'banner_image'], (f, k, p) => this.url(f, k, p));
    this.copy(item, raw, path, ['date_published', 'date_modified'], (f, k, p) => this.date(f, k, p));
    this.copy(item, raw, path, ['language'], (f, k, p) => this.lang(f, k, p));
    item.tags = this.array(raw, 'tags', path)
      .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
      .map((t) => decodeEntities(t).trim());
    // "" is meaningful for image_alt: the image is decorative.
    const alt = this.get<string>(ext, 'image_alt', extPath, 'string');
    if (alt !== undefined) item.image_alt = decodeEntities(alt).trim();
    this.copy(item, ext, extPath, ['image_credit', 'image_caption']);
    return item;
  }

  journey(raw: unknown, path: string, portraits: Set<string>): Journey | FeedError {
    if (!isObject(raw)) return new FeedError('invalid', `expected an object, got ${typeName(raw)}`, path);
    const id = this.text(raw, 'id', path, false);
    if (!id) return new FeedError('invalid', 'expected a non-empty string', at(path, 'id'));
    const stations: JourneyStation[] = [];
    this.array(raw, 'stations', path).forEach((s, i) => {
      const p = at(at(path, 'stations'), i);
      if (!isObject(s)) return this.report(p, `expected an object, got ${typeName(s)}`);
      const item = this.text(s, 'item', p, false);
      if (!item) return this.report(at(p, 'item'), 'expected a non-empty string');
      if (!portraits.has(item)) return this.report(at(p, 'item'), `no portrait item with id "${item.slice(0, 80)}"`);
      const label = this.text(s, 'label', p);
      stations.push(label ? { item, label } : { item });
    });
    const journey: Journey = { id, stations };
    this.copy(journey, raw, path, ['title', 'summary']);
    return journey;
  }
}

/**
 * Validates a parsed JSON value against the feed contract (docs: FEED.md) and
 * returns the normalized feed. Throws a `FeedError` of kind `invalid` naming
 * the first offending path when the feed as a whole is unusable; an item or
 * station that is unusable is skipped and listed in `problems`; a field of the
 * wrong type is dropped and listed there too. Never throws anything else.
 *
 * @param base the feed's own URL: every URL field is resolved against it.
 */
export function parseFeed(json: unknown, base: string): Feed {
  if (!isObject(json)) throw new FeedError('invalid', `expected a JSON Feed object, got ${typeName(json)}`, '(root)');
  const version = json['version'];
  if (typeof version !== 'string' || !VERSION.test(version.trim())) {
    throw new FeedError('invalid', `expected "https://jsonfeed.org/version/1.1", got ${shown(version)}`, 'version');
  }
  const rawItems = json['items'];
  if (!Array.isArray(rawItems)) throw new FeedError('invalid', `expected an array, got ${typeName(rawItems)}`, 'items');

  const r = new FeedReader(base);
  const feed: Feed = {
    version: version.trim(),
    format: 'json',
    title: '',
    items: [],
    journeys: [],
    problems: r.problems,
  };
  const title = r.text(json, 'title', '');
  if (title) feed.title = title;
  else if (json['title'] === undefined) r.report('title', 'expected a string');
  r.copy(feed, json, '', ['home_page_url', 'feed_url'], (f, k, p) => r.url(f, k, p));
  r.copy(feed, json, '', ['language'], (f, k, p) => r.lang(f, k, p));

  const seen = new Set<string>();
  r.array(json, 'items', '').forEach((raw, i) => {
    const path = at('items', i);
    const item = r.item(raw, path);
    if (item instanceof FeedError) return r.report(item.path ?? path, `${item.reason}; item skipped`);
    if (seen.has(item.id)) return r.report(at(path, 'id'), `duplicate id "${item.id.slice(0, 80)}"; item skipped`);
    seen.add(item.id);
    feed.items.push(item);
  });

  const ext = r.object(json, '_reportage', '');
  if (ext) {
    const portraits = new Set(feed.items.filter((i) => i.kind === 'portrait').map((i) => i.id));
    r.array(ext, 'journeys', '_reportage').forEach((raw, i) => {
      const path = at('_reportage.journeys', i);
      const journey = r.journey(raw, path, portraits);
      if (journey instanceof FeedError) r.report(journey.path ?? path, `${journey.reason}; journey skipped`);
      else feed.journeys.push(journey);
    });
  }
  parsed.set(feed, feed); // handed to an element's `feed` property, it is used as it is
  return feed;
}
