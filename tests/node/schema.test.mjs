// schema/reportage-feed.schema.json (draft 2020-12) against the parser the elements use: the
// sample feed and the valid fixtures pass a well-kept validator (Ajv), and what the schema
// accepts, the parser reads with nothing skipped or dropped (property tests over generated feeds).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';

const { parseFeed } = await import(pathToFileURL('dist/lib/feed/parse.js').href);
const { safeUrl } = await import(pathToFileURL('dist/lib/feed/url.js').href);

const schema = JSON.parse(readFileSync('schema/reportage-feed.schema.json', 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile(schema);
const accepts = (value) => validate(value);
const sub = (name) => ajv.compile({ $ref: `${schema.$id}#/$defs/${name}` });
const BASE = 'https://feeds.example.org/news/feed.json';
const json = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** The problems JSON Schema cannot see: duplicate ids and stations that name no portrait (`check` reports them). */
const beyondSchema = (p) => /duplicate id|no portrait item with id/.test(p.message);

describe('the schema', () => {
  it('is in the package: exported as cluster-reportage/schema/reportage-feed.schema.json and listed in files', () => {
    const pkg = json('package.json');
    assert.equal(pkg.exports['./schema/reportage-feed.schema.json'], './schema/reportage-feed.schema.json');
    assert.ok(pkg.files.includes('schema/'));
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts the sample feed, which the parser reads without a problem', () => {
    const feed = json('demo/feed.json');
    assert.equal(accepts(feed), true, JSON.stringify(validate.errors));
    assert.deepEqual(parseFeed(feed, BASE).problems, []);
  });

  it('accepts the valid fixtures and rejects the broken ones, as the parser does', () => {
    const dir = 'tests/fixtures/real-feeds';
    const fixtures = [
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.json') && !f.includes('invalid'))
        .map((f) => `${dir}/${f}`),
      'tests/e2e/pages/csp-feed.json',
    ];
    const rejected = [];
    for (const path of fixtures) {
      const feed = json(path);
      const problems = parseFeed(feed, BASE).problems;
      if (accepts(feed)) assert.deepEqual(problems, [], `${path}: accepted, so read without problems`);
      else rejected.push(path.split('/').pop());
    }
    // 05 writes null for missing fields (JSON Feed has no null: the elements read it as absent), 11 garbage dates and images
    assert.deepEqual(rejected, ['05-jekyll-gesko-harf-ur.json', '11-hugo-strad-fr.json']);
  });

  it('rejects what the parser would skip or drop', () => {
    const item = { id: 'a', content_text: 'x' };
    const feed = (items, extra = {}) => ({ version: 'https://jsonfeed.org/version/1.1', title: 't', items, ...extra });
    const bad = [
      feed([{ ...item, url: 'javascript:alert(1)' }]),
      feed([{ ...item, url: 'java&#115;cript:alert(1)' }]),
      feed([{ ...item, image: '/photos/<no value>' }]),
      feed([{ ...item, date_published: '2021-02-29T00:00:00Z' }]),
      feed([{ ...item, date_published: '2021-02-02T24:00:00Z' }]),
      feed([{ ...item, id: '  ' }]),
      feed([{ ...item, _reportage: { kind: 'portrait' } }]),
      feed([{ ...item, _reportage: { kind: 'portrait', cluster: { slug: 'a', name: '&#32;&nbsp;' } } }]),
      feed([{ ...item, _reportage: { kind: 'video' } }]),
      feed([{ ...item, _reportage: { links: [{ title: 'mail', url: 'mailto:' }] } }]),
      feed([{ ...item, tags: 'x' }]),
      feed(Array.from({ length: 1001 }, (_, i) => ({ ...item, id: `n${i}` }))),
      feed([item], { version: 'https://jsonfeed.org/version/2' }),
      feed([item], { language: 'Deutsch' }),
    ];
    for (const f of bad) {
      assert.equal(accepts(f), false, JSON.stringify(f).slice(0, 200));
      let problems;
      try {
        problems = parseFeed(f, BASE).problems;
      } catch (e) {
        problems = [e.message];
      }
      assert.notDeepEqual(problems, [], 'and the parser reports it');
    }
    assert.equal(accepts(feed([{ ...item, date_published: '2024-02-29T23:59:59.5-01:30' }])), true, 'a leap day');
  });
});

// ── generators: mostly what producers write, with the pieces hostile and broken values are made of ──
const piece = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  '//',
  '/',
  'example.org',
  'cluster.example',
  'a.b-c',
  'xn--',
  '0x1',
  '1.2.3.999',
  '[::1]',
  ':8080',
  ':99999',
  '/news',
  '?q=1',
  '&b=2',
  '#top',
  '&amp;',
  '&lt;',
  '&gt',
  '&#47;',
  '&#x3a;',
  '&colon;',
  'java',
  'script',
  'javascript:',
  'data:',
  'mailto:',
  'a@b.example',
  '%20',
  '?',
  '#',
  ':',
  '.',
  '..',
  'x',
  ' ',
  '\t',
  '\u0000',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '<',
  '>',
  '\\',
  'ü',
);
const url = fc.oneof(
  { weight: 4, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'images/a.svg',
      '/a/b?c=d&e=f',
      '../x',
      '#frag',
      '//cdn.example/x.png',
      'mailto:a@b.example',
    ),
  },
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 8 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const day = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2199-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const date = fc.oneof(
  { weight: 4, arbitrary: day.map((d) => d.toISOString()) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        day,
        fc.constantFrom('Z', '+01:00', '-05:30', '+14:00', '+24:00', '+0100', 'z', ''),
        fc.constantFrom('T', 't', ' '),
      )
      .map(([d, z, t]) => d.toISOString().slice(0, 19).replace('T', t) + z),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
      )
      .map(
        ([y, m, d, h, s]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:${String(s).padStart(2, '0')}Z`,
      ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
/** In whole feeds, a field is usually what producers write: one hostile field rejects the feed. */
const mostly = (good, any) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: any });
const goodUrl = fc.oneof(fc.webUrl(), fc.constantFrom('images/a.svg', '/a/b?c=d&e=f', '#frag', '//cdn.example/x.png'));
const feedUrl = mostly(goodUrl, url);
const feedDate = mostly(
  day.map((d) => d.toISOString()),
  date,
);
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '&#32;', '&nbsp;', '&amp;', 'Name', ' A '),
);
const maybe = (arb, weight = 3) => fc.option(arb, { freq: weight, nil: undefined });
const clean = (obj) => Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
const id = mostly(
  fc.constantFrom('a', 'b', 'c', 'portrait-a', 'portrait-b'),
  fc.oneof(fc.constantFrom(' ', ''), fc.string({ maxLength: 6 })),
);
const cluster = fc
  .record({
    slug: mostly(fc.stringMatching(/^[a-z0-9-]{1,6}$/), fc.constantFrom('', 'A', 'a b')),
    name: mostly(fc.constantFrom('Optence e. V.', 'OLEC'), text),
    region: maybe(text),
    url: maybe(feedUrl),
    logo: maybe(feedUrl),
    geo: maybe(
      fc.record({
        lat: fc.double({ min: -100, max: 100, noNaN: true }),
        lon: fc.double({ min: -200, max: 200, noNaN: true }),
      }),
    ),
  })
  .map(clean);
const item = fc
  .record({
    id,
    title: maybe(text),
    content_html: maybe(text, 8),
    content_text: maybe(text, 1),
    url: maybe(feedUrl),
    image: maybe(feedUrl),
    banner_image: maybe(feedUrl, 1),
    date_published: maybe(feedDate),
    date_modified: maybe(feedDate, 1),
    language: maybe(mostly(fc.constantFrom('de', 'de-DE', 'en-GB'), fc.constantFrom('x', 'Deutsch', 'de_DE'))),
    tags: maybe(fc.array(text, { maxLength: 3 })),
    authors: maybe(
      fc.array(fc.record({ name: maybe(text), url: maybe(feedUrl), avatar: maybe(feedUrl) }).map(clean), {
        maxLength: 2,
      }),
    ),
    _reportage: maybe(
      fc
        .record({
          kind: maybe(mostly(fc.constantFrom('news', 'portrait', 'portrait'), fc.constant('video'))),
          image_alt: maybe(text),
          links: maybe(fc.array(fc.record({ title: maybe(text), url: feedUrl }).map(clean), { maxLength: 2 })),
          cluster: maybe(cluster),
        })
        .map(clean),
    ),
  })
  .map(clean);
const feed = fc
  .record({
    version: mostly(
      fc.constantFrom('https://jsonfeed.org/version/1.1', 'https://jsonfeed.org/version/1'),
      fc.constant('http://jsonfeed.org/version/1.1'),
    ),
    title: mostly(fc.constant('Feed'), text),
    home_page_url: maybe(feedUrl),
    language: maybe(mostly(fc.constantFrom('de-DE', 'en'), fc.constant('x'))),
    items: fc.array(item, { maxLength: 4 }),
    _reportage: maybe(
      fc.record({
        journeys: fc.array(
          fc
            .record({
              id,
              title: maybe(text),
              stations: fc.array(fc.record({ item: id, label: maybe(text) }).map(clean), { maxLength: 3 }),
            })
            .map(clean),
          { maxLength: 2 },
        ),
      }),
    ),
  })
  .map(clean);

describe('what the schema accepts, the parser reads without skipping anything', () => {
  it('URLs: every string the schema takes as a URL passes the URL gate (and every link URL, mailto: included)', () => {
    const [asUrl, asLink] = [sub('url'), sub('linkUrl')];
    let taken = 0;
    fc.assert(
      fc.property(url, (u) => {
        if (asUrl(u)) {
          taken++;
          assert.notEqual(safeUrl(u, BASE), undefined, `schema takes ${JSON.stringify(u)}, the gate refuses it`);
        }
        if (asLink(u)) assert.notEqual(safeUrl(u, BASE, true), undefined, `link ${JSON.stringify(u)}`);
      }),
      { numRuns: 20_000 },
    );
    assert.ok(taken > 5000, `only ${taken} URLs accepted: the generator says too little`);
  });

  it('dates: every date the schema takes, the parser keeps', () => {
    const asDate = sub('date');
    let taken = 0;
    fc.assert(
      fc.property(date, (d) => {
        if (!asDate(d)) return;
        taken++;
        const parsed = parseFeed(
          { version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{ id: 'a', date_published: d }] },
          BASE,
        );
        assert.deepEqual(parsed.problems, [], d);
        assert.equal(parsed.items[0].date_published, d);
      }),
      { numRuns: 20_000 },
    );
    assert.ok(taken > 5000, `only ${taken} dates accepted`);
  });

  it('whole feeds: accepted means every item, field and journey is kept', () => {
    let taken = 0;
    fc.assert(
      fc.property(feed, (f) => {
        if (!accepts(f)) return;
        taken++;
        const parsed = parseFeed(f, BASE);
        assert.deepEqual(
          parsed.problems.filter((p) => !beyondSchema(p)),
          [],
          JSON.stringify(f),
        );
        if (!parsed.problems.length) {
          assert.equal(parsed.items.length, f.items.length);
          assert.equal(parsed.journeys.length, f._reportage?.journeys.length ?? 0);
        }
      }),
      { numRuns: 5000 },
    );
    assert.ok(taken > 1000, `only ${taken} of 5000 generated feeds accepted`);
  });
});
