// A page with <cluster-autolink>, prerendered by `cluster-reportage render`, in the browser (all
// three engines): the server makes the same cards of it as the browser's own autolink, and when
// the script runs on the prerendered page it keeps the server's cards, makes no second card of
// them, and still upgrades links the server never saw.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { FeedElement } from '../../src/base/feed-element.js';
import { freshCache, mockUrl, sampleFeedJson } from '../helpers.js';
import { mount, openGate, prerender, type Mounted } from './prerender.js';

const ORIGIN = 'https://www.clusterplattform.de/CLUSTER/Redaktion/DE';
const NEWS = `${ORIGIN}/Kurzmeldungen/2021/02/2021-02-02-clusterreportagen.html`;
const OPTENCE = `${ORIGIN}/Reportagen/clusterreportage-optence.html`;
const BIOCON = `${ORIGIN}/Reportagen/clusterreportage-biocon-valley.html`;
const OLEC = `${ORIGIN}/Reportagen/clusterreportage-olec.html`;
const BIOECONOMY = `${ORIGIN}/Reportagen/clusterreportage-bioeconomy.html`;
const CARDS = 'cluster-news-card, cluster-portrait';

/** What editors paste, and the places where a link stays a link; the last link is the one every scan upgrades. */
const corpus = (src: string) => `<p>Lesen Sie <a href="${OLEC}">die Reportage</a> über OLEC.</p>
<p><a href="${OLEC}">OLEC</a> und <a href="${NEWS}">Meldung</a></p>
<p><a href="${OLEC}">OLEC</a><img src="data:," alt="Logo"></p>
<h2><a href="${OLEC}">OLEC</a></h2>
<table><tr><td><a href="${OLEC}">OLEC</a></td></tr></table>
<blockquote><a href="${OLEC}">OLEC</a></blockquote>
<blockquote><p><a href="${OLEC}">OLEC</a></p></blockquote>
<nav><ul><li><a href="${OLEC}">OLEC</a></li></ul></nav>
<header><p><a href="${OLEC}">OLEC</a></p></header>
<div contenteditable="true"><p><a href="${OLEC}">OLEC</a></p></div>
<p><a href="${NEWS}">${NEWS}</a></p>
<p>&nbsp;<strong><a href="${OLEC.replace('https://www.clusterplattform.de', 'HTTPS://WWW.Clusterplattform.DE')}/#oben">OLEC</a></strong> </p>
<ul><li><span class="x"><a href="${OPTENCE}?utm_source=mail&amp;utm_medium=x">Optence</a></span></li><li>${BIOCON}</li></ul>
<dl><dt>Cluster</dt><dd><a href="${BIOCON}">BioCon Valley</a></dd></dl>
<div>${NEWS}</div>
<p>Siehe ${NEWS}</p>
<p><a href="javascript:alert(1)//${OLEC}">javascript</a> </p>
<p><a href="/CLUSTER/Redaktion/DE/Reportagen/clusterreportage-olec.html">relativ, auf einem anderen Host</a></p>
<p><!-- Kommentar --><a href="${OLEC}">mit Kommentar</a></p>
<p><a href="${OLEC}">OLEC</a><br></p>
<p><a href="${OLEC}">Absatz ohne Ende</a>
<details><summary>Mehr</summary><p><a href="${OLEC}">in details</a></p></details>
<cluster-portrait src="${src}" cluster="optence"><p><a href="${OLEC}">Fallback</a></p></cluster-portrait>
<svg width="10" height="10"><a href="${OLEC}"><text>SVG</text></a></svg>
<template><p><a href="${OLEC}">im template</a></p></template>
<p><a id="sentinel" href="${BIOECONOMY}">BioEconomy</a></p>`;

/** `root`'s markup with each card's declarative shadow root taken out and its attributes in one order, `state` left out (it says what the script knows). */
function normalized(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const t of copy.querySelectorAll(':is(cluster-news-card, cluster-portrait) > template[shadowrootmode]'))
    t.remove();
  for (const card of copy.querySelectorAll(CARDS)) {
    const attrs = [...card.attributes].filter((a) => a.name !== 'state').map((a) => [a.name, a.value]);
    for (const a of [...card.attributes]) card.removeAttribute(a.name);
    for (const [name, value] of attrs.sort(([a], [b]) => (a! < b! ? -1 : 1))) card.setAttribute(name!, value!);
  }
  return copy.innerHTML;
}

const cardOf = (el: Element | null) => el?.closest(CARDS);

describe('a prerendered <cluster-autolink> page in the browser', () => {
  freshCache();
  let mounted: Mounted | undefined;
  const roots: Element[] = [];
  afterEach(() => {
    mounted?.root.remove();
    mounted = undefined;
    roots.splice(0).forEach((r) => r.remove());
  });

  for (const [name, attrs] of [
    ['the whole page', ''],
    ['a scope, lang, heading-level and variant', ' scope=".post" lang="en" heading-level="2" variant="full"'],
  ]) {
    it(`gets the same cards from the server as from the browser’s own autolink (${name})`, async () => {
      const src = mockUrl('feed', { key: `ssr-autolink-same-${Math.random()}` });
      const source = `<main class="post">${corpus(src)}</main>
<aside><p><a href="${OPTENCE}">Optence</a></p></aside>
<cluster-autolink src="${src}"${attrs}></cluster-autolink>`;
      // the server's page, parsed inert
      const doc = new DOMParser().parseFromString(await prerender(source, await sampleFeedJson()), 'text/html');
      // the browser's autolink on the same page
      const root = document.createElement('div');
      roots.push(root);
      root.innerHTML = source;
      document.body.append(root);
      await waitUntil(() => cardOf(root.querySelector('#sentinel')), 'the browser’s autolink never scanned', {
        timeout: 8000,
      });
      await Promise.all([...root.querySelectorAll<FeedElement<unknown>>(CARDS)].map((c) => c.updateComplete));
      expect(doc.body.querySelectorAll(CARDS).length).to.be.greaterThan(5);
      // line by line: a difference shows as the lines that differ
      expect(normalized(doc.body).split('\n')).to.deep.equal(normalized(root).split('\n'));
    });
  }

  it('keeps the server’s cards when the script runs, makes no second card of them, and upgrades only links added since', async () => {
    const key = `ssr-autolink-${Math.random()}`;
    const src = mockUrl('gate', { key });
    const html = await prerender(
      `<main><p><a href="${NEWS}">${NEWS}</a></p>
<p>Die Reportage über <a href="${OLEC}">OLEC</a> ist online.</p>
<ul><li><strong><a href="${OPTENCE}">Optence</a></strong></li></ul></main>
<cluster-autolink src="${src}"></cluster-autolink>`,
      await sampleFeedJson(),
    );
    // a link the server did not see: its card says that the browser's autolink has scanned the page
    mounted = mount(html.replace('</main>', `<p><a id="later" href="${BIOECONOMY}">BioEconomy</a></p></main>`));
    const { root, els } = mounted;
    expect(els.map((el) => [el.localName, el.getAttribute('item') ?? el.getAttribute('cluster')])).to.deep.equal([
      ['cluster-news-card', 'meldung-2021-02-02-clusterreportagen'],
      ['cluster-portrait', 'optence'],
    ]);
    const fallbacks = els.map((el) => el.innerHTML);
    await Promise.all(els.map((el) => el.updateComplete));
    // the feed has not answered: the server's cards are on screen, the new link is still a link
    expect(els.map((el) => el.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim())).to.deep.equal([
      'Clusterreportagen: ein Blick hinter die Kulissen von Optence, BioCon Valley®, OLEC und BioEconomy',
      'Optence e. V.',
    ]);
    expect(cardOf(root.querySelector('#later'))).to.equal(null);
    // the autolink and the server's cards share one request
    expect(await openGate(key)).to.equal(1);
    await waitUntil(() => cardOf(root.querySelector('#later')), 'the browser’s autolink never scanned', {
      timeout: 8000,
    });
    await waitUntil(() => mounted!.events.length === 3, 'every card reported its feed', { timeout: 8000 });
    const cards = [...root.querySelectorAll<FeedElement<unknown>>(CARDS)];
    expect(cards[0] === els[0] && cards[1] === els[1], 'the server’s cards are the ones on the page').to.equal(true);
    expect(cards.map((c) => c.localName)).to.deep.equal(['cluster-news-card', 'cluster-portrait', 'cluster-portrait']);
    expect(root.querySelectorAll(`:is(${CARDS}) :is(${CARDS})`).length, 'no card inside a card').to.equal(0);
    expect(els.map((el) => el.innerHTML)).to.deep.equal(fallbacks, 'their fallbacks as the server wrote them');
    expect(cardOf(root.querySelector(`p > a[href="${OLEC}"]`)), 'running text').to.equal(null);
    expect(cards.map((c) => c.state)).to.deep.equal(['ready', 'ready', 'ready']);
    expect(cards.map((c) => c.shadowRoot!.querySelectorAll('[part~="title"]').length)).to.deep.equal([1, 1, 1]);
    expect(mounted.placeholders(), 'no placeholder in front of the server’s cards').to.equal(0);
  });
});
