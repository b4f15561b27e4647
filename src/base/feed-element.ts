import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { FeedError, isAbort } from '../feed/errors.js';
import { lastGoodFeed, loadFeed, resolveFeedUrl } from '../feed/load.js';
import { parseFeed } from '../feed/parse.js';
import type { Feed } from '../feed/types.js';
import { t, type StringKey } from '../i18n/strings.js';
import { tokens } from '../styles/tokens.js';
import { clusterEvent } from './events.js';
import { heading, headingLevel } from './heading.js';
import { inSlice } from './slice.js';

export type FeedState = 'loading' | 'ready' | 'empty' | 'error';

const ERROR_TEXT: Record<FeedError['kind'], StringKey> = {
  network: 'errorNetwork',
  http: 'errorHttp',
  timeout: 'errorTimeout',
  parse: 'errorParse',
  invalid: 'errorInvalid',
};

// One observer for the whole page: a change of any `lang` attribute re-renders
// the elements that inherit their language.
const live = new Set<FeedElement<unknown>>();
let langObserver: MutationObserver | undefined;
function watchLang(el: FeedElement<unknown>, on: boolean) {
  if (on) live.add(el);
  else live.delete(el);
  if (on && !langObserver) {
    langObserver = new MutationObserver(() => live.forEach((e) => e.requestUpdate()));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  } else if (!live.size && langObserver) {
    langObserver.disconnect();
    langObserver = undefined;
  }
}

// Many elements given the same `feed` object validate it once.
const parsedFeeds = new WeakMap<object, Feed | Error>();
function parseOnce(raw: unknown): Feed | Error {
  const key = typeof raw === 'object' && raw !== null ? raw : undefined;
  let result = key && parsedFeeds.get(key);
  if (!result) {
    try {
      result = parseFeed(raw, document.baseURI);
    } catch (e) {
      result = e as Error;
    }
    if (key) parsedFeeds.set(key, result);
  }
  return result;
}

/** The nearest `lang` at or above `el`, crossing shadow roots. */
function inheritedLang(el: Element): string | undefined {
  for (let node: Element | null = el; node;) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return undefined;
}

/**
 * The lifecycle every feed-driven element shares: `src` or `feed` in, one of
 * four states out (`loading`, `ready`, `empty`, `error`), the
 * `cluster-feed-load` / `cluster-feed-error` events, aborting on disconnect and
 * loading again on reconnect, and dropping a late answer for an old `src`.
 * A subclass says what it shows (`pick`) and how (`renderReady`).
 *
 * @fires {ClusterFeedLoadEvent} cluster-feed-load - The feed loaded and the element rendered it. `detail: { url, items }`.
 * @fires {ClusterFeedErrorEvent} cluster-feed-error - The feed could not be used. `detail: { url, error }`, `error.kind` is `network`, `http`, `timeout`, `parse` or `invalid`.
 * @slot - Fallback content (for example a plain link), shown before the element upgrades, without JavaScript, and under the error message.
 * @csspart base - The outer wrapper of the ready state.
 * @csspart title - The heading.
 * @csspart link - Every link out.
 * @csspart loading - The placeholder shown while the feed loads; it has the size of the final card.
 * @csspart empty - The message shown when the feed has nothing for this element.
 * @csspart error - The message shown when the feed could not be loaded.
 * @cssproperty [--cluster-accent=#0b5cad] - Links, markers, focus rings.
 * @cssproperty [--cluster-text=#1b1f24] - Text colour.
 * @cssproperty [--cluster-surface=#ffffff] - Background of the card.
 * @cssproperty [--cluster-radius=0.5em] - Corner radius.
 * @cssproperty [--cluster-font=system-ui, sans-serif] - Font family.
 * @cssproperty [--cluster-gap=1em] - Inner spacing.
 */
export abstract class FeedElement<Subject> extends LitElement {
  static override styles = [tokens];
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    feed: { attribute: false },
    lang: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    timeout: { type: Number },
    state: { reflect: true },
    data: { state: true, attribute: false },
    error: { state: true, attribute: false },
  };

  /** Feed URL, relative to the page. Elements with the same resolved URL share one request. */
  src?: string;

  /** An already parsed JSON Feed object; when set, no request is made. */
  feed?: unknown;

  /** UI language and date format. Else the nearest `[lang]` ancestor, else the feed's `language`, else German. */
  override lang!: string;

  /** Level (1–6) of the element's heading, so it fits the host's outline. */
  headingLevel = 3;

  /** Milliseconds before a feed request fails with kind `timeout`. */
  timeout = 10_000;

  /** Current state: `loading`, `ready`, `empty` or `error`. Reflected to the `state` attribute. */
  state: FeedState = 'loading';

  /** The validated feed being shown, if any. */
  protected data?: Feed;
  protected error?: FeedError;

  /** The resolved URL of the feed being shown (`''` for the `feed` property). */
  protected feedUrl = '';

  #abort?: AbortController;
  #generation = 0;
  #stale = false;

  /** What this element shows from the feed, or `undefined` for the empty state. */
  protected abstract pick(feed: Feed): Subject | undefined;
  protected abstract renderReady(subject: Subject, feed: Feed): TemplateResult;
  /** The loading placeholder: same size as the ready card, so nothing jumps. */
  protected abstract renderPlaceholder(): TemplateResult;
  protected abstract readonly emptyText: StringKey;

  override connectedCallback(): void {
    super.connectedCallback();
    watchLang(this as FeedElement<unknown>, true);
    // a load that a disconnect aborted starts again (moving an element disconnects it)
    if (this.#stale) this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchLang(this as FeedElement<unknown>, false);
    // a move (disconnect and connect in the same task) keeps its request
    queueMicrotask(() => {
      if (this.isConnected || !this.#abort) return;
      this.#abort.abort();
      this.#abort = undefined;
      this.#stale = this.state === 'loading';
    });
  }

  /** Updates share the main thread with other elements' updates in short slices (see slice.ts). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return inSlice(() => super.scheduleUpdate());
  }

  /** Loads the feed again, past the page's shared copy (the browser's HTTP cache still applies). */
  reload(): void {
    this.#load(true);
  }

  /** The language for UI strings and dates, resolved as `lang` describes. */
  get locale(): string {
    // the property first: during render, Lit has not reflected a new `lang` to the attribute yet
    return this.lang || inheritedLang(this) || this.data?.language || 'de';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('feed')) this.#load();
    if (this.data && this.state !== 'error' && this.state !== 'loading') {
      this.state = this.pick(this.data) === undefined ? 'empty' : 'ready';
    }
  }

  #load(fresh = false): void {
    const generation = ++this.#generation;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#stale = false;
    this.error = undefined;
    if (this.feed !== undefined && this.feed !== null) {
      this.feedUrl = '';
      const parsed = parseOnce(this.feed);
      if (parsed instanceof Error) this.#fail(parsed, generation);
      else this.#show(parsed, generation);
      return;
    }
    if (!this.src) {
      this.data = undefined;
      this.state = 'empty';
      return;
    }
    let url: string;
    try {
      url = resolveFeedUrl(this.src);
    } catch {
      this.feedUrl = this.src;
      this.#fail(new FeedError('network', `"${this.src}" is not a URL`), generation);
      return;
    }
    this.feedUrl = url;
    const abort = (this.#abort = new AbortController());
    if (!this.data || !lastGoodFeed(url)) {
      this.data = undefined;
      this.state = 'loading';
    }
    loadFeed(url, { signal: abort.signal, timeout: this.timeout, fresh }).then(
      (feed) => this.#show(feed, generation),
      (e: unknown) => {
        if (!isAbort(e)) this.#fail(e, generation);
      },
    );
  }

  #show(feed: Feed, generation: number) {
    if (generation !== this.#generation) return;
    this.#abort = undefined;
    this.data = feed;
    this.state = this.pick(feed) === undefined ? 'empty' : 'ready';
    this.#announce(() => clusterEvent('cluster-feed-load', { url: this.feedUrl, items: feed.items }), generation);
  }

  #fail(e: unknown, generation: number) {
    if (generation !== this.#generation) return;
    this.#abort = undefined;
    const error = e instanceof FeedError ? e : new FeedError('invalid', e instanceof Error ? e.message : String(e));
    // keep what was shown from this URL before: a failed refresh should not blank the card
    const good = this.feedUrl ? lastGoodFeed(this.feedUrl) : undefined;
    if (good) {
      this.data = good;
      this.state = this.pick(good) === undefined ? 'empty' : 'ready';
    } else {
      this.data = undefined;
      this.error = error;
      this.state = 'error';
    }
    this.#announce(() => clusterEvent('cluster-feed-error', { url: this.feedUrl, error }), generation);
  }

  /** Events fire after the render they report, like `<img>`'s load and error. */
  #announce(make: () => Event, generation: number) {
    this.updateComplete.then(() => {
      if (generation === this.#generation) this.dispatchEvent(make());
    });
  }

  protected heading(content: unknown): TemplateResult {
    return heading(headingLevel(this.headingLevel), content);
  }

  protected t(key: StringKey, values?: Record<string, string | number>): string {
    return t(this.locale, key, values);
  }

  protected override render(): TemplateResult | typeof nothing {
    try {
      switch (this.state) {
        case 'ready': {
          const subject = this.data && this.pick(this.data);
          if (subject !== undefined && this.data) return this.renderReady(subject, this.data);
          return this.#message('empty', this.t(this.emptyText));
        }
        case 'error':
          return html`${this.#message('error', this.t(this.error ? ERROR_TEXT[this.error.kind] : 'error'), this.error?.message)}<slot
            ></slot>`;
        case 'empty':
          return this.#message('empty', this.t(this.emptyText));
        default:
          return html`<div part="loading" class="loading" aria-busy="true" role="status">
            <span class="visually-hidden">${this.t('loading')}</span>${this.renderPlaceholder()}
          </div>`;
      }
    } catch (e) {
      // a render bug must not reach the host page; show it as an error instead
      console.error('[cluster-reportage]', e);
      return this.#message('error', this.t('error'));
    }
  }

  #message(part: 'empty' | 'error', text: string, detail?: string): TemplateResult {
    return html`<div part=${part} class="message base" role=${part === 'error' ? 'alert' : 'status'}>
      <p class="message-text">${text}</p>
      ${
        detail
          ? html`<details class="small">
              <summary>${this.t('details')}</summary>
              <p lang="en">${detail}</p>
            </details>`
          : nothing
      }
    </div>`;
  }
}
