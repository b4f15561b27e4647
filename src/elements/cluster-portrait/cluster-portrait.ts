import { html, type TemplateResult } from 'lit';
import { FeedElement } from '../../base/feed-element.js';
import type { Feed } from '../../feed/types.js';

/**
 * First version; see the element contract.
 * @tag cluster-portrait
 */
export class ClusterPortrait extends FeedElement<unknown> {
  protected readonly emptyText = 'emptyNews' as const;
  protected pick(feed: Feed): unknown {
    return feed.items[0];
  }
  protected renderPlaceholder(): TemplateResult {
    return html`<div class="base"></div>`;
  }
  protected renderReady(): TemplateResult {
    return html`<div part="base" class="base">portrait</div>`;
  }
}
