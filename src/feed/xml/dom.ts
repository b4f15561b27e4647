import type { Builder } from './builder.js';

/**
 * The XML parser is the platform's `DOMParser` (in Node, @xmldom/xmldom's,
 * installed by the command-line tools), and only DOM Level 2 Core is used on
 * its documents, which both provide.
 */

export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  atom: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  // Media RSS is declared with and without the final slash
  media: 'http://search.yahoo.com/mrss',
};

interface Policy {
  createHTML(text: string): string;
}
let policy: Policy | null | undefined;

/** Under Trusted Types, `parseFromString` takes only TrustedHTML: the document it makes is inert and only read. */
function trusted(text: string): string {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, p: Policy): Policy } }).trustedTypes;
  if (policy === undefined) {
    try {
      policy = tt?.createPolicy('cluster-reportage-xml', { createHTML: (s) => s }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createHTML(text) : text;
}

/** The first problem xmldom reports (browsers report in the document instead). */
interface Trouble {
  message: string;
  line?: number;
}

function parser(trouble: Trouble[]): DOMParser {
  // browsers ignore the argument; xmldom reports through it instead of the console
  const Parser = DOMParser as unknown as new (options: unknown) => DOMParser;
  return new Parser({
    onError: (_: string, message: string, context?: { locator?: { lineNumber?: number } }) =>
      trouble.push({ message: message.split('\n')[0]!, line: context?.locator?.lineNumber }),
  });
}

/** One HTML named entity (`&hellip;`) as the HTML parser reads it. */
export function htmlEntity(entity: string): string {
  return parser([]).parseFromString(trusted(entity), 'text/html').documentElement?.textContent ?? entity;
}

/** Parses `text` as XML; not well-formed XML is an error of kind `parse` that names the line. */
export function parseXml(text: string, b: Builder): Document {
  const trouble: Trouble[] = [];
  let doc: Document | undefined;
  try {
    doc = parser(trouble).parseFromString(trusted(text), 'application/xml');
  } catch (e) {
    if (!trouble.length) trouble.push({ message: (e as Error).message });
  }
  // Chromium and WebKit put a <parsererror> into the document, Firefox makes it the document
  const report = doc?.getElementsByTagName('parsererror')[0]?.textContent;
  if (report) {
    const line = /(?:line|zeile)(?: number| nr\.)? (\d+)/i.exec(report)?.[1];
    const what = /(?:column \d+: |error: )([^\n]+)/i.exec(report)?.[1];
    trouble.unshift({ message: (what ?? report).trim(), line: line ? +line : undefined });
  }
  const first = trouble[0];
  if (first || !doc?.documentElement)
    b.fail(
      'parse',
      `not well-formed XML${first?.line ? `, line ${first.line}` : ''}: ${first?.message.slice(0, 200) ?? 'no root element'}`,
    );
  return doc;
}

/** The child elements of `el` named `name` in namespace `ns` (the feed's own elements: without regard to case, as readers do). */
export function kids(el: Element | undefined, ns: string | null, name: string): Element[] {
  const out: Element[] = [];
  for (let n = el?.firstChild; n; n = n.nextSibling) {
    if (n.nodeType != 1) continue;
    const e = n as Element;
    const same = ns == NS.media ? e.namespaceURI?.startsWith(ns) : e.namespaceURI == ns;
    if (same && (ns ? e.localName == name : e.localName.toLowerCase() == name.toLowerCase())) out.push(e);
  }
  return out;
}

export const kid = (el: Element | undefined, ns: string | null, name: string): Element | undefined =>
  kids(el, ns, name)[0];

/** The trimmed text of an element, `undefined` for none or only whitespace. */
export const text = (el: Element | undefined): string | undefined => el?.textContent?.trim() || undefined;

export const attr = (el: Element | undefined, name: string): string | undefined =>
  el?.getAttribute(name)?.trim() || undefined;

/** The base URL at `el`: its and its ancestors' `xml:base`, resolved from `fallback` outwards in. */
export function baseOf(el: Element, fallback: string, documentUrl: string): string {
  const chain: string[] = [];
  for (let n: Node | null = el; n?.nodeType == 1; n = n.parentNode) {
    const b = (n as Element).getAttributeNS(NS.xml, 'base');
    if (b) chain.unshift(b);
  }
  // an xml:base starts from the document's own URL; without one, the channel's link stands in
  let base = chain.length ? documentUrl : fallback;
  for (const b of chain) {
    try {
      base = new URL(b.trim(), base).href;
    } catch {
      // an unusable xml:base is ignored, as by browsers
    }
  }
  return base;
}

const ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const VOID = /^(area|br|col|embed|hr|img|input|source|track|wbr)$/i;
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPE[c]!);

/** The markup inside `el` as HTML text (Atom's `type="xhtml"`): elements, attributes and text, nothing else. */
export function innerHtml(el: Element): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType == 3 || n.nodeType == 4) out += esc(n.nodeValue ?? '');
    else if (n.nodeType == 1) {
      const e = n as Element;
      let attrs = '';
      for (let i = 0; i < e.attributes.length; i++) {
        const a = e.attributes.item(i)!;
        if (a.prefix != 'xmlns' && a.localName != 'xmlns') attrs += ` ${a.localName}="${esc(a.value)}"`;
      }
      out += `<${e.localName}${attrs}>${VOID.test(e.localName) ? '' : `${innerHtml(e)}</${e.localName}>`}`;
    }
  }
  return out;
}
