import { html, nothing, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { bar, cardStyles, LOREM, media } from '../../base/card.js';
import { FeedElement } from '../../base/feed-element.js';
import { region } from '../../base/news-parts.js';
import { ImageFailures } from '../../controllers/images.js';
import { excerpt } from '../../feed/text.js';
import type { Cluster, Feed, FeedItem } from '../../feed/types.js';
import { uiLanguage } from '../../i18n/strings.js';
import { styles } from './cluster-portrait.styles.js';

type Portrait = FeedItem & { cluster: Cluster };

/**
 * The portrait of one cluster initiative: image, region and place, name,
 * focus, summary, and links to the reportage and to the cluster's own website.
 * Without `cluster` it shows the feed's first portrait item. A
 * `<cluster-journey for="…">` sets `cluster` when a station is selected; the
 * element then re-renders from the feed it already has, without a new request.
 *
 * @summary One cluster initiative's portrait from the reportage feed.
 * @tag cluster-portrait
 * @csspart image - The image; it keeps a 16:9 frame while loading and is hidden when it fails.
 * @csspart credit - The image credit, over the image's corner.
 * @csspart caption - The caption under the image.
 * @csspart logo - The cluster's logo (decorative), beside the region.
 * @csspart region - Region and place, e.g. "Rheinhessen · Mainz".
 * @csspart focus - The cluster's focus, with its label.
 * @csspart summary - The summary (or an excerpt of the reportage).
 * @csspart links - The wrapper of the two links.
 */
export class ClusterPortrait extends FeedElement<Portrait> {
  static override styles = [...FeedElement.styles, cardStyles, styles];
  static override properties: PropertyDeclarations = {
    cluster: { reflect: true },
  };
  protected static override subjectKeys = ['cluster'];

  /** `cluster.slug` of the portrait to show; without it, the feed's first portrait item. */
  cluster?: string;

  protected readonly emptyText = 'emptyPortrait' as const;
  protected override get xmlEmptyText() {
    return 'noPortraitsInFeed' as const;
  }

  readonly #images = new ImageFailures(this);

  protected pick(feed: Feed): Portrait | undefined {
    return feed.items.find(
      (i): i is Portrait => i.kind === 'portrait' && !!i.cluster && (!this.cluster || i.cluster.slug === this.cluster),
    );
  }

  protected shown(item: Portrait): FeedItem[] {
    return [item];
  }

  protected renderPlaceholder(): TemplateResult {
    return html`<div class="card base has-image skeleton" aria-hidden="true">
      <div class="media"><div class="frame placeholder"></div></div>
      <div class="body">
        <p class="small">${bar('Lorem ipsum · Dolor')}</p>
        <p class="title">${bar('Lorem ipsum')}</p>
        <p>${bar(`${this.t('focus')}: Lorem ipsum dolor`)}</p>
        <p>${bar(LOREM.repeat(2))}</p>
        <p class="links">${bar(this.t('readReportage'), 'more')}${bar(this.t('clusterWebsite'))}</p>
      </div>
    </div>`;
  }

  protected renderReady(item: Portrait, feed: Feed): TemplateResult {
    const c = item.cluster;
    const lang = item.language ?? feed.language;
    // UI strings keep the UI language inside an article in another language
    const ui = lang && uiLanguage(lang) !== uiLanguage(this.locale) ? this.locale : nothing;
    const where = region(c);
    const summary = item.summary ?? excerpt(item.content_text ?? item.content_html ?? '', 240);
    const image = item.image ?? item.banner_image;
    const { ok, fail } = this.#images;
    const logo = ok(c.logo);
    const name = html`<span class="visually-hidden">: ${c.name}</span>`;
    const link = (href: string | undefined, key: 'readReportage' | 'clusterWebsite', cls = '') =>
      href ? html`<a part="link" class=${cls} href=${href}><span lang=${ui}>${this.t(key)}</span>${name}</a>` : nothing;
    const showImage = ok(image);
    return html`<article part="base" class="card base ${showImage ? 'has-image' : ''}" lang=${lang ?? nothing}>
      ${showImage ? media(item, showImage, fail) : nothing}
      <div class="body">
        ${
          where || logo
            ? html`<div class="meta">
                ${logo ? html`<img part="logo" class="logo" src=${logo} alt="" referrerpolicy="no-referrer" @error=${() => fail(logo)} />` : nothing}
                ${where ? html`<p part="region" class="small">${where}</p>` : nothing}
              </div>`
            : nothing
        }
        ${this.heading(c.name)}
        ${c.focus ? html`<p part="focus"><span class="label" lang=${ui}>${this.t('focus')}:</span> ${c.focus}</p>` : nothing}
        ${summary ? html`<p part="summary" dir="auto">${summary}</p>` : nothing}
        ${
          item.url || c.url
            ? html`<p part="links" class="links">
                ${link(item.url, 'readReportage', 'more')} ${link(c.url, 'clusterWebsite')}
              </p>`
            : nothing
        }
      </div>
    </article>`;
  }
}
