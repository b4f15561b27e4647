import { readFile } from 'node:fs/promises';
import { loadFeed, resolveFeedUrl } from '../feed/load.js';
import { parseFeed } from '../feed/parse.js';
import { parseFeedOnce } from '../feed/parse-once.js';
import type { Feed } from '../feed/types.js';

export interface FeedOptions {
  /** A JSON Feed object (from `JSON.parse`, or `parseFeed`'s result) or the path of a JSON Feed file. */
  feed?: unknown;
  /** The page's URL: `src` resolves against it, and so the feed's relative URLs. */
  baseUrl?: string | URL;
  /** ms before a feed request fails (as the elements' `timeout`). */
  timeout?: number;
}

/** `<tag src="…">`, how warnings and errors name an element. */
export const startTag = (tag: string, src: string | undefined): string =>
  `<${tag}${src === undefined ? '' : ` src="${src}"`}>`;

/**
 * The feed of each element, as its script would see it: the `feed` option parsed against the URL
 * its `src` resolves to (so relative URLs in the feed come out as the browser resolves them), else
 * its `src` fetched by the elements' own feed layer (one request per URL, size cap, timeout, the
 * same error kinds). Every failure is an `Error` whose message names the element and the cause.
 */
export class FeedSources {
  #raw?: Promise<unknown>;
  /** The option parsed per base URL; or `#ready`, a feed that parseFeed made already (URLs resolved). */
  #parsed = new Map<string, Feed>();
  #ready?: Feed;

  constructor(private readonly options: FeedOptions) {}

  /** The feed for `<tag src>`; `undefined` when there is none to render it from (no `src`, no `feed` option). */
  async for(tag: string, src: string | undefined): Promise<Feed | undefined> {
    const { feed, baseUrl, timeout } = this.options;
    const base = baseUrl === undefined ? undefined : String(baseUrl);
    let url: string | undefined;
    if (src?.trim()) {
      try {
        url = resolveFeedUrl(src, base);
      } catch {
        if (feed === undefined)
          throw new Error(`${startTag(tag, src)}: cannot resolve src without a base URL (baseUrl, --base)`);
      }
    }
    if (feed !== undefined) return this.#fromOption(url ?? base ?? '');
    if (!url) return undefined;
    try {
      return await loadFeed(url, { timeout: timeout ?? 10_000 });
    } catch (e) {
      throw new Error(`${startTag(tag, src)}: the feed ${url} could not be used: ${(e as Error).message}`, {
        cause: e,
      });
    }
  }

  async #fromOption(base: string): Promise<Feed> {
    const { feed } = this.options;
    const file = typeof feed === 'string' || feed instanceof URL ? feed : undefined;
    this.#raw ??= file === undefined ? Promise.resolve(feed) : readJson(file);
    const raw = await this.#raw;
    let parsed = this.#ready ?? this.#parsed.get(base);
    if (parsed) return parsed;
    try {
      // the first base through parseFeedOnce: it hands back a feed that parseFeed made already
      parsed = this.#parsed.size ? parseFeed(raw, base) : parseFeedOnce(raw, base);
    } catch (e) {
      const where = file === undefined ? 'the feed option' : `the feed ${String(file)}`;
      throw new Error(`${where} is not a usable feed: ${(e as Error).message}`, { cause: e });
    }
    if (parsed === raw) this.#ready = parsed;
    this.#parsed.set(base, parsed);
    return parsed;
  }
}

async function readJson(file: string | URL): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`the feed file ${String(file)} cannot be read: ${(e as Error).message}`, { cause: e });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`the feed file ${String(file)} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
}
