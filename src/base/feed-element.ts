import { html, LitElement, nothing, ReactiveElement, type PropertyValues, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { FeedController } from '../controllers/feed.js';
import { Impressions } from '../controllers/impressions.js';
import { LinkClicks } from '../controllers/link-clicks.js';
import { LocaleController } from '../controllers/locale.js';
import type { Feed, FeedItem } from '../feed/types.js';
import type { StringKey } from '../i18n/strings.js';
import { tokens } from '../styles/tokens.js';
import { heading, headingLevel } from './heading.js';
import { errorText, message } from './message.js';
import { inSlice } from './slice.js';

export type FeedState = 'loading' | 'ready' | 'empty' | 'error';

/**
 * What every feed-driven element shares: `src` or `feed` in (a
 * `FeedController`), the language (a `LocaleController`), one of four states
 * out (`loading`, `ready`, `empty`, `error`) and the message or placeholder
 * for each. A subclass says what it shows from the feed (`pick`, recomputed
 * only when the feed or one of its `subjectKeys` changes) and how
 * (`renderReady`).
 *
 * @fires {ClusterFeedLoadEvent} cluster-feed-load - The feed loaded and the element rendered it. `detail: { url, items }`.
 * @fires {ClusterFeedErrorEvent} cluster-feed-error - The feed could not be used. `detail: { url, error }`, `error.kind` is `network`, `http`, `timeout`, `parse` or `invalid`.
 * @fires {ClusterImpressionEvent} cluster-impression - Once per element and page view: at least half of the element (or, for one too tall for that, half of the viewport's height) was in view for one second without a break, in a visible tab, showing its content. `detail: { url, items }`, the items shown.
 * @fires {ClusterLinkClickEvent} cluster-link-click - A link in the element was followed (click, middle click, Enter). `detail: { href, item, part }`: the link's URL, the feed item it belongs to, its part (`link`, or `content` for a link in the article). Not cancelable; sent synchronously, never delays navigation.
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
 * @cssproperty [--cluster-font=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Font family.
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
  };

  /** Properties `pick` reads besides the feed: a change of one of them picks the subject again. */
  protected static subjectKeys: readonly string[] = [];

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

  protected readonly source = new FeedController(this);
  protected readonly i18n = new LocaleController(this, () => this.source.feed?.language);
  protected readonly impressions = new Impressions(this, () =>
    this.state === 'ready' ? { url: this.source.url, items: this.shown(this.subject!) } : undefined,
  );
  protected readonly linkClicks = new LinkClicks(this, (link) => this.itemAt(link));

  /** What `pick` chose from the feed now shown; defined exactly when the state is `ready`. */
  protected subject?: Subject;
  #pickedFrom?: Feed;

  /** What this element shows from the feed, or `undefined` for the empty state. */
  protected abstract pick(feed: Feed): Subject | undefined;
  protected abstract renderReady(subject: Subject, feed: Feed): TemplateResult;
  /** The feed items the element shows of `subject` (for `cluster-impression`). */
  protected abstract shown(subject: Subject): FeedItem[];
  /** The feed item a link of the ready state belongs to (for `cluster-link-click`); by default the first shown. */
  protected itemAt(_link: Element): FeedItem | undefined {
    return this.subject === undefined ? undefined : this.shown(this.subject)[0];
  }
  /** The loading placeholder: same size as the ready card, so nothing jumps. */
  protected abstract renderPlaceholder(): TemplateResult;
  protected abstract readonly emptyText: StringKey;
  /** The empty message for an RSS or Atom feed, when such a feed cannot carry what the element shows. */
  protected get xmlEmptyText(): StringKey | undefined {
    return undefined;
  }

  /** Updates share the main thread with other elements' updates in short slices (see slice.ts). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return inSlice(() => super.scheduleUpdate());
  }

  /** Whether a render now shows the final content (the full card's body may still be on its way). */
  protected settled(): boolean {
    return true;
  }

  /** Whether this element took over prerendered content (what is on screen need not make an entrance). */
  protected tookOver = false;

  /**
   * Replacement, not hydration (README, "Server rendering"): what a server rendered into a
   * declarative shadow root stays on screen, with no placeholder, until there is a feed to show
   * (it stays when the feed fails with no copy to show); then one render replaces it.
   */
  protected override update(changed: PropertyValues<this>): void {
    // Lit renders in front of nodes already in the shadow root: its `renderBefore` is the first
    // prerendered node (a fresh root is empty, its styles adopted)
    const options = this.renderOptions;
    if (options.renderBefore) {
      // attributes (`state`) still reflect
      if (!this.source.feed || !this.settled()) return ReactiveElement.prototype['update'].call(this, changed);
      options.renderBefore = null;
      this.renderRoot.replaceChildren();
      this.tookOver = true;
    }
    super.update(changed);
  }

  /** Loads the feed again, past the page's shared copy (the browser's HTTP cache still applies). */
  reload(): void {
    this.source.update(true);
  }

  /** The language for UI strings and dates, resolved as `lang` describes. */
  get locale(): string {
    return this.i18n.lang;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('feed')) this.source.update();
    const feed = this.source.feed;
    const keys = (this.constructor as typeof FeedElement).subjectKeys;
    if (feed !== this.#pickedFrom || keys.some((k) => changed.has(k as keyof FeedElement<Subject>))) {
      this.#pickedFrom = feed;
      this.subject = feed && this.pick(feed);
    }
    const { status } = this.source;
    this.state = feed
      ? this.subject === undefined
        ? 'empty'
        : 'ready'
      : status === 'error'
        ? 'error'
        : status === 'complete'
          ? 'empty'
          : 'loading';
  }

  protected heading(content: unknown): TemplateResult {
    return heading(headingLevel(this.headingLevel), content);
  }

  protected t(key: StringKey, values?: Record<string, string | number>): string {
    return this.i18n.t(key, values);
  }

  protected override render(): TemplateResult | typeof nothing {
    try {
      switch (this.state) {
        case 'ready':
          return this.renderReady(this.subject!, this.source.feed!);
        case 'error': {
          const error = this.source.failure;
          const text = this.t(error ? errorText(error.kind) : 'error');
          return html`${message('error', text, this.t('details'), error?.message)}<slot></slot>`;
        }
        case 'empty': {
          const format = this.source.feed?.format;
          return message('empty', this.t((format && format !== 'json' && this.xmlEmptyText) || this.emptyText));
        }
        default:
          return html`<div part="loading" class="loading" aria-busy="true" role="status">
            <span class="visually-hidden">${this.t('loading')}</span>${this.renderPlaceholder()}
          </div>`;
      }
    } catch (e) {
      // a render bug must not reach the host page; show it as an error instead
      console.error('[cluster-reportage]', e);
      return message('error', this.t('error'));
    }
  }
}
