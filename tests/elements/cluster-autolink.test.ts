// <cluster-autolink>: what a CMS editor's pasted links become. The pages are written as a CMS
// stores them (CKEditor, wpautop and the block editor all write <p><a href="…">…</a></p>), the
// feeds come from the test server's mock routes, and every request is counted there.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ClusterAutolink } from '../../src/elements/cluster-autolink/cluster-autolink.js';
import type { FeedElement } from '../../src/base/feed-element.js';
import { b64, feedOf, freshCache, guarded, hits, mockUrl, newsItem, part, settled } from '../helpers.js';

const NEWS =
  'https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Kurzmeldungen/2021/02/2021-02-02-clusterreportagen.html';
const NEWS_ID = 'meldung-2021-02-02-clusterreportagen';
const OLEC = 'https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Reportagen/clusterreportage-olec.html';
const CARDS = 'cluster-news-card, cluster-portrait';

let counter = 0;
/** The sample feed under a fresh URL, its requests counted under the returned key. */
function sample(): { src: string; key: string } {
  const key = `autolink-${++counter}-${Math.random()}`;
  return { src: mockUrl('feed', { key }), key };
}
/** Any feed, under a fresh counted URL. */
function feedUrl(feed: unknown): { src: string; key: string } {
  const key = `autolink-${++counter}-${Math.random()}`;
  return { src: mockUrl('respond', { key, body: b64(JSON.stringify(feed)) }), key };
}

const mounted: Element[] = [];
afterEach(() => mounted.splice(0).forEach((e) => e.remove()));

/** A page body as the CMS delivers it, then the theme's one `<cluster-autolink>` after it. */
function page(body: string, attrs: Record<string, string>): { content: HTMLElement; autolink: ClusterAutolink } {
  const content = document.createElement('main');
  content.innerHTML = body;
  const autolink = document.createElement('cluster-autolink');
  for (const [k, v] of Object.entries(attrs)) autolink.setAttribute(k, v);
  document.body.append(content, autolink);
  mounted.push(content, autolink);
  return { content, autolink };
}

const cards = (root: ParentNode) => [...root.querySelectorAll<FeedElement<unknown>>(CARDS)];
async function cardsIn(root: ParentNode, n: number) {
  await waitUntil(() => cards(root).length === n, `expected ${n} cards`, { timeout: 8000 });
  return cards(root);
}
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/** Captures console.warn while `body` runs (the one message a failed feed leaves). */
async function warnings(body: (seen: unknown[][]) => Promise<void>): Promise<unknown[][]> {
  const seen: unknown[][] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args);
  try {
    await body(seen);
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('<cluster-autolink>: links become cards', () => {
  freshCache();

  it('turns a link alone in its paragraph into the news card, with the paragraph inside as fallback', async () => {
    const { src } = sample();
    const { content } = page(`<p>Intro.</p>\n<p><a href="${NEWS}">${NEWS}</a></p>\n<p>Outro.</p>`, { src });
    const [card] = await cardsIn(content, 1);
    expect(card!.localName).to.equal('cluster-news-card');
    expect(card!.getAttribute('item')).to.equal(NEWS_ID);
    expect(card!.getAttribute('src')).to.equal(src);
    expect(card!.previousElementSibling!.textContent).to.equal('Intro.');
    expect(card!.nextElementSibling!.textContent).to.equal('Outro.');
    // the fallback: the paragraph with the link, as it was
    expect(card!.children.length).to.equal(1);
    expect(card!.firstElementChild!.outerHTML).to.equal(`<p><a href="${NEWS}">${NEWS}</a></p>`);
    await settled(card!, 'ready');
    expect(part(card!, 'title')!.textContent).to.contain('Clusterreportagen');
  });

  it('turns a link to a portrait into <cluster-portrait cluster="…">, whatever its text', async () => {
    const { src } = sample();
    const { content } = page(`<p><a href="${OLEC}">Unsere Reportage über OLEC</a></p>`, { src });
    const [card] = await cardsIn(content, 1);
    expect(card!.localName).to.equal('cluster-portrait');
    expect(card!.getAttribute('cluster')).to.equal('olec');
    expect(card!.hasAttribute('item')).to.equal(false);
    await settled(card!, 'ready');
    expect(part(card!, 'title')!.textContent!.trim()).to.equal('OLEC');
  });

  it('leaves links in running text, headings, table cells, quotes, navigation and editable areas as links', async () => {
    const { src, key } = sample();
    const { content } = page(
      `<p>Lesen Sie <a href="${OLEC}">die Reportage</a> über OLEC.</p>
       <p><a href="${OLEC}">OLEC</a> und <a href="${NEWS}">Meldung</a></p>
       <p><a href="${OLEC}">OLEC</a><img src="data:," alt="Logo"></p>
       <h2><a href="${OLEC}">OLEC</a></h2>
       <table><tr><td><a href="${OLEC}">OLEC</a></td></tr></table>
       <table><tr><td><p><a href="${OLEC}">OLEC</a></p></td></tr></table>
       <blockquote><a href="${OLEC}">OLEC</a></blockquote>
       <blockquote><p><a href="${OLEC}">OLEC</a></p></blockquote>
       <nav><ul><li><a href="${OLEC}">OLEC</a></li></ul></nav>
       <header><p><a href="${OLEC}">OLEC</a></p></header>
       <footer><p><a href="${OLEC}">OLEC</a></p></footer>
       <div contenteditable="true"><p><a href="${OLEC}">OLEC</a></p></div>
       <p id="last"><a href="${NEWS}">${NEWS}</a></p>`,
      { src },
    );
    const before = content.querySelectorAll('a').length;
    // the one standalone link outside those places shows that the scan ran
    await cardsIn(content, 1);
    expect(content.querySelectorAll(':scope > cluster-news-card').length).to.equal(1);
    expect(content.querySelectorAll('a').length).to.equal(before);
    expect([...content.querySelectorAll('a')].filter((a) => a.closest(CARDS)).length).to.equal(1);
    expect(await hits(key)).to.equal(1);
  });

  it('compares URLs without case in scheme and host, a trailing slash, the fragment and utm_* parameters', async () => {
    const feed = feedOf([
      newsItem('plain', { url: 'https://example.org/news/a?id=7' }),
      newsItem('slash', { url: 'https://example.org/news/b/' }),
      newsItem('ext', { url: 'https://example.org/news/c', external_url: 'https://partner.example/story' }),
    ]);
    const { src } = feedUrl(feed);
    const { content } = page(
      `<p><a href="HTTPS://EXAMPLE.ORG/news/a?utm_source=newsletter&amp;id=7&amp;UTM_Medium=mail#top">a</a></p>
       <p><a href="https://example.org/news/b">b</a></p>
       <p><a href="https://partner.example/story/?utm_campaign=x">c</a></p>
       <p><a href="https://example.org/NEWS/a?id=7">path case differs</a></p>
       <p><a href="https://example.org/news/a?id=8">other query</a></p>
       <p><a href="http://example.org/news/a?id=7">other scheme</a></p>
       <p><a href="https://example.org/news/a">query missing</a></p>`,
      { src },
    );
    const made = await cardsIn(content, 3);
    expect(made.map((c) => c.getAttribute('item'))).to.deep.equal(['plain', 'slash', 'ext']);
    expect([...content.querySelectorAll(':scope > p > a')].map((a) => a.textContent)).to.deep.equal([
      'path case differs',
      'other query',
      'other scheme',
      'query missing',
    ]);
  });

  it('upgrades a link wrapped in bold or a span, and a link between spaces and &nbsp;, in a list item too', async () => {
    const { src } = sample();
    const { content } = page(
      `<p><strong><a href="${OLEC}">OLEC</a></strong></p>
       <p>&nbsp; <span class="link"><a href="${NEWS}">Meldung</a></span>&nbsp;</p>
       <ul><li><a href="${OLEC}">OLEC</a></li><li>Other</li></ul>`,
      { src },
    );
    const made = await cardsIn(content, 3);
    expect(made.map((c) => c.localName)).to.deep.equal(['cluster-portrait', 'cluster-news-card', 'cluster-portrait']);
    // in a list the card goes inside the item, so the list stays a list; the link is its fallback
    const li = content.querySelector('li')!;
    expect(li.children.length).to.equal(1);
    expect(li.firstElementChild!.localName).to.equal('cluster-portrait');
    expect(li.firstElementChild!.innerHTML).to.equal(`<a href="${OLEC}">OLEC</a>`);
    expect(content.querySelector('ul')!.children.length).to.equal(2);
  });

  it('upgrades a bare URL alone in a paragraph (what some editors store), not one in a sentence', async () => {
    const { src } = sample();
    const { content } = page(
      `<p>${OLEC}</p>
       <div class="wp-block-embed__wrapper">
         ${NEWS}
       </div>
       <p>Siehe ${OLEC} für mehr.</p>
       <p>clusterreportage-olec.html</p>`,
      { src },
    );
    const made = await cardsIn(content, 2);
    expect(made.map((c) => c.localName)).to.deep.equal(['cluster-portrait', 'cluster-news-card']);
    expect(made[0]!.firstElementChild!.outerHTML).to.equal(`<p>${OLEC}</p>`);
    expect(content.querySelectorAll(':scope > p').length).to.equal(2);
  });

  it('passes lang, heading-level and (to news cards only) variant on to the cards it makes', async () => {
    const { src } = sample();
    const { content } = page(`<p><a href="${NEWS}">n</a></p><p><a href="${OLEC}">o</a></p>`, {
      src,
      lang: 'en',
      'heading-level': '2',
      variant: 'full',
    });
    const [news, portrait] = await cardsIn(content, 2);
    expect([
      news!.getAttribute('lang'),
      news!.getAttribute('heading-level'),
      news!.getAttribute('variant'),
    ]).to.deep.equal(['en', '2', 'full']);
    expect([portrait!.getAttribute('lang'), portrait!.getAttribute('heading-level')]).to.deep.equal(['en', '2']);
    expect(portrait!.hasAttribute('variant')).to.equal(false);
    await settled(portrait!, 'ready');
    expect(part(portrait!, 'title')!.localName).to.equal('h2');
    expect(part(portrait!, 'focus')!.textContent).to.match(/^Focus/);
  });

  it('scans only the containers named by `scope`', async () => {
    const { src } = sample();
    const { content } = page(
      `<aside class="sidebar"><p><a href="${OLEC}">OLEC</a></p></aside>
       <article class="entry-content"><p><a href="${OLEC}">OLEC</a></p></article>`,
      { src, scope: '.entry-content' },
    );
    await cardsIn(content.querySelector('.entry-content')!, 1);
    expect(content.querySelector('.sidebar > p > a')).to.exist;
    expect(cards(content.querySelector('.sidebar')!)).to.have.length(0);
  });

  it('makes two cards for two links to the same item, and the page asks for the feed once', async () => {
    const { src, key } = sample();
    const { content } = page(
      `<cluster-portrait src="${src}" cluster="optence"></cluster-portrait>
       <p><a href="${OLEC}">OLEC</a></p><p>Text</p><p><a href="${OLEC}">OLEC again</a></p>`,
      { src },
    );
    const made = await cardsIn(content, 3);
    await Promise.all(made.map((c) => settled(c, 'ready')));
    expect(made.map((c) => c.getAttribute('cluster'))).to.deep.equal(['optence', 'olec', 'olec']);
    expect(await hits(key)).to.equal(1);
  });
});

describe('<cluster-autolink>: content added later', () => {
  freshCache();

  it('upgrades links a page adds later (infinite scroll, SPA) on the next frame, in one scan for many additions', async () => {
    const { src, key } = sample();
    const { content } = page(`<p><a href="${OLEC}">OLEC</a></p>`, { src });
    await cardsIn(content, 1);
    const scans: Element[] = [];
    const original = Element.prototype.querySelectorAll;
    Element.prototype.querySelectorAll = function (this: Element, selector: string) {
      if (selector === 'a[href],p,li,div,dd') scans.push(this);
      return original.call(this, selector);
    } as typeof original;
    try {
      // 200 paragraphs, added one by one across microtasks (as an async renderer does)
      for (let i = 0; i < 200; i++) {
        const p = document.createElement('p');
        p.innerHTML = i % 2 ? `<a href="${NEWS}">Meldung ${i}</a>` : `Text ${i}`;
        content.append(p);
        await Promise.resolve();
      }
      expect(cards(content)).to.have.length(1);
      await frame();
    } finally {
      Element.prototype.querySelectorAll = original;
    }
    expect(cards(content)).to.have.length(101);
    // one scan in that frame: every added paragraph once, and nothing else
    expect(new Set(scans).size).to.equal(200);
    expect(scans.length).to.equal(200);
    expect(await hits(key)).to.equal(1);
  });

  it('scans a container added later that holds the `scope` (an SPA page change)', async () => {
    const { src } = sample();
    const { content } = page(`<div class="entry-content"><p><a href="${NEWS}">first page</a></p></div>`, {
      src,
      scope: '.entry-content',
    });
    await cardsIn(content, 1);
    const view = document.createElement('div');
    view.innerHTML = `<p><a href="${OLEC}">outside</a></p><div class="entry-content"><p><a href="${OLEC}">inside</a></p></div>`;
    content.append(view);
    await cardsIn(content, 2);
    expect(cards(view.querySelector('.entry-content')!)).to.have.length(1);
    expect(view.querySelector(':scope > p > a')!.textContent).to.equal('outside');
  });

  it('stops when it is removed from the page', async () => {
    const { src } = sample();
    const { content, autolink } = page(`<p><a href="${OLEC}">OLEC</a></p>`, { src });
    await cardsIn(content, 1);
    autolink.remove();
    content.insertAdjacentHTML('beforeend', `<p><a href="${NEWS}">later</a></p>`);
    await frame();
    await frame();
    expect(cards(content)).to.have.length(1);
    expect(content.querySelector(':scope > p > a')!.textContent).to.equal('later');
  });
});

describe('<cluster-autolink>: bad input', () => {
  freshCache();

  for (const [name, url] of [
    ['a 500 answer', mockUrl('respond', { status: 500, body: b64('{"error":1}') })],
    ['an HTML error page', mockUrl('respond', { type: 'text/html', body: b64('<h1>Not found</h1>') })],
    ['no server', 'http://127.0.0.1:9/feed.json'],
    ['not a URL', 'http://[nope/feed.json'],
  ] as const)
    it(`leaves every link as it is when the feed fails (${name}), throws nothing, and says so once`, async () => {
      const html = `<p><a href="${OLEC}">OLEC</a></p><p>${NEWS}</p>`;
      let content!: HTMLElement;
      const seen = await warnings((seen) =>
        guarded(async () => {
          ({ content } = page(html, { src: url }));
          await waitUntil(() => seen.length > 0, 'no warning', { timeout: 8000 });
          await frame();
        }),
      );
      expect(content.innerHTML).to.equal(html);
      expect(seen).to.have.length(1);
      expect(String(seen[0]![0])).to.equal('[cluster-reportage]');
    });

  it('never makes anything of hostile hrefs: javascript:, data:, disguised schemes, SVG links', async () => {
    const hostile = [
      `javascript:location='${OLEC}'`,
      `JaVaScRiPt:alert(1)//${OLEC}`,
      `java\tscript:alert(1)`,
      `javascript&colon;alert(1)`,
      `data:text/html,<a href="${OLEC}">`,
      `vbscript:msgbox(1)`,
    ];
    const feed = feedOf([
      newsItem('safe', { url: 'https://example.org/safe' }),
      // the feed's own hostile URL never makes it past the parser
      newsItem('evil', { url: 'javascript:alert(1)' }),
    ]);
    const { src } = feedUrl(feed);
    const body =
      hostile.map((h) => `<p><a href="${h.replace(/"/g, '&quot;').replace(/</g, '&lt;')}">${OLEC}</a></p>`).join('') +
      `<p>javascript:alert(1)</p><svg><a href="https://example.org/safe"><text>x</text></a></svg>` +
      `<p><a href="https://example.org/safe">safe</a></p>`;
    await guarded(async () => {
      const { content } = page(body, { src });
      const before = [...content.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      await cardsIn(content, 1);
      await frame();
      expect(cards(content).map((c) => c.getAttribute('item'))).to.deep.equal(['safe']);
      expect([...content.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(before);
    });
  });

  it('leaves the fallback links of cluster elements alone, and a second autolink changes nothing', async () => {
    const { src, key } = sample();
    const { content } = page(
      `<cluster-news-card src="${src}" item="${NEWS_ID}"><p><a href="${NEWS}">Meldung</a></p></cluster-news-card>
       <p><a href="${OLEC}">OLEC</a></p>`,
      { src, scope: 'main' },
    );
    await cardsIn(content, 2);
    const snapshot = content.innerHTML;
    // a second one for the whole page (the script loaded twice, or a second theme block); when it
    // has upgraded the probe outside <main>, it has scanned <main> as well
    const probe = document.createElement('div');
    probe.innerHTML = `<p><a href="${NEWS}">probe</a></p>`;
    const second = document.createElement('cluster-autolink');
    second.setAttribute('src', src);
    document.body.append(probe, second);
    mounted.push(probe, second);
    await cardsIn(probe, 1);
    expect(content.innerHTML).to.equal(snapshot);
    expect(
      content.querySelectorAll('cluster-news-card cluster-news-card, cluster-portrait cluster-portrait'),
    ).to.have.length(0);
    expect(await hits(key)).to.equal(1);
  });

  it('handles 2 000 links on one page in one scan: every standalone one becomes a card', async () => {
    const { src, key } = sample();
    const rows: string[] = [];
    for (let i = 0; i < 2000; i++)
      rows.push(
        i % 100 === 0 ? `<p><a href="${OLEC}">OLEC</a></p>` : `<p><a href="https://example.org/${i}">${i}</a></p>`,
      );
    const { content } = page(rows.join(''), { src });
    await cardsIn(content, 20);
    expect(content.querySelectorAll(':scope > p > a').length).to.equal(1980);
    expect(await hits(key)).to.equal(1);
  });

  it('says so, and throws nothing, for a `scope` that is no selector', async () => {
    const { src } = sample();
    const html = `<p><a href="${OLEC}">OLEC</a></p>`;
    let content!: HTMLElement;
    const seen = await warnings((seen) =>
      guarded(async () => {
        ({ content } = page(html, { src, scope: '>>>' }));
        await waitUntil(() => seen.length > 0, 'no warning', { timeout: 8000 });
      }),
    );
    expect(content.innerHTML).to.equal(html);
    expect(String(seen[0]![1])).to.match(/SyntaxError|not a valid selector/i);
  });

  it('does nothing without `src`, and starts when it gets one', async () => {
    const { src } = sample();
    const { content, autolink } = page(`<p><a href="${OLEC}">OLEC</a></p>`, {});
    await autolink.updateComplete;
    await frame();
    expect(cards(content)).to.have.length(0);
    autolink.src = src;
    await cardsIn(content, 1);
  });
});
