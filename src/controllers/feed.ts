import { clusterEvent } from '../base/events.js';
import { FeedError } from '../feed/errors.js';
import { lastGoodFeed, loadFeed, resolveFeedUrl } from '../feed/load.js';
import { parseFeedOnce } from '../feed/parse-once.js';
import type { Feed } from '../feed/types.js';
import { Task, type TaskHost } from './task.js';

/** What the controller reads from its element: the public `src`, `feed` and `timeout`. */
export type FeedHost = TaskHost &
  EventTarget & { src?: string; feed?: unknown; timeout: number; readonly updateComplete: Promise<boolean> };

type Source = [feed: unknown, src: string | undefined];

/**
 * An element's feed, from `src` (loaded through the feed layer, which shares
 * one request per URL) or from the `feed` property (an object, validated once),
 * as the statuses of a `Task`: aborted when the element leaves the page, run
 * again when it returns, a late answer for an old source dropped.
 *
 * `feed` is what to show: the loaded feed; while a refresh of a feed already
 * shown is pending, or when it fails, the last good copy from the same URL.
 * `cluster-feed-load` and `cluster-feed-error` fire after the render that
 * shows the outcome, like `<img>`'s load and error.
 */
export class FeedController extends Task<Source, Feed | undefined> {
  /** The resolved feed URL (`''` for the `feed` property). */
  url = '';
  /** The page's base URL, read when the element connects (`''` on a server, which has no page). */
  base = '';
  #fallback?: Feed;
  #fresh = false;

  constructor(protected override readonly host: FeedHost) {
    super(host);
  }

  /** The feed to show, if any. */
  get feed(): Feed | undefined {
    return this.status === 'complete' ? this.value : this.#fallback;
  }

  /** Why the newest load failed, if it did (also while the last good copy is shown): the feed layer fails only with `FeedError`s. */
  get failure(): FeedError | undefined {
    return this.error as FeedError | undefined;
  }

  /** Call from `willUpdate`: loads when `src` or `feed` changed (and the page is known); `fresh` loads again past the page's shared copy. */
  update(fresh = false): void {
    const { feed, src } = this.host;
    if (feed == null && src && !this.base) return; // not on a page (yet): nothing to resolve `src` against
    this.#fresh = fresh;
    this.start([feed ?? undefined, src || undefined], fresh);
  }

  override hostConnected(): void {
    // first, so that a load resumed on reconnect knows the page
    this.base = document.baseURI;
    super.hostConnected();
  }

  protected override job([feed, src]: Source, signal: AbortSignal): Feed | undefined | Promise<Feed> {
    const fresh = this.#fresh;
    this.#fallback = undefined;
    this.url = '';
    if (feed !== undefined) return parseFeedOnce(feed, this.base);
    if (!src) return undefined;
    try {
      this.url = resolveFeedUrl(src, this.base);
    } catch {
      this.url = src;
      throw new FeedError('network', `"${src}" is not a URL`);
    }
    // a refresh of what is on screen keeps it there until the answer comes
    this.#fallback = this.feed && lastGoodFeed(this.url);
    return loadFeed(this.url, { signal, timeout: this.host.timeout, fresh });
  }

  protected override settledRun(): void {
    const { url, run } = this;
    // a failed refresh does not blank the card: the last good copy from this URL stays
    if (this.status === 'error') this.#fallback = url ? lastGoodFeed(url) : undefined;
    const error = this.failure;
    const feed = this.value;
    if (!error && !feed) return;
    void this.host.updateComplete.then(() => {
      if (this.run !== run) return;
      this.host.dispatchEvent(
        error
          ? clusterEvent('cluster-feed-error', { url, error })
          : clusterEvent('cluster-feed-load', { url, items: feed!.items }),
      );
    });
  }
}
