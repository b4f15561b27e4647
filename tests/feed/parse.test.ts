import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/errors.js';
import { MAX_ITEMS, MAX_TEXT, parseFeed } from '../../src/feed/parse.js';
import type { Feed } from '../../src/feed/types.js';
import { feedOf, newsItem, portraitItem, sampleFeedJson, V11 } from '../helpers.js';

const base = 'https://feeds.example.org/news/feed.json';

/** The FeedError that `parseFeed` throws for `json`. */
function invalid(json: unknown): FeedError {
  try {
    parseFeed(json, base);
  } catch (e) {
    expect(e).to.be.instanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error('parseFeed accepted the feed');
}

const problemAt = (feed: Feed, path: string) => feed.problems.find((p) => p.path === path);
const paths = (feed: Feed) => feed.problems.map((p) => p.path);

describe('parseFeed: the sample feed passes the project’s own validator', () => {
  let feed: Feed;
  before(async () => {
    feed = parseFeed(await sampleFeedJson(), new URL('/demo/feed.json', location.href).href);
  });

  it('has 5 items, no problems', () => {
    expect(feed.problems).to.deep.equal([]);
    expect(feed.items).to.have.length(5);
    expect(feed.title).to.equal('go-cluster – Clusterreportagen');
    expect(feed.language).to.equal('de-DE');
  });

  it('has 1 news item and 4 portraits, each with its cluster', () => {
    expect(feed.items.filter((i) => i.kind === 'news')).to.have.length(1);
    const portraits = feed.items.filter((i) => i.kind === 'portrait');
    expect(portraits.map((p) => p.cluster?.slug)).to.deep.equal(['optence', 'biocon-valley', 'olec', 'bioeconomy']);
    for (const p of portraits) {
      expect(p.cluster!.name).to.be.a('string').and.not.equal('');
      expect(p.title).to.be.a('string').and.not.equal('');
    }
  });

  it('has 1 journey of 4 stations that point at the portraits in order', () => {
    expect(feed.journeys).to.have.length(1);
    expect(feed.journeys[0]!.id).to.equal('reportagereise-2021');
    expect(feed.journeys[0]!.stations.map((s) => s.item)).to.deep.equal([
      'portrait-optence',
      'portrait-biocon-valley',
      'portrait-olec',
      'portrait-bioeconomy',
    ]);
  });

  it('resolves the image paths against the feed URL', () => {
    expect(feed.items[0]!.image).to.equal(new URL('/demo/images/news-clusterreportagen.svg', location.href).href);
  });
});

describe('parseFeed: unusable feeds throw kind "invalid" naming the first offending path', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['a JSON array', [], '(root)', /expected a JSON Feed object, got an array/],
    ['a JSON string', 'feed', '(root)', /got a string/],
    ['null', null, '(root)', /got null/],
    ['a number', 42, '(root)', /got a number/],
    [
      'a wrong version',
      { version: 'https://jsonfeed.org/version/2', items: [] },
      'version',
      /got "https:\/\/jsonfeed.org\/version\/2"/,
    ],
    ['a missing version', { title: 'x', items: [] }, 'version', /got nothing/],
    ['a numeric version', { version: 1.1, items: [] }, 'version', /got a number/],
    ['items not an array', { version: V11, title: 'x', items: {} }, 'items', /expected an array, got an object/],
    ['items missing', { version: V11, title: 'x' }, 'items', /expected an array, got nothing/],
  ];
  for (const [name, json, path, message] of cases) {
    it(`${name}: "${path}: …"`, () => {
      const e = invalid(json);
      expect(e.kind).to.equal('invalid');
      expect(e.path).to.equal(path);
      expect(e.message.startsWith(`${path}: `)).to.equal(true, e.message);
      expect(e.message).to.match(message);
    });
  }

  it('accepts version 1 and 1.1, with or without a trailing slash', () => {
    for (const version of [
      'https://jsonfeed.org/version/1',
      'https://jsonfeed.org/version/1.1/',
      'http://jsonfeed.org/version/1.1',
    ]) {
      expect(parseFeed({ version, title: 't', items: [] }, base).items).to.deep.equal([]);
    }
  });
});

describe('parseFeed: one bad item does not hide the good ones', () => {
  it('skips an item without id and reports it by path', () => {
    const feed = parseFeed(feedOf([newsItem('a'), { title: 'no id' }, newsItem('c')]), base);
    expect(feed.items.map((i) => i.id)).to.deep.equal(['a', 'c']);
    expect(problemAt(feed, 'items[1].id')?.message).to.match(/item skipped/);
  });

  it('skips items that are not objects', () => {
    const feed = parseFeed(feedOf([null, 'x', 7, [], newsItem('ok')]), base);
    expect(feed.items.map((i) => i.id)).to.deep.equal(['ok']);
    expect(feed.problems.map((p) => p.path)).to.deep.equal(['items[0]', 'items[1]', 'items[2]', 'items[3]']);
  });

  it('skips a portrait without a cluster, a bad slug or a cluster name', () => {
    const noCluster = { ...portraitItem('a'), _reportage: { kind: 'portrait' } };
    const badSlug = portraitItem('B C');
    const noName = portraitItem('d');
    noName._reportage.cluster.name = '';
    const feed = parseFeed(feedOf([noCluster, badSlug, noName, portraitItem('ok')]), base);
    expect(feed.items.map((i) => i.id)).to.deep.equal(['portrait-ok']);
    expect(feed.problems.map((p) => p.path)).to.deep.equal([
      'items[0]._reportage.cluster',
      'items[1]._reportage.cluster.slug',
      'items[2]._reportage.cluster.name',
    ]);
  });

  it('keeps the first of two items with the same id', () => {
    const feed = parseFeed(feedOf([newsItem('a'), newsItem('a', { title: 'second' })]), base);
    expect(feed.items).to.have.length(1);
    expect(feed.items[0]!.title).to.equal('Title a');
    expect(problemAt(feed, 'items[1].id')?.message).to.match(/duplicate id "a"/);
  });

  it('drops fields of the wrong type and keeps the item', () => {
    const feed = parseFeed(
      feedOf([
        newsItem('a', {
          title: 42,
          summary: {},
          url: 5,
          tags: 'x',
          authors: 'x',
          date_published: 12,
          content_html: 3,
          _reportage: { links: {}, image_alt: 1 },
        }),
      ]),
      base,
    );
    const [item] = feed.items;
    expect(item).to.include({ id: 'a', kind: 'news', content_text: 'Body a' });
    for (const key of ['title', 'summary', 'url', 'date_published', 'content_html', 'image_alt'])
      expect(item).not.to.have.property(key);
    expect(item!.tags).to.deep.equal([]);
    expect(item!.authors).to.deep.equal([]);
    expect(item!.links).to.deep.equal([]);
    expect(feed.problems.map((p) => p.path).sort()).to.deep.equal(
      [
        'items[0].title',
        'items[0].summary',
        'items[0].url',
        'items[0].tags',
        'items[0].authors',
        'items[0].date_published',
        'items[0].content_html',
        'items[0]._reportage.links',
        'items[0]._reportage.image_alt',
      ].sort(),
    );
  });

  it('reads an unknown kind as news and says so', () => {
    const feed = parseFeed(feedOf([newsItem('a', { _reportage: { kind: 'video' } })]), base);
    expect(feed.items[0]!.kind).to.equal('news');
    expect(problemAt(feed, 'items[0]._reportage.kind')?.message).to.match(/got "video"; read as news/);
  });

  it('reads numeric ids as text', () => {
    expect(parseFeed(feedOf([newsItem('x', { id: 17 })]), base).items[0]!.id).to.equal('17');
  });
});

describe('parseFeed: limits and dates', () => {
  it(`reads only the first ${MAX_ITEMS} items`, () => {
    const feed = parseFeed(feedOf(Array.from({ length: MAX_ITEMS + 5 }, (_, i) => newsItem(`n${i}`))), base);
    expect(feed.items).to.have.length(MAX_ITEMS);
    expect(problemAt(feed, 'items')?.message).to.match(/only the first 1000/);
  });

  it(`reads only the first ${MAX_ITEMS} entries of any list (links, tags, authors, stations)`, () => {
    const many = (f: (i: number) => unknown) => Array.from({ length: 50_000 }, (_, i) => f(i));
    const feed = parseFeed(
      feedOf(
        [
          newsItem('a', {
            tags: many((i) => `t${i}`),
            authors: many((i) => ({ name: `A${i}` })),
            _reportage: { links: many((i) => ({ url: `/l${i}` })) },
          }),
          portraitItem('p'),
        ],
        {
          _reportage: { journeys: [{ id: 'j', stations: many(() => ({ item: 'portrait-p' })) }] },
        },
      ),
      base,
    );
    const [a] = feed.items;
    expect([a!.tags.length, a!.authors.length, a!.links.length, feed.journeys[0]!.stations.length]).to.deep.equal([
      MAX_ITEMS,
      MAX_ITEMS,
      MAX_ITEMS,
      MAX_ITEMS,
    ]);
    expect(paths(feed)).to.deep.equal([
      'items[0].authors',
      'items[0]._reportage.links',
      'items[0].tags',
      '_reportage.journeys[0].stations',
    ]);
  });

  it('keeps language tags, drops and reports what is not one', () => {
    const feed = parseFeed(
      feedOf([newsItem('a', { language: 'fr-CA' }), newsItem('b', { language: 'Deutsch (Schweiz)' })], {
        language: '<script>',
      }),
      base,
    );
    expect(feed).not.to.have.property('language');
    expect(feed.items.map((i) => i.language)).to.deep.equal(['fr-CA', undefined]);
    expect(paths(feed)).to.deep.equal(['language', 'items[1].language']);
  });

  it(`cuts text at ${MAX_TEXT} characters, never inside a surrogate pair`, () => {
    const feed = parseFeed(
      feedOf([newsItem('a', { title: 'x'.repeat(MAX_TEXT - 1) + '😀😀', summary: 'y'.repeat(3 * MAX_TEXT) })]),
      base,
    );
    expect(feed.items[0]!.summary).to.have.length(MAX_TEXT);
    expect(feed.items[0]!.title).to.equal('x'.repeat(MAX_TEXT - 1));
  });

  it('keeps RFC 3339 dates and drops impossible ones', () => {
    const good = [
      '2021-02-02T09:00:00+01:00',
      '2020-02-29T00:00:00Z',
      '2021-02-02',
      '2021-02-02T09:00:00.123Z',
      '2016-12-31T23:59:59-12:00',
      '2021-02-02 09:00:00+0530',
      '2021-02-02t09:00z',
    ];
    const bad = [
      '2021-02-31T10:00:00Z',
      '2021-02-29',
      '23096-23-09T90:2323:00+00:00',
      '2021-13-01',
      '2021-00-10',
      '2021-02-02T24:00:00Z',
      '2021-02-02T10:60:00Z',
      '2016-12-31T23:59:60Z',
      '2021-02-02T09:00:00+24:00',
      '2021-02-02T09:00:00+01:60',
      'yesterday',
      '02/02/2021',
      '2021-2-2',
      '',
    ];
    const feed = parseFeed(feedOf([...good, ...bad].map((d, i) => newsItem(`d${i}`, { date_published: d }))), base);
    expect(feed.items.slice(0, good.length).map((i) => i.date_published)).to.deep.equal(good);
    for (const item of feed.items.slice(good.length)) expect(item).not.to.have.property('date_published');
    // "" is "not there", every other bad date is reported
    expect(feed.problems.map((p) => p.path)).to.deep.equal(
      bad.slice(0, -1).map((_, i) => `items[${good.length + i}].date_published`),
    );
  });

  it('decodes character references in text, not in content_html', () => {
    const feed = parseFeed(
      feedOf([newsItem('a', { title: 'Matcha aujourd&#x27;hui &amp; &lt;b&gt;', content_html: '<p>a &amp; b</p>' })]),
      base,
    );
    expect(feed.items[0]!.title).to.equal("Matcha aujourd'hui & <b>");
    expect(feed.items[0]!.content_html).to.equal('<p>a &amp; b</p>');
  });

  it('reports stations that point at missing or non-portrait items and keeps the rest', () => {
    const feed = parseFeed(
      feedOf([portraitItem('a'), newsItem('n')], {
        _reportage: {
          journeys: [
            { id: 'j', stations: [{ item: 'portrait-a' }, { item: 'nope' }, { item: 'n' }, 'x', {}] },
            { title: 'no id' },
          ],
        },
      }),
      base,
    );
    expect(feed.journeys).to.have.length(1);
    expect(feed.journeys[0]!.stations).to.deep.equal([{ item: 'portrait-a' }]);
    expect(feed.problems.map((p) => p.path)).to.deep.equal([
      '_reportage.journeys[0].stations[1].item',
      '_reportage.journeys[0].stations[2].item',
      '_reportage.journeys[0].stations[3]',
      '_reportage.journeys[0].stations[4].item',
      '_reportage.journeys[1].id',
    ]);
  });
});

describe('parseFeed: hostile URLs are dropped in every URL field', () => {
  const hostile = [
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
    'java&#x09;script:alert(1)',
    'javascript&colon;alert(1)',
  ];
  for (const bad of hostile) {
    it(`drops ${JSON.stringify(bad)} everywhere, keeps mailto: only in links and author URLs`, () => {
      const item = portraitItem('x', {
        url: bad,
        external_url: bad,
        image: bad,
        banner_image: bad,
        authors: [
          { name: 'A', url: bad, avatar: bad },
          { name: 'M', url: 'mailto:m@example.org', avatar: 'mailto:m@example.org' },
        ],
      });
      item._reportage.links = [
        { title: 'bad', url: bad },
        { title: 'mail', url: 'mailto:info@example.org' },
        { title: 'ok', url: '/info' },
      ];
      item._reportage.cluster.url = bad;
      item._reportage.cluster.logo = bad;
      const feed = parseFeed(feedOf([item], { home_page_url: bad, feed_url: bad }), base);
      const [p] = feed.items;
      expect(feed).not.to.have.property('home_page_url');
      expect(feed).not.to.have.property('feed_url');
      for (const key of ['url', 'external_url', 'image', 'banner_image'] as const) expect(p).not.to.have.property(key);
      expect(p!.authors).to.deep.equal([{ name: 'A' }, { name: 'M', url: 'mailto:m@example.org' }]);
      expect(p!.links).to.deep.equal([
        { title: 'mail', url: 'mailto:info@example.org' },
        { title: 'ok', url: 'https://feeds.example.org/info' },
      ]);
      expect(p!.cluster).not.to.have.property('url');
      expect(p!.cluster).not.to.have.property('logo');
      expect(JSON.stringify(feed.items)).not.to.match(/javascript|data:|vbscript/i);
      expect(feed.problems.length).to.be.greaterThan(9);
    });
  }
});
