/**
 * The reader of the feeds a CMS already writes: RSS 2.0, RSS 1.0 (RDF) and
 * Atom 1.0. A chunk of its own, loaded only for a body that starts with `<`.
 * The document becomes a JSON Feed object that goes through the same
 * `parseFeed` as JSON, so validation, the URL gate and the limits are shared;
 * problems name the XML (`/rss/channel/item[4]/pubDate`, `line 12`).
 *
 * Everything from the entry module is handed in (`XmlDeps`): a page that loads
 * the entry as `cluster-reportage.js?ver=2` would otherwise run it twice.
 */
import type { Feed } from '../types.js';
import { mapAtom } from './atom.js';
import { Builder, type XmlDeps } from './builder.js';
import { decodeXml, repairXml } from './decode.js';
import { htmlEntity, NS, parseXml } from './dom.js';
import { mapRss } from './rss.js';

export type { XmlDeps } from './builder.js';

/** The XML path a problem of the JSON object is about: the longest known prefix of its path. */
function xmlPath(path: string, where: Map<string, string>): string {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '')) {
    const found = where.get(p);
    if (found) return found;
    if (!/[.[]/.test(p)) break;
  }
  return path;
}

/**
 * Reads an RSS or Atom feed from its body.
 *
 * @param url the feed's own URL, the last base of its relative links.
 * @param type the response's `Content-Type` (its charset is the last word on the encoding).
 */
export async function readXmlFeed(body: Uint8Array | string, url: string, type: string, deps: XmlDeps): Promise<Feed> {
  const b = new Builder(deps, url);
  const text = repairXml(decodeXml(body, type, b.problems), htmlEntity, b.problems);
  const doc = parseXml(text, b);
  const root = doc.documentElement;
  const name = root.localName;
  let format: Feed['format'];
  if (name == 'rss' || (name == 'RDF' && root.namespaceURI == NS.rdf)) format = mapRss(doc, b);
  else if (name == 'feed' && root.namespaceURI == NS.atom) format = mapAtom(doc, b);
  else if (name.toLowerCase() == 'html')
    b.fail('parse', `not a feed: it looks like HTML${type ? `, sent as ${type.split(';')[0]}` : ''}`);
  else
    b.fail(
      'invalid',
      `expected <rss>, <rdf:RDF> or an Atom <feed>, got <${root.nodeName}>${name == 'feed' ? ` in namespace ${root.namespaceURI ?? 'none'}` : ''}`,
      '(root)',
    );
  const feed = deps.parseFeed(b.json, url);
  feed.format = format;
  feed.problems = [
    ...b.problems,
    ...feed.problems.map((p) => ({ path: xmlPath(p.path, b.where), message: p.message })),
  ];
  return feed;
}
