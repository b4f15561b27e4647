// Broken feeds, each served by a real HTTP response of the test server and loaded twice:
// by loadFeed, and by a real <cluster-news-card src=…> next to other page content.
// Each ends in the documented error kind or in a partial render without the bad parts,
// and never in an uncaught exception or unhandled rejection on the page.
import { expect } from '@open-wc/testing';
import { MAX_ITEMS, MAX_TEXT } from '../../src/feed/parse.js';
import type { Feed } from '../../src/feed/types.js';
import {
  b64,
  feedOf,
  freshCache,
  guarded,
  mockUrl,
  newsItem,
  part,
  parts,
  portraitItem,
  SAMPLE_URL,
  shadow,
  V11,
} from '../helpers.js';
import { type BrokenCase, caseTitle, cardTitle as title, checkBrokenCase, serve } from './broken-case.js';

/** The test server under its other name: another origin, which sends no CORS headers on `respond`. */
const otherOrigin = location.origin.replace(
  /\/\/(localhost|127\.0\.0\.1)/,
  (_, host) => `//${host === 'localhost' ? '127.0.0.1' : 'localhost'}`,
);
/** Makes each of these URLs its own, so no response is shared. */
let serial = 0;
const serveFeed = (items: unknown[], extra?: Record<string, unknown>) => serve(JSON.stringify(feedOf(items, extra)));
const good = newsItem('good', { title: 'The good item', summary: 'Still here' });

type Case = BrokenCase;

const paths = (feed: Feed) => feed.problems.map((p) => p.path);
const showsGood = (card: Element) => expect(title(card)).to.equal('The good item');

const cases: Case[] = [
  // ── not a feed at all ──
  {
    name: 'an HTML error page with 200',
    url: () =>
      serve('<!doctype html><title>Wartung</title><h1>Wir sind gleich zurück</h1>', 'text/html; charset=utf-8'),
    kind: 'parse',
    says: /text\/html/,
  },
  {
    name: 'an HTML page served as application/json',
    url: () => serve('<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>', 'application/json'),
    kind: 'parse',
    says: /looks like HTML/,
  },
  {
    // (was an error of kind "parse" until RSS and Atom were read: FEED.md, "Feeds a CMS already writes")
    name: 'an RSS feed (XML) with no title and no items',
    url: () => serve('<?xml version="1.0"?><rss><channel/></rss>', 'application/rss+xml'),
    says: /^\/rss\/channel\/title$/,
    state: 'empty',
    card: (c) => expect(part(c, 'empty')).not.to.equal(null),
  },
  { name: 'an empty body', url: () => serve(''), kind: 'parse', says: /empty/ },
  { name: 'a body of whitespace', url: () => serve(' \n\t '), kind: 'parse', says: /empty/ },
  {
    name: 'truncated JSON (half of the sample feed)',
    url: async () => serve((await (await fetch(SAMPLE_URL)).text()).slice(0, 4000)),
    kind: 'parse',
    says: /not valid JSON/,
  },
  {
    name: 'JSON with a trailing comma',
    url: () => serve(`{"version":"${V11}","title":"t","items":[],}`),
    kind: 'parse',
  },
  { name: 'a 20 MB body', url: () => mockUrl('big', { mb: 20 }), kind: 'parse', says: /larger than 5 MB/ },
  // ── the server fails ──
  {
    name: '404',
    url: () => mockUrl('respond', { status: 404, type: 'text/html', body: b64('<h1>Not found</h1>') }),
    kind: 'http',
    says: /404/,
  },
  {
    name: '500 with a JSON body',
    url: () => serve('{"error":"boom"}', 'application/json', 500),
    kind: 'http',
    says: /500/,
  },
  { name: 'a redirect loop', url: () => mockUrl('redirect-loop', { n: ++serial }), kind: 'network' },
  {
    name: 'CORS refusal by another origin',
    url: () => mockUrl('respond', { body: b64(JSON.stringify(feedOf([good]))) }, otherOrigin),
    kind: 'network',
    says: /CORS/,
  },
  { name: 'a server that never answers', url: () => mockUrl('hang', { n: ++serial }), timeout: 300, kind: 'timeout' },
  { name: 'a body that never ends', url: () => mockUrl('hang-body', { n: ++serial }), timeout: 300, kind: 'timeout' },
  // ── JSON, but not a JSON Feed ──
  {
    name: 'a JSON array',
    url: () => serve('[{"id":"a"}]'),
    kind: 'invalid',
    says: /^\(root\): expected a JSON Feed object, got an array/,
  },
  {
    name: 'a JSON string',
    url: () => serve('"https://jsonfeed.org/version/1.1"'),
    kind: 'invalid',
    says: /^\(root\): .*got a string/,
  },
  { name: 'JSON null', url: () => serve('null'), kind: 'invalid', says: /^\(root\): .*got null/ },
  { name: 'a JSON number', url: () => serve('1.1'), kind: 'invalid', says: /^\(root\): .*got a number/ },
  {
    name: 'a wrong version',
    url: () => serveFeed([good], { version: 'https://jsonfeed.org/version/2.0' }),
    kind: 'invalid',
    says: /^version: expected .*got "https:\/\/jsonfeed.org\/version\/2.0"/,
  },
  {
    name: 'no version',
    url: () => serve(JSON.stringify({ title: 't', items: [good] })),
    kind: 'invalid',
    says: /^version: .*got nothing/,
  },
  {
    name: 'items that are not an array',
    url: () => serveFeed([], { items: { 0: good } }),
    kind: 'invalid',
    says: /^items: expected an array, got an object/,
  },
  {
    name: 'no items',
    url: () => serve(JSON.stringify({ version: V11, title: 't' })),
    kind: 'invalid',
    says: /^items: expected an array, got nothing/,
  },
  // ── a feed with bad parts: they are skipped, the rest renders ──
  {
    name: 'duplicate ids',
    url: () => serveFeed([newsItem('dup', { title: 'First' }), newsItem('dup', { title: 'Second' }), good]),
    item: 'dup',
    says: /^items\[1\]\.id$/,
    feed: (f) => expect(f.items.map((i) => i.id)).to.deep.equal(['dup', 'good']),
    card: (c) => expect(title(c)).to.equal('First'),
  },
  {
    name: 'title: 42',
    url: () => serveFeed([newsItem('a', { title: 42, content_text: 'The body says it' })]),
    item: 'a',
    says: /^items\[0\]\.title$/,
    card: (c) => expect(title(c)).to.equal('The body says it'),
  },
  {
    name: 'summary: {}',
    url: () => serveFeed([newsItem('a', { summary: {} })]),
    item: 'a',
    says: /^items\[0\]\.summary$/,
    card: (c) => expect(part(c, 'summary')?.textContent).to.equal('Body a'),
  },
  {
    name: 'url: 5',
    url: () => serveFeed([newsItem('a', { url: 5 })]),
    item: 'a',
    says: /^items\[0\]\.url$/,
    card: (c) => expect(parts(c, 'link')).to.have.length(0),
  },
  {
    name: 'tags: "x"',
    url: () => serveFeed([newsItem('a', { tags: 'x' })]),
    item: 'a',
    says: /^items\[0\]\.tags$/,
    feed: (f) => expect(f.items[0]!.tags).to.deep.equal([]),
  },
  {
    name: 'authors: "x"',
    url: () => serveFeed([newsItem('a', { authors: 'x' })]),
    item: 'a',
    says: /^items\[0\]\.authors$/,
    feed: (f) => expect(f.items[0]!.authors).to.deep.equal([]),
  },
  {
    name: 'date_published: 12',
    url: () => serveFeed([newsItem('a', { date_published: 12 })]),
    item: 'a',
    says: /^items\[0\]\.date_published$/,
    card: (c) => expect(part(c, 'date')).to.equal(null),
  },
  {
    name: 'invalid dates',
    url: () =>
      serveFeed([newsItem('a', { date_published: '23096-23-09T90:2323:00+00:00', date_modified: '2021-02-30' })]),
    item: 'a',
    says: /^items\[0\]\.date_published$/,
    feed: (f) => expect(paths(f)).to.deep.equal(['items[0].date_published', 'items[0].date_modified']),
    card: (c) => expect(part(c, 'date')).to.equal(null),
  },
  {
    name: '_reportage: []',
    url: () => serveFeed([newsItem('a', { _reportage: [] })]),
    item: 'a',
    says: /^items\[0\]\._reportage$/,
    feed: (f) => expect(f.items[0]!.kind).to.equal('news'),
  },
  {
    name: '_reportage.links: {}',
    url: () => serveFeed([newsItem('a', { _reportage: { links: { url: 'https://example.org' } } })]),
    item: 'a',
    says: /^items\[0\]\._reportage\.links$/,
    card: (c) => expect(part(c, 'links')).to.equal(null),
  },
  {
    name: 'links with bad entries',
    url: () =>
      serveFeed([
        newsItem('a', {
          _reportage: {
            links: ['x', { title: 'no url' }, { title: 5, url: '/ok' }, { title: 'Mail', url: 'mailto:a@example.org' }],
          },
        }),
      ]),
    item: 'a',
    says: /^items\[0\]\._reportage\.links\[0\]$/,
    card: (c) => expect(parts(c, 'link').map((a) => a.textContent)).to.deep.equal([`${location.origin}/ok`, 'Mail']),
  },
  {
    name: '_reportage.cluster: "x" for a portrait',
    url: () => serveFeed([{ ...portraitItem('x'), _reportage: { kind: 'portrait', cluster: 'x' } }, good]),
    says: /^items\[0\]\._reportage\.cluster$/,
    feed: (f) => expect(f.items.map((i) => i.id)).to.deep.equal(['good']),
    card: showsGood,
  },
  {
    name: 'items without id, or not objects',
    url: () =>
      serveFeed([
        { title: 'no id' },
        { id: {}, title: 'object id' },
        { id: '  ', title: 'blank id' },
        null,
        'item',
        3,
        [],
        good,
      ]),
    says: /^items\[0\]\.id$/,
    feed: (f) => expect(f.items.map((i) => i.id)).to.deep.equal(['good']),
    card: showsGood,
  },
  {
    name: 'an unknown kind',
    url: () => serveFeed([newsItem('v', { title: 'A video', _reportage: { kind: 'video' } })]),
    says: /^items\[0\]\._reportage\.kind$/,
    card: (c) => expect(title(c)).to.equal('A video'),
  },
  {
    name: 'journey stations pointing at missing items',
    url: () =>
      serveFeed([portraitItem('a'), good], {
        _reportage: {
          journeys: [{ id: 'j', stations: [{ item: 'portrait-a' }, { item: 'portrait-gone' }, { item: 'good' }] }],
        },
      }),
    says: /^_reportage\.journeys\[0\]\.stations\[1\]\.item$/,
    feed: (f) => expect(f.journeys[0]!.stations).to.deep.equal([{ item: 'portrait-a' }]),
    card: showsGood,
  },
  {
    name: `10 000 items (only ${MAX_ITEMS} are read)`,
    url: () =>
      serveFeed(
        Array.from({ length: 10_000 }, (_, i) => ({
          id: `n${i}`,
          title: `News ${i}`,
          date_published: `2020-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
        })),
      ),
    says: /^items$/,
    feed: (f) => expect(f.items).to.have.length(MAX_ITEMS),
    card: (c) => expect(title(c)).to.equal('News 59'),
  },
  {
    name: 'an item with 100 000 links',
    url: () =>
      serveFeed([
        newsItem('a', {
          _reportage: { links: Array.from({ length: 100_000 }, (_, i) => ({ title: `L${i}`, url: `/${i}` })) },
        }),
      ]),
    item: 'a',
    says: /^items\[0\]\._reportage\.links$/,
    feed: (f) => expect(f.items[0]!.links).to.have.length(MAX_ITEMS),
    card: (c) => expect(parts(c, 'link')).to.have.length(MAX_ITEMS),
  },
  {
    name: 'a 100 KB title',
    url: () => serveFeed([newsItem('a', { title: 'Lang'.repeat(25_000) })]),
    item: 'a',
    feed: (f) => expect(f.items[0]!.title).to.have.length(MAX_TEXT),
    card: (c) => expect(title(c)!.length).to.be.within(1, MAX_TEXT),
  },
  {
    name: 'every field null',
    url: () =>
      serveFeed([
        Object.fromEntries(
          [
            'title',
            'summary',
            'url',
            'image',
            'date_published',
            'authors',
            'tags',
            'content_html',
            'content_text',
            '_reportage',
          ]
            .map((k) => [k, null])
            .concat([['id', 'n']]),
        ),
      ]),
    item: 'n',
    feed: (f) => expect(f.problems).to.deep.equal([]),
    card: (c) => expect(title(c)).to.be.a('string').and.not.equal(''),
  },
  {
    name: 'hostile URLs in every URL field',
    url: () => {
      const bad = 'javascript:alert(document.domain)';
      const item = portraitItem('h', {
        url: bad,
        external_url: bad,
        image: bad,
        banner_image: ' data:image/svg+xml,<svg onload=alert(1)>',
        authors: [{ name: 'A', url: bad, avatar: bad }],
      });
      Object.assign(item._reportage, {
        links: [
          { title: 'Bad', url: 'JAVA&#x53;CRIPT:alert(1)' },
          { title: 'Good', url: 'https://example.org/' },
        ],
      });
      Object.assign(item._reportage.cluster, { url: bad, logo: bad });
      return serveFeed([item]);
    },
    item: 'portrait-h',
    says: /^items\[0\]\.authors\[0\]\.url$/,
    feed: (f) => expect(JSON.stringify(f.items)).not.to.match(/javascript|data:/i),
    card: (c) => expect(parts(c, 'link').map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/']),
  },
  {
    name: 'script in content_html and no title',
    url: () =>
      serveFeed([
        { id: 's', content_html: '<script>alert(1)</script><p>Plain &amp; simple</p><img src=x onerror=alert(1)>' },
      ]),
    item: 's',
    card: (c) => {
      expect(title(c)).to.equal('Plain & simple');
      expect(shadow(c).querySelector('script, img')).to.equal(null);
    },
  },
  {
    name: 'a "__proto__" key in an item',
    url: () =>
      serve(
        `{"version":"${V11}","title":"t","items":[{"id":"p","__proto__":{"title":"polluted"},"content_text":"Clean"}]}`,
      ),
    item: 'p',
    card: (c) => {
      expect(title(c)).to.equal('Clean');
      expect(({} as Record<string, unknown>)['title']).to.equal(undefined);
    },
  },
  {
    name: 'a 200 000-deep nested value in an unknown key',
    url: () =>
      serve(
        `{"version":"${V11}","title":"t","_deep":${'['.repeat(200_000)}${']'.repeat(200_000)},"items":[${JSON.stringify(good)}]}`,
      ),
    card: showsGood,
  },
  {
    name: 'only bad items',
    url: () => serveFeed([{ title: 'no id' }, null]),
    says: /^items\[0\]\.id$/,
    state: 'empty',
    card: (c) => expect(part(c, 'empty')).not.to.equal(null),
  },
  // ── odd but acceptable transport details ──
  { name: 'a UTF-8 BOM before the JSON', url: () => serve(`\ufeff${JSON.stringify(feedOf([good]))}`), card: showsGood },
  {
    name: 'application/json; charset=utf-8',
    url: () => serve(JSON.stringify(feedOf([good])), 'application/json; charset=utf-8'),
    card: showsGood,
  },
  { name: 'text/plain', url: () => serve(JSON.stringify(feedOf([good])), 'text/plain'), card: showsGood },
  { name: 'no content type at all', url: () => serve(JSON.stringify(feedOf([good])), ''), card: showsGood },
];

describe('broken feeds: a clear error or a partial render, never a broken page', () => {
  freshCache();

  it('the guard fails a test when the page sees an unhandled rejection', async () => {
    // a synthetic event, so the runner does not log a real stray rejection
    const probe = () =>
      window.dispatchEvent(
        new PromiseRejectionEvent('unhandledrejection', { promise: Promise.resolve(), reason: new Error('probe') }),
      );
    const result = await guarded(async () => void probe()).then(
      () => 'passed',
      (e: Error) => e.message,
    );
    expect(result).to.match(/unhandled rejection: Error: probe/);
  });

  for (const c of cases) it(caseTitle(c), () => checkBrokenCase(c));
});
