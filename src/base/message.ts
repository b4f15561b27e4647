import { html, nothing, type TemplateResult } from 'lit';
import type { FeedErrorKind } from '../feed/types.js';
import type { StringKey } from '../i18n/strings.js';

/** `errorNetwork`, `errorHttp`, …: the UI string for an error of `kind`. */
export const errorText = (kind: FeedErrorKind) => `error${kind[0]!.toUpperCase()}${kind.slice(1)}` as StringKey;

/**
 * The empty or error state: a short message (announced: `role="status"`, `alert` for an error)
 * and, for an error, its technical detail behind a disclosure, in English as the feed layer
 * writes it.
 */
export const message = (part: 'empty' | 'error', text: string, detailLabel?: string, detail?: string): TemplateResult =>
  html`<div part=${part} class="message base" role=${part === 'error' ? 'alert' : 'status'}>
    <p class="message-text">${text}</p>
    ${
      detail
        ? html`<details class="small">
            <summary>${detailLabel}</summary>
            <p lang="en">${detail}</p>
          </details>`
        : nothing
    }
  </div>`;
