import type { FeedItem } from '../../feed/types.js';
import { linkKey } from './match.js';

/** Containers a pasted link can stand alone in. Headings, table cells and quotes keep their links. */
const BLOCK = /^(p|li|div|dd|body)$/;
/** Wrappers an editor puts around a link (bold, a span with a class) without making it running text. */
const INLINE = /^(span|strong|b|em|i|u)$/;
/**
 * Where links are never upgraded: quotes and table cells (also in a paragraph there, as CKEditor 5
 * writes them), the site's navigation, editable areas and our own elements (their fallback links).
 */
const KEEP =
  'blockquote,td,th,nav,header,footer,[contenteditable],cluster-news-card,cluster-portrait,cluster-journey,cluster-news-list';

/** Whitespace and `&nbsp;` (what editors leave around a pasted line) are not content. */
const blank = (n: Node) => n.nodeType == 3 && !n.textContent!.trim();

/**
 * What replaces `node` if it stands alone: the paragraph it is the only content of, or in
 * another block (a list item, a `div`), the node that holds it there (itself, or an inline
 * wrapper around it). `undefined` in running text.
 */
function alone(node: ChildNode): ChildNode | undefined {
  for (let unit = node, box = node.parentElement; box; unit = box, box = box.parentElement) {
    for (const c of box.childNodes) if (c != unit && !blank(c)) return;
    if (BLOCK.test(box.localName)) return box.localName == 'p' ? box : unit;
    if (!INLINE.test(box.localName)) return;
  }
}

/**
 * Replaces every standalone link in `root` (and bare URL text alone in a block) whose URL
 * is an item's in `index` with the element `make` builds for it; what stood there moves inside as its
 * fallback content.
 */
export function scan(
  root: Element,
  scope: string | undefined,
  index: Map<string, FeedItem>,
  make: (item: FeedItem) => Element,
): void {
  for (const el of [root, ...root.querySelectorAll('a[href],p,li,div,dd')]) {
    const link = el.localName == 'a';
    // a link's `href` as the browser resolved it (an SVG link's is no string and matches nothing)
    const href = link ? (el as HTMLAnchorElement).href : !el.children.length && el.textContent!.trim();
    const item = href && (link || /^https?:\/\//i.test(href)) ? index.get(linkKey(href)!) : undefined;
    const at = item && (!scope || el.closest(scope)) && alone(link ? el : el.firstChild!);
    if (at && !at.parentElement!.closest(KEEP)) {
      const card = make(item);
      at.replaceWith(card);
      card.append(at);
    }
  }
}
