import type { Feed, FeedItem } from '../../feed/types.js';
import type { safeUrl } from '../../feed/url.js';
import { indexFeed, useUrlGate } from './match.js';
import { scan } from './scan.js';

export interface ScanOptions {
  feed: Feed;
  /** the feed's resolved URL: every card gets it as `src`, so all share one request */
  url: string;
  /** CSS selector of the containers to scan; without it, the whole document */
  scope: string | undefined;
  /** the autolink's attribute `name`: `lang`, `heading-level` and (for news cards) `variant` pass on */
  attr: (name: string) => string | null | undefined;
  /** the URL gate, handed in (this is a lazy chunk: it imports nothing from the entry) */
  gate: typeof safeUrl;
  /** what went wrong, for a warning (an invalid `scope`, a page that broke its DOM) */
  warn: (e: unknown) => void;
}

/** What the autolink passes on to the cards it makes (`variant` to news cards only). */
const PASSED = ['lang', 'heading-level', 'variant'];

/**
 * The element that stands for `item` in `doc`: a news card or a portrait with the feed's `url`
 * as `src` and what the autolink passes on. The server's autolink (`src/node/autolink.ts`) makes
 * its cards with it too.
 */
export const cardMaker =
  (doc: Document, url: string, attr: ScanOptions['attr']) =>
  (item: FeedItem): Element => {
    const news = item.kind == 'news';
    const card = doc.createElement(news ? 'cluster-news-card' : 'cluster-portrait');
    card.setAttribute('src', url);
    card.setAttribute(news ? 'item' : 'cluster', news ? item.id : item.cluster!.slug);
    for (const name of PASSED) {
      const value = (news || name != 'variant') && attr(name);
      if (value) card.setAttribute(name, value);
    }
    return card;
  };

/**
 * The autolink's work, a lazy chunk that only pages with a `<cluster-autolink>` load: one scan
 * of the page, then of what is added later, once per animation frame. Returns the function
 * that stops it.
 */
export function startScanning({ feed, url, scope, attr, gate, warn }: ScanOptions): () => void {
  useUrlGate(gate);
  const index = indexFeed(feed);
  // what is still to be scanned; the whole page first
  const pending = new Set<Node>([document.documentElement]);
  const make = cardMaker(document, url, attr);
  const flush = () => {
    try {
      for (const node of pending) {
        const el = node.nodeType == 1 ? (node as Element) : node.parentElement;
        if (el) scan(el, scope, index, make);
      }
    } catch (e) {
      // an invalid `scope`, or a page that broke its DOM: the links stay links
      warn(e);
    }
    // our own replacements come back as records too: their links are inside cards, left alone
    pending.clear();
  };
  // later content waits for the next frame, so a page that adds a thousand nodes costs one
  // scan: the first addition since the last scan asks for the frame
  const observer = new MutationObserver((records) => {
    if (!pending.size) requestAnimationFrame(flush);
    for (const r of records) for (const n of r.addedNodes) pending.add(n);
  });
  observer.observe(document, { childList: true, subtree: true });
  flush();
  return () => {
    observer.disconnect();
    // a frame that is still to come finds nothing to scan
    pending.clear();
  };
}
