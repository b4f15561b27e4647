// One broken or odd feed, loaded twice, as broken-feeds.test.ts (JSON) and broken-xml.test.ts
// (RSS/Atom) do for each of their cases: by loadFeed, and by a real <cluster-news-card src=…> next
// to other page content. It ends in the documented error kind or in a card of what is usable, and
// never in an uncaught exception or unhandled rejection on the page.
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/elements/cluster-news-card/define.js';
import type { ClusterNewsCard } from '../../src/elements/cluster-news-card/cluster-news-card.js';
import { FeedError } from '../../src/feed/errors.js';
import { clearFeedCache, loadFeed } from '../../src/feed/load.js';
import type { Feed, FeedErrorKind } from '../../src/feed/types.js';
import { b64, guarded, mockUrl, part, shadow } from '../helpers.js';

export interface BrokenCase {
  name: string;
  url: () => string | Promise<string>;
  /** ms; for the slow servers */
  timeout?: number;
  /** the failure both loaders end in; else the feed loads, maybe with problems */
  kind?: FeedErrorKind;
  /** what the error message (or the first problem's path) says */
  says?: RegExp;
  /** the card's `item` attribute */
  item?: string;
  feed?: (feed: Feed) => void;
  /** checks on the card in its settled state (default: ready) */
  card?: (card: ClusterNewsCard) => void;
  state?: 'ready' | 'empty';
}

let serial = 0;
/**
 * A URL of the test server that answers `body` (text as UTF-8, or bytes as they are) with `type`
 * and `status`; long bodies and bytes are stashed on the server first.
 */
export async function serve(body: string | Uint8Array, type = 'application/feed+json', status = 200): Promise<string> {
  if (typeof body === 'string' && body.length < 3000) return mockUrl('respond', { status, type, body: b64(body) });
  const key = `broken-${++serial}-${Math.random().toString(36).slice(2)}`;
  const res = await fetch(mockUrl('stash', { key, type, status }), {
    method: 'POST',
    body: new Blob([body as BlobPart]),
  });
  expect(res.ok, 'stash').to.equal(true);
  return mockUrl('stash', { key });
}

export const caseTitle = (c: BrokenCase): string =>
  `${c.name}: ${c.kind ? `error of kind "${c.kind}"` : 'renders what is usable'}, via loadFeed and <cluster-news-card>`;

/** The card's title as shown. */
export const cardTitle = (card: Element): string | undefined => part(card, 'title')?.textContent?.trim();

/** What the page would see of a card that shows the feed: no "undefined", "null", "NaN" or "[object Object]", no unsafe link. */
function looksSane(card: ClusterNewsCard) {
  // (an error message may quote the feed: "(root): expected a JSON Feed object, got null")
  const text = card.state === 'error' ? '' : (shadow(card).textContent ?? '');
  expect(text).not.to.match(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/);
  expect(shadow(card).textContent).not.to.match(/\bundefined\b|\[object Object\]/);
  for (const el of shadow(card).querySelectorAll('[href], [src]')) {
    expect(el.getAttribute('href') ?? el.getAttribute('src')).to.match(/^(https?:|mailto:)/);
  }
}

/** Loads case `c` by loadFeed and by a card (in English), and checks both ends. */
export const checkBrokenCase = (c: BrokenCase): Promise<void> =>
  guarded(async () => {
    const url = await c.url();
    const options = c.timeout ? { timeout: c.timeout } : {};

    // 1. loadFeed
    let outcome: Feed | unknown;
    try {
      outcome = await loadFeed(url, options);
    } catch (e) {
      outcome = e;
    }
    if (c.kind) {
      expect(outcome, String(outcome)).to.be.instanceOf(FeedError);
      const e = outcome as FeedError;
      expect(e.kind, e.message).to.equal(c.kind);
      if (c.says) expect(e.message).to.match(c.says);
    } else {
      expect(outcome, String(outcome)).not.to.be.instanceOf(Error);
      const feed = outcome as Feed;
      if (c.says) expect(feed.problems[0]?.path, JSON.stringify(feed.problems)).to.match(c.says);
      else expect(feed.problems, JSON.stringify(feed.problems)).to.deep.equal([]);
      c.feed?.(feed);
    }
    clearFeedCache();

    // 2. a real element on a page with other content
    const page = fixtureSync<HTMLElement>(html`<div><p class="host">Host content</p></div>`);
    const card = document.createElement('cluster-news-card');
    const event = new Promise<CustomEvent>((resolve) => {
      card.addEventListener('cluster-feed-load', (e) => resolve(e as CustomEvent));
      card.addEventListener('cluster-feed-error', (e) => resolve(e as CustomEvent));
    });
    if (c.timeout) card.timeout = c.timeout;
    if (c.item) card.item = c.item;
    card.lang = 'en';
    card.src = url;
    page.append(card);
    const { type, detail } = await event;
    await card.updateComplete;
    if (c.kind) {
      expect(type).to.equal('cluster-feed-error');
      expect(detail.error.kind).to.equal(c.kind);
      expect(detail.error.message).to.be.a('string').and.not.equal('');
      expect(card.state).to.equal('error');
      const message = part(card, 'error');
      expect(message?.textContent?.trim()).to.be.a('string').and.not.equal('');
      expect(message!.textContent).not.to.match(/\n\s+at /); // no stack trace
      // the sentence says what a reader needs to know; the detail names the place
      if (c.kind === 'parse') expect(message!.textContent).to.contain('not valid JSON, RSS or Atom');
      if (c.kind === 'invalid') expect(message!.textContent).to.contain('not in the expected format');
    } else {
      expect(type).to.equal('cluster-feed-load');
      expect(card.state).to.equal(c.state ?? 'ready');
      c.card?.(card);
    }
    looksSane(card);
    expect(page.querySelector('p.host')?.textContent).to.equal('Host content');
    expect(page.contains(card)).to.equal(true);
  });
