import { html, nothing, type TemplateResult } from 'lit';
import { excerpt } from '../feed/text.js';
import type { Cluster, FeedItem } from '../feed/types.js';
import { formatDate } from '../i18n/strings.js';
import { bar, LOREM } from './card.js';

/** The title and summary a news card and a list entry show of an item. */
export interface NewsText {
  title: string;
  summary: string;
}

/** The title falls back to the start of the body, the summary to an excerpt (if the title did not take the body). */
export function newsText(item: FeedItem, untitled: string): NewsText {
  const body = item.content_text ?? item.content_html ?? '';
  return {
    title: item.title ?? (excerpt(body, 100) || untitled),
    summary: item.summary ?? (item.title ? excerpt(body, 240) : ''),
  };
}

/** Region and place of a cluster, e.g. "Rheinhessen · Mainz" (either alone when the other is missing). */
export const region = (c: Cluster): string => [c.region, c.place].filter(Boolean).join(' · ');

/** The item's date (published, else modified) in the long form of `lang`, machine-readable in `datetime`. */
export const dateLine = (item: FeedItem, lang: string): TemplateResult | typeof nothing => {
  const date = item.date_published ?? item.date_modified;
  return date ? html`<time part="date" class="small" datetime=${date}>${formatDate(date, lang)}</time>` : nothing;
};

export const summaryLine = (summary: string): TemplateResult | typeof nothing =>
  summary ? html`<p part="summary" dir="auto">${summary}</p>` : nothing;

/** The read-more link; its hidden tail names the article, so a list of links stays distinguishable. */
export const readMore = (href: string | undefined, label: unknown, title: string): TemplateResult | typeof nothing =>
  href
    ? html`<a part="link" class="more" href=${href}>${label}<span class="visually-hidden">: ${title}</span></a>`
    : nothing;

/** The text block of a loading news card: date, a two-line title, a summary as long as an excerpt, the link. */
export const newsPlaceholderBody = (readMoreLabel: string): TemplateResult =>
  html`<div class="body">
    <p class="small">${bar('2. Februar 2021')}</p>
    <p class="title">${bar(LOREM.slice(0, 70))}</p>
    <p>${bar(LOREM.repeat(4).slice(0, 240))}</p>
    <p class="more">${bar(readMoreLabel)}</p>
  </div>`;
