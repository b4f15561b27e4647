import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { cardStyles, media } from '../../base/card.js';
import { FeedElement } from '../../base/feed-element.js';
import { dateLine, newsPlaceholderBody, newsText, readMore, summaryLine } from '../../base/news-parts.js';
import { ImageFailures } from '../../controllers/images.js';
import { Task } from '../../controllers/task.js';
import { headingLevel } from '../../base/heading.js';
import { safeUrl } from '../../feed/url.js';
import type { Feed, FeedItem } from '../../feed/types.js';
import { styles } from './cluster-news-card.styles.js';

/** The sanitizer is a chunk of its own: compact cards never load it. */
async function sanitize(source: string, base: string, headingLevel: number): Promise<HTMLElement | undefined> {
  try {
    const { sanitizeToElement } = await import('../../sanitize/sanitize.js');
    return await sanitizeToElement(source, base, { headingLevel, safeUrl });
  } catch (e) {
    // a chunk that fails to load leaves the body empty; the host page never sees the error
    console.error('[cluster-reportage]', e);
    return undefined;
  }
}

const time = (item: FeedItem) => Date.parse(item.date_published ?? item.date_modified ?? '') || 0;

/**
 * A news card: image with alt text, credit and caption, date, title, summary, a
 * read-more link and the "further information" links of one feed item.
 *
 * @summary One reportage news item as a card.
 * @tag cluster-news-card
 * @csspart image - The image.
 * @csspart credit - The image credit, over the image's corner.
 * @csspart caption - The caption under the image.
 * @csspart date - The publication date.
 * @csspart summary - The summary.
 * @csspart content - The sanitized article body (`variant="full"`).
 * @csspart links - The "further information" list.
 */
export class ClusterNewsCard extends FeedElement<FeedItem> {
  static override styles = [...FeedElement.styles, cardStyles, styles];
  static override properties: PropertyDeclarations = {
    item: { reflect: true },
    variant: { reflect: true },
  };
  protected static override subjectKeys = ['item'];

  /** Id of the feed item to show; without it, the newest item whose kind is news. */
  item?: string;

  /** `full` also renders the item's sanitized `content_html`. */
  variant: 'compact' | 'full' = 'compact';

  protected readonly emptyText = 'emptyNews' as const;

  readonly #images = new ImageFailures(this);
  /** The sanitized `content_html` of the full variant (see `makeBody`). */
  readonly #body = new Task(this, ([source, base, level]: [string | undefined, string, number]) =>
    source ? this.makeBody(source, base, level) : undefined,
  );

  /**
   * The full variant's body from `content_html`: here the lazily loaded sanitizer's DOM; a server
   * renderer's subclass (`cluster-reportage/ssr`) answers at once with markup of the same policy.
   */
  protected makeBody(source: string, base: string, level: number): unknown {
    return sanitize(source, base, level);
  }

  protected override settled(): boolean {
    return this.#body.status !== 'pending';
  }

  protected pick(feed: Feed): FeedItem | undefined {
    if (this.item) return feed.items.find((i) => i.id === this.item);
    let newest: FeedItem | undefined;
    for (const i of feed.items) if (i.kind === 'news' && (!newest || time(i) > time(newest))) newest = i;
    return newest;
  }

  protected shown(item: FeedItem): FeedItem[] {
    return [item];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const item = this.subject;
    // a post's relative URLs are relative to the post's page (feed readers agree), else to the feed
    const base = item?.url ?? (this.source.url || this.source.base);
    this.#body.start([this.variant === 'full' ? item?.content_html : undefined, base, headingLevel(this.headingLevel)]);
  }

  /** Resolves once the card shows its final content, the sanitized body of the full variant included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let body; body !== this.#body.settled;) {
      body = this.#body.settled;
      await body;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** A typical card: a two-line title and a summary as long as the excerpt an item without one gets. */
  protected renderPlaceholder(): TemplateResult {
    return html`<div class="card base has-image skeleton" aria-hidden="true">
      <div class="media"><div class="frame placeholder"></div></div>
      ${newsPlaceholderBody(this.t('readMore'))}
    </div>`;
  }

  protected renderReady(item: FeedItem, feed: Feed): TemplateResult {
    const { title, summary } = newsText(item, this.t('untitled'));
    const href = item.url ?? item.external_url;
    const image = item.image ?? item.banner_image;
    const showImage = this.#images.ok(image);
    return html`<article
      part="base"
      class="card base ${showImage ? 'has-image' : ''}"
      lang=${item.language ?? feed.language ?? nothing}
    >
      ${showImage ? media(item, showImage, this.#images.fail) : nothing}
      <div class="body">
        ${dateLine(item, this.locale)} ${this.heading(title)} ${summaryLine(summary)}
        ${this.variant === 'full' ? this.#content(item) : nothing} ${readMore(href, this.t('readMore'), title)}
        ${
          item.links.length
            ? html`<div part="links" class="links">
                <p>${this.t('furtherInfo')}</p>
                <ul>
                  ${item.links.map((l) => html`<li><a part="link" href=${l.url} rel="noopener noreferrer">${l.title}</a></li>`)}
                </ul>
              </div>`
            : nothing
        }
      </div>
    </article>`;
  }

  #content(item: FeedItem) {
    const text = item.content_html
      ? this.#body.value
      : item.content_text?.split(/\n\s*\n/).map((p) => html`<p>${p}</p>`);
    return item.content_html || text
      ? html`<div part="content" class="content" dir="auto">${text ?? nothing}</div>`
      : nothing;
  }
}
