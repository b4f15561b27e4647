import { parseFeed } from './parse.js';
import { parsed } from './parsed.js';
import type { Feed } from './types.js';

/**
 * `parseFeed` for the `feed` property: many elements given the same object validate it once (pass a
 * new object to show changed data). A result of `parseFeed` or `loadFeed` is used as it is.
 */
export function parseFeedOnce(raw: unknown, base: string): Feed {
  const key = typeof raw === 'object' && raw !== null ? raw : undefined;
  let result = key && parsed.get(key);
  if (!result) {
    try {
      result = parseFeed(raw, base);
    } catch (e) {
      result = e as Error;
    }
    if (key) parsed.set(key, result);
  }
  if (result instanceof Error) throw result;
  return result;
}
