import type { FeedErrorKind } from './types.js';

/**
 * Every failure of a feed load is one of these: `kind` says what went wrong,
 * `message` says it in words a site owner can act on, `path` names the first
 * offending place in the feed when the feed itself is at fault.
 */
export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    /** the message without the path */
    readonly reason: string,
    readonly path?: string,
    readonly status?: number,
  ) {
    super(path ? `${path}: ${reason}` : reason);
  }
}

export const isAbort = (e: unknown): boolean => (e as { name?: string } | null)?.name === 'AbortError';
