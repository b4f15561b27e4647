// What the browser suites of server rendering share: HTML rendered by `cluster-reportage render`
// (the built CLI, through the test server's /mock/prerender route), put into the page as the parser
// would, with its declarative shadow roots, and watched from there.
import { expect, waitUntil } from '@open-wc/testing';
import type { FeedElement } from '../../src/base/feed-element.js';
import { mockUrl } from '../helpers.js';

export const TAGS = 'cluster-news-card, cluster-journey, cluster-portrait, cluster-news-list';

/** `html` rendered from `feed` by the CLI, with this page as the base URL. */
export async function prerender(html: string, feed: unknown): Promise<string> {
  const res = await fetch('/mock/prerender', {
    method: 'POST',
    body: JSON.stringify({ html, feed, base: location.href }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`cluster-reportage render failed: ${text}`);
  return text;
}

export interface Mounted {
  root: HTMLElement;
  els: FeedElement<unknown>[];
  /** Nodes added to a shadow root that are, or hold, a loading placeholder. */
  placeholders: () => number;
  events: string[];
}

/** Puts prerendered HTML into the page the way the parser does (declarative shadow roots attached first), watched from there. */
export function mount(html: string): Mounted {
  const root = document.createElement('div');
  document.body.append(root);
  const events: string[] = [];
  for (const type of ['cluster-feed-load', 'cluster-feed-error'])
    root.addEventListener(type, (e) => events.push(`${(e.target as Element).localName}:${type}`));
  root.setHTMLUnsafe(html);
  const els = [...root.querySelectorAll<FeedElement<unknown>>(TAGS)];
  let placeholders = 0;
  for (const el of els) {
    // upgraded on insertion, its first render a microtask later: watched before it
    expect(el.shadowRoot, `<${el.localName}> has its declarative shadow root`).to.exist;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof Element && (n.matches('[part~="loading"]') || n.querySelector('[part~="loading"]')))
            placeholders++;
    }).observe(el.shadowRoot!, { childList: true, subtree: true });
  }
  return { root, els, placeholders: () => placeholders, events };
}

/**
 * Lets the feed held under `key` (the `gate` mock route) answer, once its request has reached the
 * server: asked again until one request was answered (a request still on its way is held again).
 * Resolves to how many requests it answered.
 */
export async function openGate(key: string): Promise<number> {
  let answered = 0;
  await waitUntil(
    async () => (answered = (await (await fetch(mockUrl('open', { key }))).json()).answered),
    'the feed was never asked for',
    { timeout: 8000 },
  );
  return answered;
}
