import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clusterEvent } from '../base/events.js';
import type { FeedItem } from '../feed/types.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * `cluster-link-click` for every link out of the element's shadow root that
 * is followed: a click (Enter on a link is one too, with or without a
 * modifier key) or a middle click (`auxclick`, button 1; the right button
 * opens a menu, not the link). One delegated listener; the event is sent
 * synchronously, is not cancelable and never touches the click, so
 * navigation is never delayed or stopped. The host's fallback link (shown
 * in the error state) counts too: it has no item, and `part` is `''`.
 */
export class LinkClicks implements ReactiveController {
  constructor(
    private readonly host: Host,
    /** The feed item a link of the shadow root belongs to. */
    private readonly itemOf: (link: Element) => FeedItem | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // the same listener added again is a no-op, so a reconnect does not double it
    const root = this.host.renderRoot;
    root.addEventListener('click', this.#onClick);
    root.addEventListener('auxclick', this.#onClick);
  }

  readonly #onClick = (e: Event): void => {
    // a click of the main button (Enter too) or an auxclick of the middle one; never both for one press
    if ((e as MouseEvent).button !== (e.type === 'click' ? 0 : 1)) return;
    const a = (e.target as Element).closest('a[href]') as HTMLAnchorElement | null;
    if (!a) return;
    const part = a.closest('[part]')?.getAttribute('part') ?? '';
    this.host.dispatchEvent(clusterEvent('cluster-link-click', { href: a.href, item: this.itemOf(a), part }));
  };
}
