import { css, html, nothing, type TemplateResult } from 'lit';
import type { FeedItem } from '../feed/types.js';

/**
 * The image of a card in a 16:9 frame (reserved before it loads), with its
 * credit over the corner and its caption below. `fail` hears when the image
 * cannot be loaded, so the card can drop it instead of showing a broken icon.
 * A list entry leaves the caption out (`caption` false); the credit stays.
 */
export const media = (item: FeedItem, src: string, fail: (src: string) => void, caption = true): TemplateResult =>
  html`<figure class="media">
    <div class="frame">
      <img
        part="image"
        src=${src}
        alt=${item.image_alt ?? ''}
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        @error=${() => fail(src)}
      />
      ${item.image_credit ? html`<small part="credit" class="credit">${item.image_credit}</small>` : nothing}
    </div>
    ${caption && item.image_caption ? html`<figcaption part="caption" class="caption small" dir="auto">${item.image_caption}</figcaption>` : nothing}
  </figure>`;

/**
 * A loading placeholder drawn in the ready card's own layout: each bar is a
 * span whose text comes from CSS, so it wraps like the real text at every
 * width, yet is no text for a screen reader or a contrast check.
 */
export const bar = (text: string, cls = ''): TemplateResult =>
  html`<span class="placeholder ${cls}" data-text=${text}></span>`;

export const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod tempor. ';

/** Styles shared by the news card and the portrait. */
export const cardStyles = css`
  .card {
    display: grid;
  }
  .media {
    margin: 0;
  }
  .frame {
    position: relative;
    aspect-ratio: 16 / 9;
    background: var(--_placeholder);
    overflow: hidden;
  }
  .frame img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .credit {
    position: absolute;
    inset-inline-end: 0;
    inset-block-end: 0;
    max-inline-size: 100%;
    padding: 0.125em 0.5em;
    font-size: 0.75em;
    background: rgb(0 0 0 / 0.72);
    color: #fff;
    border-start-start-radius: var(--_radius);
  }
  .caption {
    padding: 0.5em var(--_gap) 0;
  }
  .body {
    display: grid;
    gap: 0.5em;
    padding: var(--_gap);
    align-content: start;
    min-inline-size: 0;
  }
  .body > * {
    margin: 0;
  }
  .more {
    font-weight: 600;
  }
  .skeleton * {
    color: transparent;
  }
  .skeleton span {
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
  }
  .skeleton span::before {
    content: attr(data-text);
  }
  @container (min-width: 640px) {
    .card.has-image {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    }
    /* the image fills its column, at least 16:9 of it (cqi: the host's width) */
    .has-image .frame {
      aspect-ratio: auto;
      min-block-size: calc(40cqi * 9 / 16);
    }
  }
`;
