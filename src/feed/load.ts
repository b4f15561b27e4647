import { FeedError, isAbort } from './errors.js';
import { feedFromBody, readCapped } from './body.js';
import type { Feed } from './types.js';

export { feedFromBody, MAX_FEED_BYTES, readCapped } from './body.js';

/** A request that has not finished after this long fails with kind `timeout`. */
export const FEED_TIMEOUT_MS = 10_000;
/** A loaded feed is shared with later elements for this long; then the next load asks again (the HTTP cache may answer with 304). */
export const FEED_CACHE_MS = 60_000;

/** What the elements ask for (at most 128 characters: a longer Accept makes a cross-origin request need a preflight). */
export const ACCEPT =
  'application/feed+json, application/json;q=0.9, application/rss+xml;q=0.8, application/atom+xml;q=0.8, */*;q=0.1';

interface Entry {
  promise: Promise<Feed>;
  controller: AbortController;
  users: number;
  settledAt?: number;
}

const entries = new Map<string, Entry>();
const lastGood = new Map<string, Feed>();

/** The key all elements share: `src` resolved against the page, without its fragment. */
export function resolveFeedUrl(src: string, base: string = document.baseURI): string {
  const url = new URL(src, base);
  url.hash = '';
  return url.href;
}

/** The last feed that loaded from `url` in this page, kept so a failed refresh need not blank the card. */
export const lastGoodFeed = (url: string): Feed | undefined => lastGood.get(url);

/** Forgets every shared and last-good feed (tests; a page that wants fresh data now). */
export function clearFeedCache(): void {
  for (const e of entries.values()) if (e.settledAt === undefined) e.controller.abort();
  entries.clear();
  lastGood.clear();
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** ms; the first caller for a URL sets the timeout of the shared request */
  timeout?: number;
  /** skip the shared completed result and ask again */
  fresh?: boolean;
}

/**
 * Loads and validates the feed at `url` (absolute, see `resolveFeedUrl`).
 * Every caller for the same URL shares one request while it runs, and its
 * result for `FEED_CACHE_MS`. Aborting `signal` rejects this caller's promise
 * with an `AbortError`; the request itself is aborted once no caller waits.
 * Rejects with a `FeedError` otherwise.
 */
export function loadFeed(
  url: string,
  { signal, timeout = FEED_TIMEOUT_MS, fresh = false }: LoadOptions = {},
): Promise<Feed> {
  const aborted = () => new DOMException('The feed load was aborted', 'AbortError');
  // an aborted caller starts nothing
  if (signal?.aborted) return Promise.reject(aborted());
  let entry = entries.get(url);
  if (entry?.settledAt !== undefined && (fresh || Date.now() - entry.settledAt > FEED_CACHE_MS)) entry = undefined;
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = { controller, users: 0, promise: fetchFeed(url, controller.signal, timeout) };
    created.promise.then(
      (feed) => {
        created.settledAt = Date.now();
        lastGood.set(url, feed);
      },
      () => {
        // failures are not shared with later callers: the next one tries again
        if (entries.get(url) === created) entries.delete(url);
      },
    );
    entries.set(url, (entry = created));
  }
  const shared = entry;
  shared.users++;
  return new Promise<Feed>((resolve, reject) => {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      signal?.removeEventListener('abort', onAbort);
      if (--shared.users === 0 && shared.settledAt === undefined) {
        shared.controller.abort();
        if (entries.get(url) === shared) entries.delete(url);
      }
    };
    const onAbort = () => {
      release();
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (feed) => {
        release();
        resolve(feed);
      },
      (error: unknown) => {
        release();
        reject(error);
      },
    );
  });
}

async function fetchFeed(url: string, signal: AbortSignal, timeout: number): Promise<Feed> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abortController.abort();
  }, timeout);
  // one controller for the caller's abort and the timeout, so both reach fetch and the body read
  const abortController = new AbortController();
  const forward = () => abortController.abort();
  signal.addEventListener('abort', forward, { once: true });
  try {
    let res: Response;
    try {
      res = await fetch(url, {
        signal: abortController.signal,
        headers: { Accept: ACCEPT },
        credentials: 'same-origin',
      });
    } catch (e) {
      throw failure(e, url, timedOut, timeout);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new FeedError(
        'http',
        `the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${url}`,
        undefined,
        res.status,
      );
    }
    let body: Uint8Array;
    try {
      body = await readCapped(res);
    } catch (e) {
      throw e instanceof FeedError ? e : failure(e, url, timedOut, timeout);
    }
    return await feedFromBody(body, res.url || url, res.headers.get('content-type') ?? '');
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', forward);
  }
}

function failure(e: unknown, url: string, timedOut: boolean, timeout: number): Error {
  if (timedOut) return new FeedError('timeout', `no complete answer from ${url} within ${timeout / 1000} s`);
  if (isAbort(e)) return e as Error;
  return new FeedError(
    'network',
    `the feed at ${url} could not be reached (offline, blocked, or the server does not allow this site to read it: CORS)`,
  );
}
