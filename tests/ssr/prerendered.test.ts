// Prerendered elements in the browser (all three engines): HTML made by `cluster-reportage render`
// (the built CLI, through the test server's /mock/prerender route) put into the page as the parser
// would, with its declarative shadow roots, and upgraded by the elements. What the visitor sees
// before the feed answers, after it answers, with a changed feed and with a failing one; and the
// server's article body against the browser's own sanitizer for every payload of the XSS corpus.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { safeUrl } from '../../src/feed/url.js';
import { sanitizeToElement } from '../../src/sanitize/sanitize.js';
import { payloads } from '../fixtures/xss-payloads.js';
import { feedOf, freshCache, mockUrl, newsItem, sampleFeedJson } from '../helpers.js';
import { mount, openGate, prerender, type Mounted } from './prerender.js';

const titles = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part~="title"]')].map((t) => t.textContent!.trim());
const heights = (m: Mounted) => m.els.map((el) => Math.round(el.getBoundingClientRect().height));
const page = (src: string) => `<h2>Reportagen</h2>
<cluster-news-card src="${src}" variant="full"><a href="https://example.org/">Clusterreportagen</a></cluster-news-card>
<cluster-journey src="${src}" for="ssr-portrait"></cluster-journey>
<cluster-portrait id="ssr-portrait" src="${src}" cluster="optence"><a href="https://www.optence.de">Optence e. V.</a></cluster-portrait>
<cluster-news-list src="${src}" kind="portrait" limit="2" heading-level="2"></cluster-news-list>
<p>Danach</p>`;
const ALL = ['cluster-journey', 'cluster-news-card', 'cluster-news-list', 'cluster-portrait'];

describe('prerendered elements in the browser', () => {
  freshCache();
  let mounted: Mounted | undefined;
  afterEach(() => mounted?.root.remove());

  it('shows the prerendered content until the feed answers, then the same content once, with no placeholder and no size change', async () => {
    const key = `ssr-gate-${Math.random()}`;
    mounted = mount(await prerender(page(mockUrl('gate', { key })), await sampleFeedJson()));
    const { els } = mounted;
    await Promise.all(els.map((el) => el.updateComplete));
    // the feed has not answered: the server's content is on screen, the element knows it is loading
    expect(els.map((el) => el.state)).to.deep.equal(['loading', 'loading', 'loading', 'loading']);
    expect(els.map(titles)).to.deep.equal([
      ['Clusterreportagen: ein Blick hinter die Kulissen von Optence, BioCon Valley®, OLEC und BioEconomy'],
      ['Stationen der Reportagereise'],
      ['Optence e. V.'],
      ['Optence e. V.', 'BioCon Valley®'],
    ]);
    const before = heights(mounted);
    const prerenderedBody = els[0]!.shadowRoot!.querySelector('[part~="content"]')!.innerHTML;
    // the four share one request
    expect(await openGate(key)).to.equal(1);
    await waitUntil(() => mounted!.events.length === 4, 'every element reported its feed', { timeout: 8000 });
    expect(mounted.events.sort()).to.deep.equal(ALL.map((t) => `${t}:cluster-feed-load`));
    expect(els.map((el) => el.state)).to.deep.equal(['ready', 'ready', 'ready', 'ready']);
    expect(mounted.placeholders()).to.equal(0);
    expect(els.map((el) => titles(el).length)).to.deep.equal([1, 1, 1, 2]);
    // the element's own render replaced the server's nodes (their <style> went with them)
    expect(els.map((el) => el.shadowRoot!.querySelectorAll('style').length)).to.deep.equal([0, 0, 0, 0]);
    expect(heights(mounted)).to.deep.equal(before);
    // the journey's stations were on screen already: they do not make their entrance again
    const stations = [...els[1]!.shadowRoot!.querySelectorAll('.stations > li')];
    expect(stations.map((li) => getComputedStyle(li).animationName)).to.deep.equal(stations.map(() => 'none'));
    const body = els[0]!.shadowRoot!.querySelector('[part~="content"]')!.innerHTML;
    expect(body.replace(/<!--[^>]*-->/g, '')).to.equal(prerenderedBody);
  });

  it('shows the new content when the feed changed after the page was prerendered', async () => {
    const feed = await sampleFeedJson();
    const changed = structuredClone(feed);
    changed.items[0].title = 'Neu: die Reportagen sind online';
    changed.items[1]._reportage.cluster.name = 'Optence (neu)';
    const key = `ssr-changed-${Math.random()}`;
    await fetch(mockUrl('stash', { key }), { method: 'POST', body: JSON.stringify(changed) });
    mounted = mount(await prerender(page(mockUrl('stash', { key })), feed));
    await waitUntil(() => mounted!.events.length === 4, 'every element reported its feed', { timeout: 8000 });
    const [card] = mounted.els;
    await card!.updateComplete;
    expect(titles(card!)).to.deep.equal(['Neu: die Reportagen sind online']);
    expect(card!.shadowRoot!.querySelector('a.more')!.textContent).to.equal(
      'Weiterlesen: Neu: die Reportagen sind online',
    );
    const list = mounted.els[3]!;
    await list.updateComplete;
    expect(titles(list)).to.deep.equal(['Optence (neu)', 'BioCon Valley®']);
    expect(mounted.placeholders()).to.equal(0);
  });

  it('keeps the prerendered list and its “more” button, which shows the next entries once the script has the feed', async () => {
    const key = `ssr-list-${Math.random()}`;
    mounted = mount(await prerender(page(mockUrl('gate', { key })), await sampleFeedJson()));
    const list = mounted.els[3]!;
    await list.updateComplete;
    const entries = () => list.shadowRoot!.querySelectorAll('[part~="entry"]');
    const more = () => list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more"]');
    expect(entries().length).to.equal(2);
    expect(more()!.textContent!.trim()).to.equal('Mehr anzeigen');
    await openGate(key);
    await waitUntil(() => mounted!.events.length === 4, 'every element reported its feed', { timeout: 8000 });
    await list.updateComplete;
    // one list, the same two entries, one button: the script's render replaced the server's
    expect(list.shadowRoot!.querySelectorAll('ul').length).to.equal(1);
    expect(titles(list)).to.deep.equal(['Optence e. V.', 'BioCon Valley®']);
    expect(list.shadowRoot!.querySelectorAll('[part~="more"]').length).to.equal(1);
    more()!.click();
    await list.updateComplete;
    expect(titles(list)).to.deep.equal(['Optence e. V.', 'BioCon Valley®', 'OLEC', 'BioEconomy']);
    await waitUntil(() => list.shadowRoot!.activeElement === entries()[2], 'focus did not move to the first new entry');
    expect(more(), 'nothing more matches').to.equal(null);
    expect(mounted.placeholders()).to.equal(0);
  });

  it('keeps the prerendered content and fires cluster-feed-error when the feed fails', async () => {
    mounted = mount(await prerender(page(mockUrl('respond', { status: 500 })), await sampleFeedJson()));
    await waitUntil(() => mounted!.events.length === 4, 'every element reported its feed', { timeout: 8000 });
    expect(mounted.events.sort()).to.deep.equal(ALL.map((t) => `${t}:cluster-feed-error`));
    expect(mounted.els.map((el) => el.state)).to.deep.equal(['error', 'error', 'error', 'error']);
    expect(mounted.els.map((el) => titles(el).length)).to.deep.equal([1, 1, 1, 2]);
    expect(
      mounted.els.map((el) => el.shadowRoot!.querySelectorAll('[part~="error"], [part~="loading"]').length),
    ).to.deep.equal([0, 0, 0, 0]);
    expect(mounted.placeholders()).to.equal(0);
  });

  it('gives every XSS payload the article body the browser’s own sanitizer makes of it', async () => {
    const items = payloads.map((p, i) =>
      newsItem(`xss-${i}`, { content_html: `<p>before</p>${p.payload}<p>after</p>`, url: 'https://example.org/post' }),
    );
    const html = items.map((i) => `<cluster-news-card item="${i.id}" variant="full"></cluster-news-card>`).join('\n');
    const rendered = await prerender(html, feedOf(items));
    // parsed inert (DOMParser: no script, no loads, declarative shadow roots left as <template>s)
    const doc = new DOMParser().parseFromString(rendered, 'text/html');
    const cards = [...doc.querySelectorAll('cluster-news-card')];
    expect(cards.length).to.equal(payloads.length);
    const differ: string[] = [];
    for (const [i, card] of cards.entries()) {
      const tpl = card.querySelector('template[shadowrootmode]') as HTMLTemplateElement;
      const server = tpl.content.querySelector('[part~="content"] > div')!;
      const client = await sanitizeToElement(items[i].content_html, 'https://example.org/post', {
        headingLevel: 3,
        safeUrl,
      });
      if (server.outerHTML !== client.outerHTML)
        differ.push(`${payloads[i]!.name}: ${server.outerHTML} ≠ ${client.outerHTML}`);
    }
    expect(differ).to.deep.equal([]);
  });
});
