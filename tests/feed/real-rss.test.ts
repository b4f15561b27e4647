// Real-world RSS and Atom feeds, as published (../shared/real-feeds/rss/, see its README; served
// by the test server's /mock/rss route, never copied into the repository): each is read into the
// model with what a reader would make of it, and renders a sensible news card, item by item.
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/cluster-news-card/define.js';
import '../../src/elements/cluster-portrait/define.js';
import '../../src/elements/cluster-journey/define.js';
import type { FeedElement } from '../../src/base/feed-element.js';
import type { ClusterNewsCard } from '../../src/elements/cluster-news-card/cluster-news-card.js';
import { loadFeed } from '../../src/feed/load.js';
import type { Feed } from '../../src/feed/types.js';
import { freshCache, mockUrl, part, settled, shadow } from '../helpers.js';

interface Expected {
  format: Feed['format'];
  items: number;
  /** the title of the card without `item`: the newest item */
  newest: string;
  language?: string;
}

const feeds: Record<string, Expected> = {
  '01-natashatherobot-wordpress.xml': {
    format: 'rss',
    items: 10,
    newest: 'The Easiest Way to Get a URL for your Apple Wallet Passkit Pass',
    language: 'en-US',
  },
  '02-invironment-medium.xml': { format: 'rss', items: 7, newest: 'THE CREATIVE FORAGER' },
  '03-golem-feedcreator.xml': {
    format: 'rss',
    items: 40,
    newest: 'Anheuser Busch: US-Brauerei bestellt 40 Tesla-Trucks vor',
    language: 'de',
  },
  '04-rubenerd-hugo.xml': {
    format: 'rss',
    items: 10,
    newest: 'The great Commodore/Atari engineer swap',
    language: 'en-SG',
  },
  '05-developmentseed-drupal.xml': {
    format: 'rss',
    items: 10,
    newest: 'Open Atrium Translation Workflow: Two Way Translation Updates',
    language: 'en',
  },
  '06-dasding-custom.xml': {
    format: 'rss',
    items: 32,
    newest: 'Die mit Alice Merton und der Wespen-Taschen Psychologie',
    language: 'de',
  },
  '07-rutube-custom.xml': { format: 'rss', items: 20, newest: 'Камеди Клаб: «3 сентября»' },
  '08-gulp-githubreleases.xml': { format: 'atom', items: 10, newest: 'v3.9.0', language: 'en-US' },
  '09-l2inc-youtube.xml': { format: 'atom', items: 15, newest: 'Buy Now, Bitches*' },
  '10-4fsodonline-blogger.xml': { format: 'atom', items: 25, newest: '4FSOD Documentary: Bloopers and Stuff' },
};
const urlOf = (name: string) => mockUrl('rss', { name });
const read = (name: string) => loadFeed(urlOf(name));

describe('real RSS and Atom feeds: read into the model', () => {
  freshCache();

  for (const [name, want] of Object.entries(feeds)) {
    it(`${name}: ${want.format}, all ${want.items} items, the newest is “${want.newest}”`, async () => {
      const feed = await read(name);
      expect(feed.format).to.equal(want.format);
      expect(feed.items).to.have.length(want.items);
      expect(feed.title).to.be.a('string').and.not.equal('');
      expect(feed.language).to.equal(want.language);
      for (const i of feed.items) {
        expect(i.kind).to.equal('news');
        expect(i.title, i.id).to.be.a('string').and.not.equal('');
        expect(i.date_published, i.id).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
      }
      // every problem is named where the producer can find it
      for (const p of feed.problems) expect(p.path).to.match(/^(line \d+|\/(rss|feed)\b)/);
    });
  }

  it('03 (ISO-8859-1 bytes): umlauts and ß read right, not as replacement characters', async () => {
    const feed = await read('03-golem-feedcreator.xml');
    const text = feed.items.map((i) => `${i.title} ${i.summary}`).join(' ');
    expect(text).to.match(/[äöüß]/);
    expect(text).not.to.contain('\ufffd');
    expect(feed.problems).to.deep.equal([]);
  });

  it('06 (a line break before <?xml …?>): read anyway, and the problem is named at line 1', async () => {
    const feed = await read('06-dasding-custom.xml');
    expect(feed.problems).to.deep.equal([{ path: 'line 1', message: 'text before <?xml …?>; ignored' }]);
    expect(feed.items[0]!.date_published).to.equal('2020-10-15T17:27:00+02:00');
  });

  it('07 (<pubdate> in lower case, ISO dates): the dates are read as a reader would', async () => {
    const feed = await read('07-rutube-custom.xml');
    expect(feed.items[0]!.date_published).to.equal('2022-09-03T09:37:11+03:00');
    expect(feed.items[0]!.image).to.match(/^https:\/\/pic\.rutubelist\.ru\//);
  });

  it('08 (relative entry links, no xml:base): links lead to the releases on github.com, not to our server', async () => {
    const feed = await read('08-gulp-githubreleases.xml');
    for (const i of feed.items) expect(i.url).to.match(/^https:\/\/github\.com\/gulpjs\/gulp\/releases\/tag\/v/);
  });

  it('09 (YouTube: text only in media:group): the summary and the thumbnail come from Media RSS', async () => {
    const feed = await read('09-l2inc-youtube.xml');
    expect(feed.items[0]!.summary).to.match(/^Scott's Book "The Four"/);
    expect(feed.items[0]!.image).to.equal('https://i1.ytimg.com/vi/lR-w1h5ONOY/hqdefault.jpg');
  });

  it('05 (Drupal): the guid "974 at http://…" is the id, the link is the url', async () => {
    const feed = await read('05-developmentseed-drupal.xml');
    expect(feed.items[0]).to.deep.include({
      id: '974 at http://developmentseed.org',
      url: 'http://developmentseed.org/blog/2009/oct/06/open-atrium-translation-workflow-two-way-updating',
    });
  });

  it('02 (Medium: no description, a 1×1 tracking pixel): no summary of its own, a real image', async () => {
    const feed = await read('02-invironment-medium.xml');
    for (const i of feed.items) {
      expect(i).not.to.have.property('summary');
      expect(i.image).to.match(/^https:\/\/cdn-images-1\.medium\.com\//);
    }
  });
});

/** A card per item of `name` in a hidden box (the feeds' images are on the internet: hidden, they never load). */
async function renderAll(name: string, feed: Feed, variant = 'compact'): Promise<ClusterNewsCard[]> {
  const box = fixtureSync<HTMLElement>(
    html`<div hidden>
      ${feed.items.map(
        (i) => html`<cluster-news-card src=${urlOf(name)} item=${i.id} variant=${variant}></cluster-news-card>`,
      )}
    </div>`,
  );
  const cards = [...box.querySelectorAll('cluster-news-card')];
  await Promise.all(cards.map((c) => settled(c)));
  return cards;
}

describe('real RSS and Atom feeds: every item renders as a news card', () => {
  freshCache();

  for (const [name, want] of Object.entries(feeds)) {
    it(`${name}: the card shows “${want.newest}”; every item a heading, a date, no "undefined", only safe links`, async () => {
      const card = fixtureSync<ClusterNewsCard>(
        html`<cluster-news-card hidden src=${urlOf(name)}></cluster-news-card>`,
      );
      await settled(card, 'ready');
      expect(part(card, 'title')!.textContent!.trim()).to.equal(want.newest);

      const feed = await read(name);
      for (const c of await renderAll(name, feed)) {
        const what = `${name} item ${c.item}`;
        expect(c.state, what).to.equal('ready');
        expect(part(c, 'title')?.textContent?.trim(), what).to.be.a('string').and.not.equal('');
        expect(part(c, 'date')?.textContent, what).to.match(/\d{4}/);
        expect(shadow(c).textContent, what).not.to.match(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|\ufffd/);
        for (const el of shadow(c).querySelectorAll('[href], [src]')) {
          expect(el.getAttribute('href') ?? el.getAttribute('src'), what).to.match(/^https?:/);
        }
      }
    });
  }

  it('01 (WordPress, raw <script> in content:encoded): the full article renders without any script or iframe', async () => {
    const feed = await read('01-natashatherobot-wordpress.xml');
    const cards = await renderAll('01-natashatherobot-wordpress.xml', feed, 'full');
    await waitUntil(() => cards.every((c) => part(c, 'content')?.firstElementChild), 'sanitized bodies', {
      timeout: 3000,
    });
    for (const c of cards) {
      expect(shadow(c).querySelector('script, iframe, object, embed, style, [style]'), c.item).to.equal(null);
      expect(part(c, 'content')!.textContent!.trim(), c.item).not.to.equal('');
    }
  });
});

describe('real RSS and Atom feeds in the portrait and the journey', () => {
  freshCache();

  it('a portrait and a journey on a WordPress RSS feed say the feed has no portraits or journeys (de, en)', async () => {
    const src = urlOf('01-natashatherobot-wordpress.xml');
    const box = fixtureSync(
      html`<div>
        <cluster-portrait src=${src} lang="de"></cluster-portrait>
        <cluster-journey src=${src} lang="en"></cluster-journey>
        <cluster-portrait
          lang="de"
          .feed=${{ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [] }}
        ></cluster-portrait>
      </div>`,
    );
    const [portrait, journey, jsonPortrait] = [...box.children] as FeedElement<unknown>[];
    for (const el of [portrait!, journey!, jsonPortrait!]) await settled(el, 'empty');
    expect(part(portrait!, 'empty')!.textContent).to.contain('Dieser RSS- oder Atom-Feed enthält keine Porträts.');
    expect(part(journey!, 'empty')!.textContent).to.contain('This RSS or Atom feed has no journeys.');
    // a JSON Feed without portraits keeps the usual message
    expect(part(jsonPortrait!, 'empty')!.textContent).to.contain('Kein Porträt für diese Clusterinitiative gefunden.');
  });
});
