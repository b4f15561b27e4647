import { html, nothing, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { FeedElement } from '../../base/feed-element.js';
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
 * @csspart logo - The cluster's logo (decorative), beside the region.
 * @csspart region - Region and place, e.g. "Rheinhessen · Mainz".
 * @csspart focus - The cluster's focus, with its label.
 * @csspart summary - The summary (or an excerpt of the reportage).
 * @csspart links - The wrapper of the two links.
 */
export class ClusterPortrait extends FeedElement<Portrait> {
  static override styles = [...FeedElement.styles, styles];
  static override properties: PropertyDeclarations = {
    cluster: { reflect: true },
    broken: { state: true },
  };


  /** `cluster.slug` of the portrait to show; without it, the feed's first portrait item. */
  cluster?: string;

  private broken = new Set<string>();

  protected readonly emptyText = 'emptyPortrait' as const;

  protected pick(feed: Feed): Portrait | undefined {
    return feed.items.find((i): i is Portrait => i.kind === 'portrait' && !!i.cluster && (!this.cluster || i.cluster.slug === this.cluster));
  }

  /**
   * Skeleton text in the ready card's own layout and of typical length, so it
   * wraps like the real card at every width and nothing jumps when it arrives.
   */
  protected renderPlaceholder(): TemplateResult {
    // the text is CSS-generated: it sizes the bars but is no text for a reader or a contrast check
    const bar = (text: string, cls = '') => html`<span class="placeholder ${cls}" data-text=${text}></span>`;
    return html`<div class="card base has-image skeleton" aria-hidden="true">
      <div class="frame placeholder"></div>
      <div class="body">
        <div class="meta"><p class="region">${bar('Lorem ipsum · Dolor')}</p></div>
        <p class="title">${bar('Lorem ipsum')}</p>
        <p class="focus">${bar(`${this.t('focus')}:`, 'label')} ${bar('Lorem ipsum dolor')}</p>
        <p class="summary">${bar('Lorem ipsum dolor sit amet '.repeat(5))}</p>
        <p class="links">${bar(this.t('readReportage'), 'more')}${bar(this.t('clusterWebsite'))}</p>
      </div>
    </div>`;
  }

  protected renderReady(item: Portrait, feed: Feed): TemplateResult {
    const c = item.cluster;
    const lang = item.language ?? feed.language;
    // UI strings keep the UI language inside an article in another language
    const ui = lang && uiLanguage(lang) !== uiLanguage(this.locale) ? this.locale : nothing;
    const where = [c.region, c.place].filter(Boolean).join(' · ');
    const summary = item.summary ?? excerpt(item.content_text ?? item.content_html ?? '', 240);
    const image = item.image ?? item.banner_image;
    const showImage = image && !this.broken.has(image);
    const logo = c.logo && !this.broken.has(c.logo) ? c.logo : undefined;
    const name = html`<span class="visually-hidden">: ${c.name}</span>`;
    return html`<article part="base" class="card base ${showImage ? 'has-image' : ''}" lang=${lang ?? nothing}>
      ${showImage
        ? html`<div class="frame">
            <img part="image" src=${image} alt=${item.image_alt ?? ''} loading="lazy" decoding="async" referrerpolicy="no-referrer" @error=${() => this.#fail(image)} />
            ${item.image_credit ? html`<small part="credit" class="credit">${item.image_credit}</small>` : nothing}
          </div>`
        : nothing}
      <div class="body">
        ${where || logo
          ? html`<div class="meta">
              ${logo ? html`<img part="logo" class="logo" src=${logo} alt="" referrerpolicy="no-referrer" @error=${() => this.#fail(logo)} />` : nothing}
              ${where ? html`<p part="region" class="region">${where}</p>` : nothing}
            </div>`
          : nothing}
        ${this.heading(c.name)}
        ${c.focus ? html`<p part="focus" class="focus"><span class="label" lang=${ui}>${this.t('focus')}:</span> ${c.focus}</p>` : nothing}
        ${summary ? html`<p part="summary" class="summary">${summary}</p>` : nothing}
        ${item.url || c.url
          ? html`<p part="links" class="links">
              ${item.url ? html`<a part="link" class="more" href=${item.url}><span lang=${ui}>${this.t('readReportage')}</span>${name}</a>` : nothing}
              ${c.url ? html`<a part="link" href=${c.url} rel="noopener"><span lang=${ui}>${this.t('clusterWebsite')}</span>${name}</a>` : nothing}
            </p>`
          : nothing}
      </div>
    </article>`;
  }

  #fail(src: string) {
    this.broken = new Set(this.broken).add(src);
  }
}
