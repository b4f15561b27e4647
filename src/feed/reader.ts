import { decodeEntities } from './text.js';
import type { FeedProblem } from './types.js';
import { safeUrl } from './url.js';

/**
 * The typed field readers the feed parser is built from: each reads one field,
 * returns it only when it is a proper value, and reports (by path) what it had
 * to drop. Nothing here throws.
 */

/** Items beyond this many are not read (a feed is not an archive); the same cap holds for every list in the feed. */
export const MAX_ITEMS = 1000;
/** Text fields are cut at this many characters. */
export const MAX_TEXT = 10_000;
/** `content_html` is cut at this many characters before sanitizing. */
export const MAX_HTML = 500_000;

export const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))?)?$/;
const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const typeName = (v: unknown) =>
  v === null
    ? 'null'
    : v === undefined
      ? 'nothing'
      : Array.isArray(v)
        ? 'an array'
        : typeof v === 'object'
          ? 'an object'
          : `a ${typeof v}`;
/** A value for a message: strings quoted and cut, anything else by its type. */
export const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 60)) : typeName(v));

/** The part of a feed's path grammar we need: `items[3].title`. */
export const at = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export class Reader {
  readonly problems: FeedProblem[] = [];
  constructor(readonly base: string) {}

  report(path: string, message: string) {
    this.problems.push({ path, message });
  }

  /** `obj[key]` if it is of type `want`; absent and null are "not there", anything else is reported. */
  get<T>(obj: Json, key: string, path: string, want: 'string' | 'array' | 'object'): T | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (want === 'array' ? Array.isArray(v) : want === 'object' ? isObject(v) : typeof v === want) return v as T;
    this.report(at(path, key), `expected ${want === 'string' ? 'a string' : `an ${want}`}, got ${typeName(v)}`);
  }

  /** An optional string: absent, null and "" are all "not there"; other types are reported. */
  text(obj: Json, key: string, path: string, decode = true): string | undefined {
    const v = this.get<string>(obj, key, path, 'string');
    // cut at MAX_TEXT, never inside a surrogate pair
    return (
      (v &&
        (decode ? decodeEntities(v) : v)
          .trim()
          .slice(0, MAX_TEXT)
          .replace(/[\ud800-\udbff]$/, '')) ||
      undefined
    );
  }

  /** Copies the string fields `keys` of `from` into `into`, each only when it is there. */
  copy<T>(
    into: T,
    from: Json,
    path: string,
    keys: readonly (keyof T & string)[],
    read: (from: Json, key: string, path: string) => string | undefined = (f, k, p) => this.text(f, k, p),
  ) {
    for (const key of keys) {
      const v = read(from, key, path);
      if (v) (into as Record<string, unknown>)[key] = v;
    }
  }

  url(obj: Json, key: string, path: string, mailto = false): string | undefined {
    const v = obj[key];
    if (v === undefined || v === null || v === '') return undefined;
    const url = safeUrl(v, this.base, mailto);
    if (url === undefined)
      this.report(
        at(path, key),
        typeof v === 'string' ? 'URL dropped: not a safe http(s) URL' : `expected a URL string, got ${typeName(v)}`,
      );
    return url;
  }

  date(obj: Json, key: string, path: string): string | undefined {
    const s = this.text(obj, key, path, false);
    if (s === undefined) return undefined;
    const m = RFC3339.exec(s);
    const [, y, mo, d, h, mi, sec, oh, om] = (m ?? []).map((n) => +(n ?? 0)) as number[];
    // a real calendar day and clock time, checked here and not by Date.parse, which rolls
    // 2021-02-31 over to March and differs between browsers
    if (
      !m ||
      new Date(Date.UTC(y!, mo! - 1, d)).getUTCMonth() !== mo! - 1 ||
      Math.max(h!, oh!) > 23 ||
      Math.max(mi!, sec!, om!) > 59
    ) {
      this.report(at(path, key), `expected an RFC 3339 date, got "${s.slice(0, 40)}"`);
      return undefined;
    }
    return s;
  }

  /** An optional list, cut at MAX_ITEMS entries. */
  array(obj: Json, key: string, path: string): unknown[] {
    const v = this.get<unknown[]>(obj, key, path, 'array') ?? [];
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
    return this.get<Json>(obj, key, path, 'object');
  }
}
