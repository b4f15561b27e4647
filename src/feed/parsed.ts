import type { Feed } from './types.js';

/** What `parseFeedOnce` made of each object; `parseFeed`'s own results map to themselves. */
export const parsed = new WeakMap<object, Feed | Error>();
