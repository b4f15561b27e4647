import { html, nothing, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { cardStyles, media } from '../../base/card.js';
import { FeedElement } from '../../base/feed-element.js';
import { dateLine, newsPlaceholderBody, newsText, readMore, region, summaryLine } from '../../base/news-parts.js';
import { ImageFailures } from '../../controllers/images.js';
import type { Feed, FeedItem } from '../../feed/types.js';
import { styles } from './cluster-news-list.styles.js';
import { listEntries, listLimit } from './entries.js';

/** The loading placeholder shows `limit` entries, but no more than this many. */
const MAX_PLACEHOLDERS = 12;

/**
 * The latest items of the feed as a list of compact cards (image, date,
 * title, summary, read-more link), newest first, kept current by the feed
 * alone: `limit` entries of `kind`, optionally only those with a `tag`. The
 * entries are a `<ul>`, in a grid whose columns follow the width of the
 * container. When more items match, a "more" button shows the next `limit`,
 * moves focus to the first new entry and announces how many were added.
 * A portrait entry shows the cluster's name as its title, its region and
 * place, the summary and a link to the reportage.
 *
 * @summary The latest reportage items as a list of compact cards.
 * @tag cluster-news-list
 * @csspart list - The list (`<ul>`) of entries.
 * @csspart entry - Every entry (`<li>`), a compact card.
 * @csspart more - The "more" button under the list, while more items match.
 * @csspart image - The image of an entry.
 * @csspart credit - The image credit, over the image's corner.
 * @csspart date - The publication date of an entry.
 * @csspart region - Region and place of a portrait entry.
 * @csspart summary - The summary of an entry.
 */
export class ClusterNewsList extends FeedElement<FeedItem[]> {
  static override styles = [...FeedElement.styles, cardStyles, styles];
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    kind: {},
    tag: {},
  };
  protected static override subjectKeys = ['limit', 'kind', 'tag'];

  /** How many entries to show, and how many more the "more" button adds; anything but a whole number from 1 means 3. */
  limit = 3;

  /** Which items: `news` (also when unset or unknown), `portrait` or `all`. */
  kind?: 'news' | 'portrait' | 'all';

  /** Only items carrying this tag; comma-separated: any of them (compared without case). */
  tag?: string;

  protected readonly emptyText = 'emptyNews' as const;
  /** An RSS or Atom feed has no portraits: `kind="portrait"` says so. */
  protected override get xmlEmptyText() {
    return this.kind === 'portrait' ? ('noPortraitsInFeed' as const) : undefined;
  }

  readonly #images = new ImageFailures(this);
  /** How many entries are shown; back to `limit` whenever the entries are picked again. */
  #count = 0;
  /** What "more" announced: how many it added. */
  #announced = '';

  /** Runs when the feed, `limit`, `kind` or `tag` changed: the list starts over at `limit` entries. */
  protected pick(feed: Feed): FeedItem[] | undefined {
    this.#count = listLimit(this.limit);
    return listEntries(feed, this.kind, this.tag);
  }

  protected shown(entries: FeedItem[]): FeedItem[] {
    return entries.slice(0, this.#count);
  }

  protected override itemAt(link: Element): FeedItem | undefined {
    const li = link.closest('li');
    return li ? this.subject?.[[...li.parentElement!.children].indexOf(li)] : undefined;
  }

  readonly #more = async (): Promise<void> => {
    const from = this.#count;
    this.#count = Math.min(from + listLimit(this.limit), this.subject!.length);
    this.#announced = this.t('moreAdded', { n: this.#count - from });
    this.requestUpdate();
    await this.updateComplete;
    // the button is gone when nothing more matches; focus goes on to what was added either way
    this.renderRoot.querySelectorAll<HTMLElement>('[part~="entry"]')[from]?.focus();
  };

  protected renderPlaceholder(): TemplateResult {
    const entry = html`<li class="entry base">
      <div class="media"><div class="frame placeholder"></div></div>
      ${newsPlaceholderBody(this.t('readMore'))}
    </li>`;
    return html`<div class="news-list skeleton" aria-hidden="true">
      <ul class="list">
        ${Array(Math.min(listLimit(this.limit), MAX_PLACEHOLDERS)).fill(entry)}
      </ul>
    </div>`;
  }

  protected renderReady(entries: FeedItem[], feed: Feed): TemplateResult {
    const more = this.#count < entries.length;
    return html`<div part="base" class="news-list">
      <ul part="list" class="list">
        ${this.shown(entries).map((item) => this.#entry(item, feed))}
      </ul>
      ${more ? html`<button part="more" type="button" class="show-more" @click=${this.#more}>${this.t('showMore')}</button>` : nothing}
      <p class="visually-hidden" role="status">${this.#announced}</p>
    </div>`;
  }

  #entry(item: FeedItem, feed: Feed): TemplateResult {
    const c = item.cluster;
    const { title, summary } = newsText(item, this.t('untitled'));
    const name = c?.name ?? title;
    const where = c && region(c);
    const lang = item.language ?? feed.language;
    const src = this.#images.ok(item.image ?? item.banner_image);
    // focusable from script (tabindex -1, no tab stop): "more" moves focus to the first new entry
    return html`<li part="entry" class="entry base" lang=${lang ?? nothing} tabindex="-1">
      ${src ? media(item, src, this.#images.fail, false) : nothing}
      <div class="body">
        ${dateLine(item, this.locale)} ${where ? html`<p part="region" class="small">${where}</p>` : nothing}
        ${this.heading(name)} ${summaryLine(summary)}
        ${readMore(item.url ?? item.external_url ?? c?.url, this.t(c ? 'readReportage' : 'readMore'), name)}
      </div>
    </li>`;
  }
}
