import type { Feed, FeedItem } from '../../feed/types.js';

/** `limit` as a CMS editor may write it: a whole number from 1, else the default 3. */
export const listLimit = (value: number): number => {
  const n = Math.trunc(value);
  return n >= 1 ? n : 3;
};

/**
 * The items of `kind` (anything else means `news`) carrying one of the
 * comma-separated `tag`s (compared without case; none: every item), newest
 * first by `date_published` (else `date_modified`); undated ones after them,
 * in feed order. Undefined when nothing matches.
 */
export function listEntries(feed: Feed, kind?: string, tag?: string): FeedItem[] | undefined {
  const want = kind === 'portrait' || kind === 'all' ? kind : 'news';
  const tags = (tag ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const time = (i: FeedItem) => Date.parse(i.date_published ?? i.date_modified ?? '') || -Infinity;
  // sort is stable: equal dates (and all undated items, as -Infinity − -Infinity is NaN → 0) keep feed order
  const items = feed.items
    .filter(
      (i) =>
        (want === 'all' || i.kind === want) && (!tags.length || i.tags.some((t) => tags.includes(t.toLowerCase()))),
    )
    .sort((a, b) => time(b) - time(a) || 0);
  return items.length ? items : undefined;
}
