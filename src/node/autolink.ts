import { parse, serialize } from 'parse5';
import { ClusterAutolink } from '../elements/cluster-autolink/cluster-autolink.js';
import { indexFeed, useUrlGate } from '../elements/cluster-autolink/match.js';
import { scan } from '../elements/cluster-autolink/scan.js';
import { cardMaker } from '../elements/cluster-autolink/scanner.js';
import { resolveFeedUrl } from '../feed/load.js';
import type { FeedItem } from '../feed/types.js';
import { safeUrl } from '../feed/url.js';
import { mayUpgrade } from './autolink-candidates.js';
import { startTag, type FeedSources } from './feeds.js';
import { loadJsdom } from './load-jsdom.js';
import { findElements, type Found } from './page.js';
import { splice } from './splice.js';

/** A tag registered for the autolink's class or a subclass (also under a partner's own name). */
const isAutolink = (tag: string) => {
  const ctor = tag.includes('-') ? customElements.get(tag) : undefined;
  return !!ctor && (ctor === ClusterAutolink || ctor.prototype instanceof ClusterAutolink);
};

interface Run {
  autolink: Found;
  index: Map<string, FeedItem>;
  /** the feed's URL, resolved as the script resolves it: the `src` of every card it makes */
  url: string;
}

/**
 * What every `<cluster-autolink src>` of the page does in the browser, done to the HTML before the
 * elements are rendered: each standalone link to an item of its feed becomes that item's card,
 * with the link (or its paragraph) inside as the fallback. The autolink's own code decides
 * (`scan`, `linkKey`, `cardMaker`), run over the page's DOM in jsdom; the page's source is then
 * changed only where a card went in: everything else passes through byte for byte.
 *
 * A page whose links cannot match is left as it is at once (`mayUpgrade`), without a DOM. A link
 * whose markup is not closed in the source stays a link (warned): wrapped, the HTML after it could
 * be read differently. As a last check the new page is parsed again and must give the DOM the
 * autolink made; else every link stays for the browser's autolink (warned).
 */
export async function applyAutolinks(
  html: string,
  sources: FeedSources,
  base: string | undefined,
  warn: (message: string) => void,
): Promise<string> {
  const runs: Run[] = [];
  useUrlGate(safeUrl);
  for (const autolink of findElements(html, isAutolink)) {
    const src = autolink.attrs.get('src');
    // as in the browser: without src it does nothing
    if (!src?.trim()) warn(`<${autolink.tag}> has no src: it turns no link into a card`);
    else runs.push({ autolink, index: indexFeed((await sources.for(autolink.tag, src))!), url: feedUrl(src, base) });
  }
  const indexes = runs.map((r) => r.index);
  if (!runs.length || !mayUpgrade(html, indexes, base)) return html;

  const Dom = await loadJsdom('<cluster-autolink>', 'the links are matched in its DOM, as in the browser');
  const url = base && URL.canParse(base) ? { url: base } : {};
  const dom = new Dom(html, { ...url, includeNodeLocations: true });
  // whether `out` parses to the DOM the autolink made: parse5 first (a tenth of jsdom's time); jsdom,
  // whose parse5 may be another version, has the last word when they differ
  const reread = (out: string) => {
    const made = dom.serialize();
    if (serialize(parse(out)) === made) return true;
    const again = new Dom(out, url);
    const same = again.serialize() === made;
    again.window.close();
    return same;
  };
  try {
    const made = runs.flatMap((run) => upgrade(dom.window.document, run, warn));
    const out = splice(html, dom, made, (node) => {
      const el = node.nodeType === 1 ? (node as Element) : undefined;
      const link = el?.localName === 'a' ? el : el?.querySelector('a');
      warn(
        `<cluster-autolink>: the link to ${link?.getAttribute('href') ?? node.textContent!.trim()} stays a link in the HTML, as an element in or around it has no end tag; the script makes it a card in the browser`,
      );
    });
    // the browser must read the new page as the DOM the autolink made
    if (out === html || reread(out)) return out;
    warn(
      '<cluster-autolink>: the page reads differently with the cards in its HTML (its markup is not well-formed around them); every link was left for the script to make a card of in the browser',
    );
    return html;
  } finally {
    dom.window.close();
  }
}

/** One autolink's scan of `doc`, as its script does it; the cards it made. */
function upgrade(doc: Document, { autolink, index, url }: Run, warn: (message: string) => void): Element[] {
  const make = cardMaker(doc, url, (name) => autolink.attrs.get(name));
  const made: Element[] = [];
  try {
    scan(doc.documentElement, autolink.attrs.get('scope'), index, (item) => {
      const card = make(item);
      made.push(card);
      return card;
    });
  } catch (e) {
    // as in the browser: an invalid `scope` leaves every link as it is
    warn(
      `${startTag(autolink.tag, autolink.attrs.get('src'))}: ${(e as Error).message}; its links were left as they are`,
    );
  }
  return made;
}

function feedUrl(src: string, base: string | undefined): string {
  try {
    return resolveFeedUrl(src, base);
  } catch {
    // no base to resolve it against (a `feed` option renders without one): the browser resolves it alike
    return src;
  }
}
