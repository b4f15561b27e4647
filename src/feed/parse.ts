import { FeedError } from './errors.js';
import { decodeEntities } from './text.js';
import type { Cluster, Feed, FeedAuthor, FeedItem, FeedLink, FeedProblem, Journey, JourneyStation } from './types.js';
import { safeUrl } from './url.js';

/** Items beyond this many are not read (a feed is not an archive); the same cap holds for every list in the feed. */
export const MAX_ITEMS = 1000;
/** Text fields are cut at this many characters. */
export const MAX_TEXT = 10_000;
/** `content_html` is cut at this many characters before sanitizing. */
export const MAX_HTML = 500_000;

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.1)?\/?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))?)?$/;
const SLUG = /^[a-z0-9-]+$/;
const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v: unknown) =>
  v === null ? 'null' : v === undefined ? 'nothing' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
/** A value for a message: strings quoted and cut, anything else by its type. */
const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 60)) : typeName(v));

/** The part of a feed's path grammar we need: `items[3].title`. */
const at = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

class Reader {
  readonly problems: FeedProblem[] = [];
  constructor(readonly base: string) {}

  report(path: string, message: string) {
    this.problems.push({ path, message });
  }

  /** An optional string: absent, null and "" are all "not there"; other types are reported. */
  text(obj: Json, key: string, path: string, decode = true): string | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') {
      this.report(at(path, key), `expected a string, got ${typeName(v)}`);
      return undefined;
    }
    // cut at MAX_TEXT, never inside a surrogate pair
    const s = (decode ? decodeEntities(v) : v).trim().slice(0, MAX_TEXT).replace(/[\ud800-\udbff]$/, '');
    return s || undefined;
  }

  url(obj: Json, key: string, path: string, mailto = false): string | undefined {
    const v = obj[key];
    if (v === undefined || v === null || v === '') return undefined;
    const url = safeUrl(v, this.base, mailto);
    if (url === undefined) this.report(at(path, key), typeof v === 'string' ? 'URL dropped: not a safe http(s) URL' : `expected a URL string, got ${typeName(v)}`);
    return url;
  }

  date(obj: Json, key: string, path: string): string | undefined {
    const s = this.text(obj, key, path, false);
    if (s === undefined) return undefined;
    const m = RFC3339.exec(s);
    const [, y, mo, d, h, mi, sec, oh, om] = (m ?? []).map((n) => +(n ?? 0)) as number[];
    // a real calendar day and clock time, checked here and not by Date.parse, which rolls
    // 2021-02-31 over to March and differs between browsers
    if (!m || new Date(Date.UTC(y!, mo! - 1, d)).getUTCMonth() !== mo! - 1 || Math.max(h!, oh!) > 23 || Math.max(mi!, sec!, om!) > 59) {
      this.report(at(path, key), `expected an RFC 3339 date, got "${s.slice(0, 40)}"`);
      return undefined;
    }
    return s;
  }

  /** An optional list, cut at MAX_ITEMS entries. */
  array(obj: Json, key: string, path: string): unknown[] {
    const v = obj[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.report(at(path, key), `expected an array, got ${typeName(v)}`);
      return [];
    }
    if (v.length > MAX_ITEMS) this.report(at(path, key), `${v.length} entries; only the first ${MAX_ITEMS} are read`);
    return v.slice(0, MAX_ITEMS);
  }

  /** An optional BCP 47 language tag. */
  lang(obj: Json, key: string, path: string): string | undefined {
    const v = this.text(obj, key, path, false);
    if (v && !LANG.test(v)) this.report(at(path, key), `expected a language tag like "de-DE", got ${shown(v)}`);
    else return v;
  }

  object(obj: Json, key: string, path: string): Json | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (!isObject(v)) {
      this.report(at(path, key), `expected an object, got ${typeName(v)}`);
      return undefined;
    }
    return v;
  }

  authors(raw: Json, path: string): FeedAuthor[] {
    // JSON Feed 1.0's single `author` still appears next to 1.1's `authors`.
    const list = raw['authors'] !== undefined ? this.array(raw, 'authors', path) : raw['author'] !== undefined ? [raw['author']] : [];
    const key = raw['authors'] !== undefined ? 'authors' : 'author';
    const out: FeedAuthor[] = [];
    list.forEach((a, i) => {
      const p = key === 'authors' ? at(at(path, key), i) : at(path, key);
      if (!isObject(a)) return this.report(p, `expected an object, got ${typeName(a)}`);
      const author: FeedAuthor = {};
      const name = this.text(a, 'name', p);
      const url = this.url(a, 'url', p, true);
      const avatar = this.url(a, 'avatar', p);
      if (name) author.name = name;
      if (url) author.url = url;
      if (avatar) author.avatar = avatar;
      if (name || url) out.push(author);
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
    if (typeof slug !== 'string' || !SLUG.test(slug)) return new FeedError('invalid', 'expected a slug of a-z, 0-9 and "-"', at(path, 'slug'));
    const name = this.text(c, 'name', path);
    if (!name) return new FeedError('invalid', 'expected a non-empty string', at(path, 'name'));
    const cluster: Cluster = { slug, name };
    for (const key of ['region', 'place', 'focus'] as const) {
      const v = this.text(c, key, path);
      if (v) cluster[key] = v;
    }
    const url = this.url(c, 'url', path);
    const logo = this.url(c, 'logo', path);
    if (url) cluster.url = url;
    if (logo) cluster.logo = logo;
    const geo = this.object(c, 'geo', path);
    if (geo) {
      const { lat, lon } = geo;
      if (typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) cluster.geo = { lat, lon };
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
    const item: FeedItem = { id: idText, kind: kind as FeedItem['kind'], authors: this.authors(raw, path), tags: [], links: this.links(ext, extPath) };
    if (kind === 'portrait') {
      const c = this.object(ext, 'cluster', extPath);
      if (!c) return new FeedError('invalid', 'required when kind is "portrait"', at(extPath, 'cluster'));
      const cluster = this.cluster(c, at(extPath, 'cluster'));
      if (cluster instanceof FeedError) return cluster;
      item.cluster = cluster;
    }
    for (const key of ['title', 'summary', 'content_text'] as const) {
      const v = this.text(raw, key, path);
      if (v) item[key] = v;
    }
    const html = raw['content_html'];
    if (typeof html === 'string') {
      if (html.trim()) item.content_html = html.slice(0, MAX_HTML);
    } else if (html !== undefined && html !== null) this.report(at(path, 'content_html'), `expected a string, got ${typeName(html)}`);
    for (const key of ['url', 'external_url', 'image', 'banner_image'] as const) {
      const v = this.url(raw, key, path);
      if (v) item[key] = v;
    }
    for (const key of ['date_published', 'date_modified'] as const) {
      const v = this.date(raw, key, path);
      if (v) item[key] = v;
    }
    const language = this.lang(raw, 'language', path);
    if (language) item.language = language;
    item.tags = this.array(raw, 'tags', path)
      .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
      .map((t) => decodeEntities(t).trim());
    // "" is meaningful for image_alt: the image is decorative.
    const alt = ext['image_alt'];
    if (typeof alt === 'string') item.image_alt = decodeEntities(alt).trim();
    else if (alt !== undefined && alt !== null) this.report(at(extPath, 'image_alt'), `expected a string, got ${typeName(alt)}`);
    for (const key of ['image_credit', 'image_caption'] as const) {
      const v = this.text(ext, key, extPath);
      if (v) item[key] = v;
    }
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
    const title = this.text(raw, 'title', path);
    const summary = this.text(raw, 'summary', path);
    if (title) journey.title = title;
    if (summary) journey.summary = summary;
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

  const r = new Reader(base);
  const feed: Feed = { version: version.trim(), title: '', items: [], journeys: [], problems: r.problems };
  const title = r.text(json, 'title', '');
  if (title) feed.title = title;
  else if (json['title'] === undefined) r.report('title', 'expected a string');
  const home = r.url(json, 'home_page_url', '');
  const self = r.url(json, 'feed_url', '');
  if (home) feed.home_page_url = home;
  if (self) feed.feed_url = self;
  const language = r.lang(json, 'language', '');
  if (language) feed.language = language;

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
  return feed;
}
