import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Element = DefaultTreeAdapterMap['element'];

/** One element of ours in the HTML, with what the server needs to know about its place. */
export interface Found {
  tag: string;
  /** Its attributes, as the browser sees them (names in lower case, the first of a repeated name). */
  attrs: Map<string, string>;
  /** The nearest ancestor's `lang`, if the HTML has one. */
  lang?: string;
  /** Where it sits in the source: [start, end) of the whole element, and its children's source. */
  start: number;
  end: number;
  children: string;
}

// a whole page, not a snippet (the test Lit's server renderer uses for page-level templates)
const PAGE = /^(\s|<!--[\s\S]*?-->)*<(!doctype|html|head|body)[\s>]/i;

const HTML = 'http://www.w3.org/1999/xhtml';

const isElement = (node: DefaultTreeAdapterMap['childNode']): node is Element => 'tagName' in node;

/** Already prerendered: a declarative shadow root is its child (render() twice changes nothing). */
const prerendered = (el: Element) =>
  el.childNodes.some(
    (c) => isElement(c) && c.tagName === 'template' && c.attrs.some((a) => /^shadowroot(mode)?$/.test(a.name)),
  );

/**
 * The elements `wanted` picks in `source` (a page or a snippet), outermost first, in source order.
 * Elements inside `<template>` (inert until a script clones them), inside one of ours (its
 * fallback content) and in SVG or MathML are left alone, and so are elements that were
 * prerendered already.
 */
export function findElements(source: string, wanted: (tag: string) => boolean): Found[] {
  const root = (PAGE.test(source) ? parse : parseFragment)(source, { sourceCodeLocationInfo: true });
  const found: Found[] = [];
  const walk = (node: ParentNode, lang: string | undefined) => {
    // a <template>'s children live in its `content`, which this does not walk
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const loc = child.sourceCodeLocation;
      // in <svg> or <math> the name is no custom element's: the browser upgrades nothing there
      if (wanted(child.tagName) && child.namespaceURI === HTML && loc) {
        if (prerendered(child)) continue;
        const attrs = new Map<string, string>();
        for (const { name, value } of child.attrs) if (!attrs.has(name)) attrs.set(name, value);
        const inner = loc.startTag ? loc.startTag.endOffset : loc.endOffset;
        const { startOffset: start, endOffset: end } = loc;
        const children = source.slice(inner, loc.endTag ? loc.endTag.startOffset : end);
        found.push({ tag: child.tagName, attrs, ...(lang ? { lang } : {}), start, end, children });
        continue;
      }
      // an empty lang says nothing (the browser's lookup skips it too)
      walk(child, child.attrs.find((a) => a.name === 'lang')?.value || lang);
    }
  };
  walk(root, undefined);
  return found;
}
