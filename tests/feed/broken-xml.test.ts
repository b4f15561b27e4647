// Broken and odd RSS/Atom feeds, each served by a real HTTP response of the test server and
// loaded twice, like the JSON ones in broken-feeds.test.ts: by loadFeed, and by a real
// <cluster-news-card src=…>. Each ends in a clear typed error or in a card of what is usable,
// never in an uncaught exception on the page.
import { expect } from '@open-wc/testing';
import { MAX_ITEMS } from '../../src/feed/parse.js';
import { freshCache, part, shadow } from '../helpers.js';
import { type BrokenCase, caseTitle, cardTitle as title, checkBrokenCase, serve as serveBody } from './broken-case.js';

/** A URL that answers `body` (text as UTF-8, or bytes as they are) with `type`. */
const serve = (body: string | Uint8Array, type = 'application/rss+xml') => serveBody(body, type);
const rss = (items: string, title = 'Cluster News') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>https://cluster.example/</link>\n${items}\n</channel></rss>`;
const item = (guid: string, title: string, extra = '') =>
  `<item><guid>${guid}</guid><title>${title}</title><pubDate>Tue, 02 Feb 2021 09:00:00 +0100</pubDate>${extra}</item>`;
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

/** A case of broken-case.ts, given by its body and type rather than a URL. */
interface Case extends Omit<BrokenCase, 'url' | 'timeout'> {
  body: () => string | Uint8Array;
  type?: string;
}

const cases: Case[] = [
  {
    name: '&nbsp; and other HTML entities, which strict XML rejects',
    body: () => rss(item('a', 'Gr&uuml;&szlig;e&nbsp;aus Mainz &ndash; heute&hellip;')),
    says: /^line 3$/,
    card: (c) => expect(title(c)).to.equal('Grüße\u00a0aus Mainz – heute…'),
  },
  {
    name: 'a mismatched tag',
    body: () => rss(`${item('a', 'Fine')}\n<item><title>Broken</titel></item>`),
    kind: 'parse',
    says: /^not well-formed XML, line 4: /,
  },
  {
    name: 'CDATA holding markup, "]]" and entities as text',
    body: () =>
      rss(
        item('a', '<![CDATA[A <b>bold</b> move & more]]>', '<description><![CDATA[<p>x]] &amp; y</p>]]></description>'),
      ),
    card: (c) => {
      expect(title(c)).to.equal('A bold move & more');
      expect(part(c, 'summary')!.textContent).to.equal('x]] & y');
    },
  },
  {
    name: 'a UTF-8 BOM before <?xml',
    body: () => Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(rss(item('a', 'Straße')))]),
    card: (c) => expect(title(c)).to.equal('Straße'),
  },
  {
    name: 'ISO-8859-1 declared, served with charset=utf-8',
    body: () => latin1(rss(item('a', 'Tschüß aus Köln')).replace('UTF-8', 'ISO-8859-1')),
    type: 'application/rss+xml; charset=utf-8',
    card: (c) => expect(title(c)).to.equal('Tschüß aus Köln'),
  },
  {
    name: 'a body over 5 MB',
    body: () => rss(Array.from({ length: 60_000 }, (_, i) => item(`g${i}`, `Item ${i} ${'x'.repeat(60)}`)).join('')),
    kind: 'parse',
    says: /larger than 5 MB/,
  },
  {
    name: 'no items',
    body: () => rss(''),
    state: 'empty',
    card: (c) => expect(part(c, 'empty')).not.to.equal(null),
  },
  {
    name: 'duplicate guids',
    body: () => rss(item('dup', 'First') + item('dup', 'Second') + item('other', 'Other')),
    item: 'dup',
    says: /^\/rss\/channel\/item\[2\]\/guid$/,
    feed: (f) => expect(f.items.map((i) => i.title)).to.deep.equal(['First', 'Other']),
    card: (c) => expect(title(c)).to.equal('First'),
  },
  {
    name: `${MAX_ITEMS + 500} items (only ${MAX_ITEMS} are read)`,
    body: () => rss(Array.from({ length: MAX_ITEMS + 500 }, (_, i) => item(`g${i}`, `Item ${i}`)).join('')),
    says: /^\/rss\/channel\/item$/,
    feed: (f) => expect(f.items).to.have.length(MAX_ITEMS),
  },
  {
    name: 'an RSS feed sent as text/html by a misconfigured server',
    body: () => rss(item('a', 'Told by content')),
    type: 'text/html; charset=utf-8',
    card: (c) => expect(title(c)).to.equal('Told by content'),
  },
  {
    name: 'an HTML page sent as application/rss+xml',
    body: () => '<!DOCTYPE html>\n<html><head><title>404</title></head><body>Not here</body></html>',
    kind: 'parse',
    says: /looks like HTML, sent as application\/rss\+xml/,
  },
  {
    name: 'an <rss> without <channel>',
    body: () => '<rss version="2.0"/>',
    kind: 'invalid',
    says: /^\/rss\/channel: /,
  },
  {
    name: 'XML that is no feed (a sitemap)',
    body: () => '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
    kind: 'invalid',
    says: /got <urlset>/,
  },
  {
    name: 'an Atom feed without entries',
    body: () => '<feed xmlns="http://www.w3.org/2005/Atom"><title>Leer</title></feed>',
    type: 'application/atom+xml',
    state: 'empty',
  },
  {
    name: 'a javascript: link in an Atom entry',
    body: () =>
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>e</id><title>Entry</title><link href="javascript:alert(1)"/></entry></feed>',
    says: /^\/feed\/entry\[1\]\/link$/,
    card: (c) => expect(shadow(c).querySelector('a')).to.equal(null),
  },
];

describe('broken RSS and Atom feeds: a clear error or a card of what is usable', () => {
  freshCache();

  for (const c of cases) {
    const url = () => serve(c.body(), c.type);
    it(caseTitle({ ...c, url }), () => checkBrokenCase({ ...c, url }));
  }
});
