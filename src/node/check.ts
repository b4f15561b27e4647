import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { FeedError } from '../feed/errors.js';
import { ACCEPT, FEED_TIMEOUT_MS, feedFromBody, readCapped } from '../feed/load.js';
import type { Feed, FeedFormat, FeedProblem } from '../feed/types.js';
import { checkHeaders, type HeaderCheck } from './headers.js';
import { installDomParser } from './dom.js';

export interface CheckOptions {
  /** where a feed file will be served: its relative URLs resolve against this (default `https://feed.invalid/<file>`) */
  base?: string;
  /** the origin of the page that would read the feed (default `https://cluster-reportage.invalid`) */
  origin?: string;
  /** ms until a URL that has not answered is unreachable (default as the elements: 10 s) */
  timeout?: number;
}

/** What `npx cluster-reportage check` found: printed as text, or as JSON with `--json`. */
export interface CheckResult {
  source: string;
  /** 0: usable without problems; 1: usable with problems (items skipped, headers missing); 2: unusable */
  exitCode: 0 | 1 | 2;
  /** the URL relative links were resolved against (the final URL after redirects) */
  base: string;
  format?: FeedFormat;
  title?: string;
  items?: { total: number; news: number; portraits: number };
  journeys?: number;
  skipped?: { items: number; journeys: number };
  problems: FeedProblem[];
  http?: { status: number; url: string; checks: HeaderCheck[] };
  error?: { kind: string; message: string };
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** The body of a URL as the elements would fetch it, from `origin`, and what its headers say. */
async function fetchSource(url: string, origin: string, timeout: number) {
  const headers = { Accept: ACCEPT, Origin: origin };
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(timeout) });
  } catch (e) {
    const timedOut = (e as Error).name === 'TimeoutError';
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new FeedError(
      timedOut ? 'timeout' : 'network',
      timedOut
        ? `no answer from ${url} within ${timeout / 1000} s`
        : `${url} could not be reached (${cause?.code ?? cause?.message ?? (e as Error).message})`,
    );
  }
  const http = { status: res.status, url: res.url || url, checks: [] as HeaderCheck[] };
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return {
      http,
      error: new FeedError('http', `the server answered ${res.status} ${res.statusText}`.trim(), undefined, res.status),
    };
  }
  const body = await readCapped(res);
  // a revisit with the validator should cost a 304, not the whole feed again
  const etag = res.headers.get('etag');
  const modified = res.headers.get('last-modified');
  let revalidated: number | undefined;
  if (etag || modified) {
    const again = await fetch(http.url, {
      headers: { ...headers, ...(etag ? { 'If-None-Match': etag } : { 'If-Modified-Since': modified! }) },
      signal: AbortSignal.timeout(timeout),
    }).catch(() => undefined);
    revalidated = again?.status;
    await again?.body?.cancel().catch(() => undefined);
  }
  return { http, body, type: res.headers.get('content-type') ?? '', headers: res.headers, revalidated };
}

function summarize(result: CheckResult, feed: Feed) {
  const skipped = (what: string) => feed.problems.filter((p) => p.message.endsWith(`${what} skipped`)).length;
  result.format = feed.format ?? 'json';
  result.title = feed.title;
  result.items = {
    total: feed.items.length,
    news: feed.items.filter((i) => i.kind === 'news').length,
    portraits: feed.items.filter((i) => i.kind === 'portrait').length,
  };
  result.journeys = feed.journeys.length;
  result.skipped = { items: skipped('item'), journeys: skipped('journey') };
  result.problems = feed.problems;
}

/**
 * Reads a feed file or URL with the elements' own parser (JSON Feed, RSS, Atom)
 * and, for a URL, checks the headers a browser on another site needs. Never
 * throws for a bad feed: what is wrong is in the result.
 */
export async function check(source: string, options: CheckOptions = {}): Promise<CheckResult> {
  installDomParser();
  const origin = options.origin ?? 'https://cluster-reportage.invalid';
  const timeout = options.timeout ?? FEED_TIMEOUT_MS;
  const result: CheckResult = {
    source,
    exitCode: 2,
    base: options.base ?? (isUrl(source) ? source : `https://feed.invalid/${encodeURIComponent(basename(source))}`),
    problems: [],
  };
  try {
    let body: Uint8Array | string;
    let type = '';
    let fetched: Awaited<ReturnType<typeof fetchSource>> | undefined;
    if (isUrl(source)) {
      fetched = await fetchSource(source, origin, timeout);
      result.http = fetched.http;
      if (fetched.error) throw fetched.error;
      result.base = options.base ?? fetched.http.url;
      body = fetched.body!;
      type = fetched.type!;
    } else {
      try {
        body = new Uint8Array(await readFile(resolve(source)));
      } catch (e) {
        throw new FeedError(
          'network',
          `${source} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        );
      }
    }
    const feed = await feedFromBody(body, result.base, type);
    summarize(result, feed);
    if (fetched?.headers) result.http!.checks = checkHeaders(fetched.headers, feed.format, origin, fetched.revalidated);
    result.exitCode = result.problems.length || result.http?.checks.some((c) => !c.ok) ? 1 : 0;
  } catch (e) {
    const error = e instanceof FeedError ? e : new FeedError('invalid', String((e as Error)?.message ?? e));
    result.error = { kind: error.kind, message: error.message };
    result.exitCode = 2;
  }
  return result;
}
