import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { linkKey } from '../elements/cluster-autolink/match.js';
import type { FeedItem } from '../feed/types.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;
/** Elements whose links the autolink never upgrades (part of its `KEEP`, so this check finds no fewer links). */
const OWN = /^cluster-(news-card|portrait|journey|news-list)$/;

/** The URL a link's `href` stands for, as `a.href` gives it: resolved against the page, else as written. */
function resolved(href: string, base: string | undefined): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/**
 * Whether `html` may hold a link the autolink would upgrade: a link, or bare URL text alone in an
 * element, whose URL is an item's in one of `indexes`. A quick look with parse5 that finds every
 * link the autolink's scan could find and more (it knows neither the standalone rule nor `scope`),
 * so a page where it finds none is left as it is without building its DOM in jsdom, ten times
 * slower to parse. A page with a `<base>` always goes to the DOM, which resolves links against it.
 */
export function mayUpgrade(html: string, indexes: Map<string, FeedItem>[], base: string | undefined): boolean {
  const known = (url: string) => {
    const key = linkKey(url);
    return key !== undefined && indexes.some((index) => index.has(key));
  };
  const text = (el: Element) =>
    el.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : '')).join('');
  const walk = (node: Element | DefaultTreeAdapterMap['document']): boolean =>
    // a <template>'s children live in its `content`, which this does not walk (nor does the scan)
    node.childNodes.some((child) => {
      if (!isElement(child) || OWN.test(child.tagName)) return false;
      if (child.tagName === 'base') return true;
      const href = child.tagName === 'a' ? child.attrs.find((a) => a.name === 'href')?.value : undefined;
      if (href !== undefined && known(resolved(href, base))) return true;
      if (!child.childNodes.some(isElement)) {
        const url = text(child).trim();
        return /^https?:\/\//i.test(url) && known(url);
      }
      return walk(child);
    });
  return walk(parse(html));
}
