// Real-world JSON Feeds (tests/fixtures/real-feeds, see SOURCES.md), served by the test server:
// each one parses, with its problems reported, or fails with a clear error; every item of every
// parseable feed renders as a <cluster-news-card> with a real heading and safe links.
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/elements/cluster-news-card/define.js';
import type { ClusterNewsCard } from '../../src/elements/cluster-news-card/cluster-news-card.js';
import { FeedError } from '../../src/feed/errors.js';
import { loadFeed, resolveFeedUrl } from '../../src/feed/load.js';
import type { Feed } from '../../src/feed/types.js';
import { freshCache, part, settled, shadow } from '../helpers.js';

const names = [
  '01-microblog-podcast-alexkucera',
  '02-microblog-carlesbellver-ca',
  '03-wordpress-jsonfeed-josephscott',
  '04-docusaurus-noten-app-de',
  '05-jekyll-gesko-harf-ur',
  '06-jekyll-gesko-gyuni-ko-invalid',
  '07-nextjs-feed-npm-bitcoincashpodcast',
  '08-publii-nicolinuxfr-fr',
  '09-hexo-shoka-0x401000nu1l-zh',
  '10-eleventy-pashadolgopishet-ru',
  '11-hugo-strad-fr',
  '12-python-thai-answers',
];
const urlOf = (name: string) => resolveFeedUrl(`/tests/fixtures/real-feeds/${name}.json`);
/** Item counts as SOURCES.md lists them ("items kept"). */
const itemCounts: Record<string, number> = {
  '01': 5,
  '02': 25,
  '03': 10,
  '04': 5,
  '05': 6,
  '07': 6,
  '08': 4,
  '09': 4,
  '10': 9,
  '11': 4,
  '12': 1,
};

describe('real feeds: each parses or fails clearly', () => {
  freshCache();

  for (const name of names) {
    const n = name.slice(0, 2);
    if (n === '06') {
      it(`${name}: not valid JSON, so an error of kind "parse" that says so`, async () => {
        const e = await loadFeed(urlOf(name)).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(e).to.be.instanceOf(FeedError);
        expect((e as FeedError).kind).to.equal('parse');
        // (where exactly depends on the browser: Chromium and Firefox give a position or line, WebKit does not)
        expect((e as FeedError).message).to.match(/^not valid JSON: \S/);
      });
      continue;
    }
    it(`${name}: parses with all ${itemCounts[n]} items kept`, async () => {
      const feed = await loadFeed(urlOf(name));
      expect(feed.items).to.have.length(itemCounts[n]!);
      for (const p of feed.problems) expect(p.path).to.match(/^(items\[\d+\]|title|home_page_url|feed_url|_reportage)/);
    });
  }

  it('11: garbage dates and "/photos/<no value>" images are reported and dropped; the items stay', async () => {
    const feed = await loadFeed(urlOf('11-hugo-strad-fr'));
    expect(feed.items).to.have.length(4);
    for (const [i, item] of feed.items.entries()) {
      expect(item).not.to.have.property('date_published');
      expect(item).not.to.have.property('image');
      expect(feed.problems.find((p) => p.path === `items[${i}].date_published`)?.message).to.match(/RFC 3339.*23096/);
    }
    // relative URLs resolve against the feed's own URL
    expect(feed.home_page_url).to.equal(`${location.origin}/`);
  });

  it('08: the entity in a plain-text title is decoded ("Matcha aujourd\'hui")', async () => {
    const feed = await loadFeed(urlOf('08-publii-nicolinuxfr-fr'));
    expect(feed.items.map((i) => i.title)).to.include("Matcha aujourd'hui");
    expect(JSON.stringify(feed.items.map((i) => i.title))).not.to.contain('&#');
  });

  it('02: the 9 untitled microposts survive', async () => {
    const feed = await loadFeed(urlOf('02-microblog-carlesbellver-ca'));
    const untitled = feed.items.filter((i) => !i.title);
    expect(untitled).to.have.length(9);
    for (const i of untitled)
      expect(i.content_html ?? i.content_text)
        .to.be.a('string')
        .and.not.equal('');
  });

  it('03: the deprecated author next to authors[] is not doubled; content_text entities are decoded', async () => {
    const feed = await loadFeed(urlOf('03-wordpress-jsonfeed-josephscott'));
    for (const i of feed.items) expect(i.authors).to.have.length(1);
    expect(feed.items.map((i) => i.content_text).join('')).not.to.match(/&#8220;|&#8217;/);
  });

  it('04 and 07: items with only date_modified keep it', async () => {
    for (const name of ['04-docusaurus-noten-app-de', '07-nextjs-feed-npm-bitcoincashpodcast']) {
      const feed = await loadFeed(urlOf(name));
      for (const i of feed.items) expect(i.date_modified, name).to.match(/^\d{4}-\d{2}-\d{2}/);
    }
  });

  it('05: null summaries and author URLs are "not there", not problems', async () => {
    const feed = await loadFeed(urlOf('05-jekyll-gesko-harf-ur'));
    expect(feed.problems.filter((p) => /summary|author/.test(p.path))).to.deep.equal([]);
  });
});

/** Every rendered card of `feed`, one per item, in a hidden box: the feeds' images are on the internet, and tests never fetch from it. */
async function renderAll(name: string, feed: Feed): Promise<ClusterNewsCard[]> {
  const box = fixtureSync<HTMLElement>(
    html`<div hidden>
      ${feed.items.map((i) => html`<cluster-news-card src=${`/tests/fixtures/real-feeds/${name}.json`} item=${i.id}></cluster-news-card>`)}
    </div>`,
  );
  const cards = [...box.querySelectorAll('cluster-news-card')];
  await Promise.all(cards.map((c) => settled(c)));
  return cards;
}

describe('real feeds: every item renders as a news card', () => {
  freshCache();

  for (const name of names.filter((n) => !n.startsWith('06'))) {
    it(`${name}: each item shows a heading with text, no "undefined"/"null"/"NaN"/"[object Object]", only safe links`, async () => {
      const feed = await loadFeed(urlOf(name));
      const cards = await renderAll(name, feed);
      expect(cards).to.have.length(feed.items.length);
      for (const card of cards) {
        const what = `${name} item ${card.item}`;
        expect(card.state, what).to.equal('ready');
        const heading = part(card, 'title');
        expect(heading?.tagName, what).to.equal('H3');
        expect(heading!.textContent!.trim(), what).not.to.equal('');
        expect(shadow(card).textContent, what).not.to.match(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/);
        for (const el of shadow(card).querySelectorAll('[href], [src]')) {
          const url = el.getAttribute('href') ?? el.getAttribute('src')!;
          expect(url, what).to.match(/^(https?:|mailto:)/);
          expect(url, what).not.to.match(/javascript:/i);
        }
      }
    });
  }

  it('06: the card shows the parse error and keeps its fallback content', async () => {
    const box = fixtureSync<HTMLElement>(
      html`<div>
        <cluster-news-card src="/tests/fixtures/real-feeds/06-jekyll-gesko-gyuni-ko-invalid.json"
          ><a href="https://example.org/">Zum Blog</a></cluster-news-card
        >
      </div>`,
    );
    const card = box.querySelector('cluster-news-card')!;
    await settled(card, 'error');
    expect(part(card, 'error')!.textContent).to.match(/not valid JSON/);
    const slot = shadow(card).querySelector('slot')!;
    expect(slot.assignedElements().map((a) => a.textContent)).to.deep.equal(['Zum Blog']);
  });
});
