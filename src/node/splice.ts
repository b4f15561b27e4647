import type { JSDOM } from 'jsdom';
import { escapeAttr } from './server-element.js';

/** Elements that have no end tag (nothing can be read into them). */
const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * The source of `node` (what a card took in), ready to go between the card's tags; `undefined` when
 * an element in it has no end tag in the source. Such an element is closed by whatever follows it,
 * and the parser may carry it on past that point (an open `<b>` makes the next paragraph bold):
 * between the card's tags that could read differently. Only the node's own `<p>` may go without
 * (a paragraph needs no `</p>`); the card then closes it. `applyAutolinks` checks the whole page after.
 */
function sourceOf(dom: JSDOM, html: string, node: ChildNode): string | undefined {
  const loc = dom.nodeLocation(node);
  if (!loc) return undefined;
  const text = html.slice(loc.startOffset, loc.endOffset);
  if (node.nodeType !== 1) return text;
  const el = node as Element;
  for (const inner of el.querySelectorAll('*')) {
    const at = dom.nodeLocation(inner);
    const selfClosed =
      at?.startTag &&
      inner.namespaceURI !== HTML_NS &&
      /\/\s*>$/.test(html.slice(at.startTag.startOffset, at.startTag.endOffset));
    if (!at || !(at.endTag || VOID.test(inner.localName) || selfClosed)) return undefined;
  }
  if (loc.endTag) return text;
  return el.localName === 'p' ? `${text}</p>` : undefined;
}

/**
 * The end tag that `node`'s start tag stood for: a `<p>` closes the paragraph before it that has no
 * `</p>` (`<p>Intro<p><a …>`), and the card's start tag, put in its place, would not.
 */
function closedBy(dom: JSDOM, node: ChildNode, before: ChildNode | null): string {
  if (node.nodeType !== 1 || (node as Element).localName !== 'p' || (before as Element | null)?.localName !== 'p')
    return '';
  const prev = dom.nodeLocation(before!);
  return prev && !prev.endTag && prev.endOffset === dom.nodeLocation(node)!.startOffset ? '</p>' : '';
}

/**
 * `html` with a card's tags around the source of each node `made` took in (`dom` parsed `html` with
 * its node locations): the page's own bytes everywhere else. A card whose node cannot be written so
 * gets its node back in `dom`, and `kept` hears of it.
 */
export function splice(html: string, dom: JSDOM, made: Element[], kept: (node: ChildNode) => void): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const card of made) {
    const node = card.firstChild!;
    const inner = sourceOf(dom, html, node);
    if (inner === undefined) {
      card.replaceWith(node);
      kept(node);
      continue;
    }
    const { startOffset: start, endOffset: end } = dom.nodeLocation(node)!;
    let open = `${closedBy(dom, node, card.previousSibling)}<${card.localName}`;
    for (const { name, value } of card.attributes) open += ` ${name}="${escapeAttr(value)}"`;
    edits.push({ start, end, text: `${open}>${inner}</${card.localName}>` });
  }
  if (!edits.length) return html;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end, text } of edits) {
    out += html.slice(at, start) + text;
    at = end;
  }
  out += html.slice(at);
  return out;
}
