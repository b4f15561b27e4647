import type { FeedError } from '../errors.js';
import type { excerpt as Excerpt } from '../text.js';
import type { FeedProblem } from '../types.js';
import type { parseFeed as ParseFeed } from '../parse.js';
import type { safeUrl as SafeUrl } from '../url.js';
import { attr, kid, kids, NS } from './dom.js';

/** Handed in by the feed layer, so this chunk imports nothing from the entry module (see sanitize.ts). */
export interface XmlDeps {
  /** the class the elements test errors with (`instanceof`) */
  FeedError: typeof FeedError;
  parseFeed: typeof ParseFeed;
  safeUrl: typeof SafeUrl;
  excerpt: typeof Excerpt;
}

type Json = Record<string, unknown>;

/**
 * Builds the JSON Feed object that an RSS or Atom document says, for
 * `parseFeed` to validate like any JSON Feed, and remembers for every field
 * the element it came from, so problems name the XML a producer wrote.
 */
export class Builder {
  readonly json: Json = { version: 'https://jsonfeed.org/version/1.1', items: [] };
  /** JSON path → XML path (`items[3].date_published` → `/rss/channel/item[4]/pubDate`) */
  readonly where = new Map<string, string>();
  readonly problems: FeedProblem[] = [];

  constructor(
    readonly deps: XmlDeps,
    readonly feedUrl: string,
  ) {}

  /** `value` resolved against `base` when it is a safe URL; else as written, for `parseFeed` to refuse and report. */
  url(value: string | undefined, base: string): string | undefined {
    return value && (this.deps.safeUrl(value, base) ?? value);
  }

  /** Text of HTML: tags removed, references decoded, whitespace collapsed; an excerpt of `max` characters if given. */
  plain(html: string | undefined, max?: number): string | undefined {
    // text without markup stays as written (a title's no-break spaces too)
    return (html && (max || /<[a-z/!]/i.test(html) ? this.deps.excerpt(html, max ?? 10_000) : html)) || undefined;
  }

  /** Sets `key` of `into` (at JSON path `path`) to `value` when there is one, coming from the XML at `from`. */
  set(into: Json, path: string, key: string, value: unknown, from: string) {
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) return;
    into[key] = value;
    this.where.set(path ? `${path}.${key}` : key, from);
  }

  fail(kind: 'parse' | 'invalid', reason: string, path?: string): never {
    throw new this.deps.FeedError(kind, reason, path);
  }

  report(path: string, message: string) {
    this.problems.push({ path, message });
  }
}

const PIXEL = /\b(?:width|height)\s*=\s*["']?[01]\b/i;

/** The first real image of an HTML body (not a 1×1 tracking pixel), with a lazy-loading theme's `data-src` as fallback. */
export function firstImage(html: string | undefined): string | undefined {
  for (const [tag] of html?.matchAll(/<img\b[^>]*>/gi) ?? []) {
    if (PIXEL.test(tag)) continue;
    const src = (name: string) =>
      new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
        .exec(tag)
        ?.slice(1)
        .find((v) => v);
    const url = src('src');
    return url && !/^data:/i.test(url) ? url : (src('data-src') ?? src('data-lazy-src') ?? url);
  }
}

const isImage = (el: Element) =>
  attr(el, 'medium') == 'image' ||
  /^image\//i.test(attr(el, 'type') ?? '') ||
  (!attr(el, 'medium') && !attr(el, 'type') && /\.(jpe?g|png|gif|webp|avif|svg)(\?|$)/i.test(attr(el, 'url') ?? ''));

/**
 * The item's image and the element it came from: Media RSS content of medium
 * image, a Media RSS thumbnail (also inside `media:group` or a video's
 * `media:content`), an image enclosure, the episode's `itunes:image`.
 */
export function mediaImage(el: Element, enclosures: Element[]): [string, string] | undefined {
  const groups = [el, ...kids(el, NS.media, 'group')];
  const contents = groups.flatMap((g) => kids(g, NS.media, 'content'));
  const thumbs = [...groups, ...contents].flatMap((g) => kids(g, NS.media, 'thumbnail'));
  const found =
    contents.find(isImage) ??
    thumbs.find((t) => attr(t, 'url')) ??
    enclosures.find((e) => /^image\//i.test(attr(e, 'type') ?? ''));
  if (found) return [attr(found, 'url') ?? attr(found, 'href') ?? '', found.nodeName];
  const itunes = kid(el, NS.itunes, 'image');
  if (attr(itunes, 'href')) return [attr(itunes, 'href')!, itunes!.nodeName];
}

/** The Media RSS description, where YouTube and podcasts keep the only text of an entry. */
export const mediaDescription = (el: Element): Element | undefined =>
  [el, ...kids(el, NS.media, 'group')].map((g) => kid(g, NS.media, 'description')).find((d) => d);

/** A stable id for an item that has neither guid nor link: made from what it says. */
export function madeUpId(...parts: (string | undefined)[]): string {
  let h = 0x811c9dc5;
  for (const c of parts.join('\u0000')) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193);
  return `item-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** A language tag as feeds write it (`en_US`, `de-de`), in BCP 47's form. */
export const languageTag = (value: string | undefined | null) => value?.trim().replace(/_/g, '-') || undefined;
