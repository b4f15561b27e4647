import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { FeedElement } from '../../src/base/feed-element.js';
import { freshCache, mockUrl, SAMPLE_URL, sampleFeedJson, settled } from '../helpers.js';

interface ManifestElement {
  tagName?: string;
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

/** The manifest the README's API and theming tables are generated from (written by the build). */
async function manifest(): Promise<Map<string, ManifestElement>> {
  const res = await fetch('/custom-elements.json');
  expect(res.ok, 'custom-elements.json is missing: run `npm run build` first').to.equal(true);
  const json = await res.json();
  const out = new Map<string, ManifestElement>();
  for (const m of json.modules) for (const d of m.declarations ?? []) if (d.tagName) out.set(d.tagName, d);
  return out;
}

/** Every part name used anywhere in the element's shadow root. */
const partsOf = (el: Element) =>
  new Set([...el.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part')!.split(/\s+/)));

/** The sample feed with every optional field filled, images absolute (the feed object has no URL of its own). */
function everyField(sample: any): unknown {
  const image = new URL('/demo/images/portrait-olec.svg', location.href).href;
  const feed = structuredClone(sample);
  for (const item of feed.items) {
    item.image = image;
    Object.assign((item._reportage ??= {}), { image_caption: 'Bildunterschrift', image_credit: '© Test' });
    if (item._reportage.cluster) item._reportage.cluster.logo = image;
  }
  return feed;
}

/** Waits for the journey's map chunk to arrive and the map to render. */
const mapShown = (el: Element) =>
  waitUntil(() => el.shadowRoot!.querySelector('[part~="map"]'), 'the map never rendered', { timeout: 8000 });

/** Every state of every element, rendered, so that the union of their parts can be compared with the docs. */
async function allStates(tag: string, feed: unknown): Promise<Set<string>> {
  const seen = new Set<string>();
  const make = async (setup: (el: FeedElement<unknown>) => void, state?: string) => {
    const el = document.createElement(tag) as FeedElement<unknown>;
    setup(el);
    const box = await fixture(html`<div style="width: 800px"></div>`);
    box.append(el);
    if (state === 'loading') await el.updateComplete;
    else await settled(el, state as never);
    if (el.getAttribute('layout') === 'map') await mapShown(el);
    partsOf(el).forEach((p) => seen.add(p));
  };
  // the list shows every kind, two at a time, so that its "more" button is there
  const list = (el: FeedElement<unknown>) => {
    el.setAttribute('kind', 'all');
    el.setAttribute('limit', '2');
  };
  await make((el) => {
    el.src = SAMPLE_URL; // its images resolve against the feed's URL
    el.setAttribute('variant', 'full');
    list(el);
  }, 'ready');
  // and once from a feed that fills every optional field (the sample's portraits have no logo or caption)
  await make((el) => {
    (el as any).feed = everyField(feed);
    el.setAttribute('variant', 'full');
    list(el);
  }, 'ready');
  // the journey's map layout has parts of its own; its chunk arrives after the feed
  if (tag === 'cluster-journey') {
    await make((el) => {
      el.src = SAMPLE_URL;
      el.setAttribute('layout', 'map');
    }, 'ready');
  }
  await make((el) => (el.src = mockUrl('gate', { key: `parts-${tag}-${Math.random()}` })), 'loading');
  await make((el) => ((el as any).feed = { ...(feed as object), items: [], _reportage: {} }), 'empty');
  await make((el) => (el.src = mockUrl('respond', { status: 500 })), 'error');
  return seen;
}

describe('the documented API matches what the elements render', () => {
  freshCache();

  it('every part an element renders is in the manifest (and so in the README), and every documented part is rendered', async () => {
    const docs = await manifest();
    const feed = await sampleFeedJson();
    for (const tag of ['cluster-news-card', 'cluster-portrait', 'cluster-journey', 'cluster-news-list']) {
      const documented = new Set((docs.get(tag)?.cssParts ?? []).map((p) => p.name));
      const rendered = await allStates(tag, feed);
      expect(
        [...rendered].filter((p) => !documented.has(p)),
        `<${tag}> renders undocumented parts`,
      ).to.deep.equal([]);
      expect(
        [...documented].filter((p) => !rendered.has(p)),
        `<${tag}> documents parts it never renders`,
      ).to.deep.equal([]);
    }
  });

  it('every public custom property the styles read is documented, and every documented one is read', async () => {
    const docs = await manifest();
    for (const tag of ['cluster-news-card', 'cluster-portrait', 'cluster-journey', 'cluster-news-list']) {
      const box = await fixture(html`<div></div>`);
      const host = box.appendChild(document.createElement(tag)) as FeedElement<unknown>;
      if (tag === 'cluster-journey') {
        // the map's style sheet comes with its chunk
        host.setAttribute('layout', 'map');
        host.src = SAMPLE_URL;
        await settled(host, 'ready');
        await mapShown(host);
      }
      await host.updateComplete;
      const css = host.shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
      const used = new Set(css.match(/--cluster-[a-z-]+/g));
      const documented = new Set((docs.get(tag)?.cssProperties ?? []).map((p) => p.name));
      expect(
        [...used].filter((p) => !documented.has(p)),
        `<${tag}> reads undocumented properties`,
      ).to.deep.equal([]);
      expect(
        [...documented].filter((p) => !used.has(p)),
        `<${tag}> documents unread properties`,
      ).to.deep.equal([]);
    }
  });
});
