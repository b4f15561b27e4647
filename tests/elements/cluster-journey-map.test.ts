// <cluster-journey layout="map"> as a site embeds it: the element loads its map chunk, and
// behaves like the strip (keyboard, selection, event, `for`). The map's own drawing (positions,
// labels, colours) is tested in tests/map/.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/elements/cluster-journey/define.js';
import '../../src/elements/cluster-portrait/define.js';
import type { ClusterJourney } from '../../src/elements/cluster-journey/cluster-journey.js';
import { feedOf, freshCache, mockUrl, part, parts, portraitItem, SAMPLE_URL, settled, shadow } from '../helpers.js';

const stations = (el: Element) => parts(el, 'station') as HTMLButtonElement[];
const selected = (el: Element) => stations(el).findIndex((b) => b.getAttribute('aria-current') === 'step');
const mapShown = (el: Element) =>
  waitUntil(() => part(el, 'map'), 'the map never rendered', { timeout: 8000 }).then(() => el);

async function mapJourney(template: unknown): Promise<ClusterJourney> {
  const host = await fixture<HTMLElement>(template as never);
  const el = (host.localName === 'cluster-journey' ? host : host.querySelector('cluster-journey')!) as ClusterJourney;
  await settled(el, 'ready');
  await mapShown(el);
  await el.updateComplete;
  return el;
}

/** Whether the page has requested the map chunk's code (in the test runner: src/map/map.ts). */
const mapRequested = () =>
  performance
    .getEntriesByType('resource')
    .some((r) => /\/map\/map\.(ts|js)\b/.test(r.name) || /map-[\w-]+\.js/.test(r.name));

/** A journey through portraits with the given `geo` (undefined: none). */
function feedWith(geos: ({ lat: number; lon: number } | undefined)[]) {
  const items = geos.map((geo, i) => {
    const item = portraitItem(`s${i}`);
    if (geo) item._reportage.cluster.geo = geo;
    return item;
  });
  return feedOf(items, { _reportage: { journeys: [{ id: 'j', stations: items.map((i) => ({ item: i.id })) }] } });
}

describe('<cluster-journey layout="map">', () => {
  freshCache();

  it('a journey without any geo is the strip, and the map chunk is never loaded', async () => {
    const el = await fixture<ClusterJourney>(
      html`<cluster-journey layout="map" .feed=${feedWith([undefined, undefined])}></cluster-journey>`,
    );
    await settled(el, 'ready');
    expect(shadow(el).querySelector('.strip'), 'the strip').not.to.equal(null);
    expect(part(el, 'map')).to.equal(null);
    expect(stations(el)).to.have.length(2);
    expect(mapRequested(), 'the map chunk was requested').to.equal(false);
  });

  it('draws the sample journey on a map: an image with a text alternative, the route, the four stations as buttons', async () => {
    const el = await mapJourney(html`<cluster-journey layout="map" src=${SAMPLE_URL}></cluster-journey>`);
    const map = part(el, 'map')!;
    expect(map.getAttribute('role')).to.equal('img');
    expect(map.getAttribute('aria-label')).to.match(/Mainz.*Greifswald.*Oldenburg.*Halle/);
    expect(part(el, 'land')).not.to.equal(null);
    expect(part(el, 'route')!.getAttribute('d')).to.match(/^M/);
    expect(stations(el).map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '1 Station 1 von 4 Optence e. V. Mainz Optische Technologien',
      '2 Station 2 von 4 BioCon Valley® Greifswald Gesundheitswirtschaft',
      '3 Station 3 von 4 OLEC Oldenburg Energiewende',
      '4 Station 4 von 4 BioEconomy Halle (Saale) Bioökonomie',
    ]);
    expect(selected(el)).to.equal(0);
    expect(shadow(el).querySelector('.strip')).to.equal(null);
    // the station link under the map, as under the strip
    expect(part(el, 'link')!.textContent).to.contain('Optence');
  });

  it('asks no one but the page’s own server: the code and the feed, no tiles, fonts or images', async () => {
    performance.clearResourceTimings();
    const el = await mapJourney(html`<cluster-journey layout="map" src=${SAMPLE_URL}></cluster-journey>`);
    await el.updateComplete;
    const requests = performance.getEntriesByType('resource').map((r) => new URL(r.name));
    expect(requests.filter((u) => u.origin !== location.origin).map(String), 'requests to other origins').to.deep.equal(
      [],
    );
    const other = requests.filter((u) => !/\.(m?[jt]s)$/.test(u.pathname) && u.pathname !== SAMPLE_URL);
    // the station link's images are the portrait's, not the map's: the journey shows none
    expect(
      other.map((u) => u.pathname),
      'requests besides code and the feed',
    ).to.deep.equal([]);
  });

  it('Mainz lies south-west of Greifswald, Oldenburg north-west of Halle', async () => {
    const el = await mapJourney(html`<cluster-journey layout="map" src=${SAMPLE_URL}></cluster-journey>`);
    const [mainz, greifswald, oldenburg, halle] = stations(el).map((b) => {
      const r = b.querySelector('.marker')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    expect(mainz!.x).to.be.below(greifswald!.x);
    expect(mainz!.y).to.be.above(greifswald!.y);
    expect(oldenburg!.x).to.be.below(halle!.x);
    expect(oldenburg!.y).to.be.below(halle!.y);
  });

  it('is one tab stop; arrow keys follow the travel order, Enter selects and points the linked portrait', async () => {
    const box = await fixture<HTMLElement>(
      html`<div>
        <button class="before">before</button>
        <cluster-journey layout="map" src=${SAMPLE_URL} for="p"></cluster-journey>
        <cluster-portrait id="p" src=${SAMPLE_URL}></cluster-portrait>
      </div>`,
    );
    const el = box.querySelector('cluster-journey') as ClusterJourney;
    await settled(el, 'ready');
    await mapShown(el);
    box.querySelector<HTMLButtonElement>('.before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(stations(el)[0]);
    await sendKeys({ press: 'ArrowRight' });
    expect(shadow(el).activeElement).to.equal(stations(el)[1]);
    expect(selected(el), 'keys move focus only').to.equal(0);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.current).to.equal(1);
    expect(selected(el)).to.equal(1);
    expect(box.querySelector('cluster-portrait')!.getAttribute('cluster')).to.equal('biocon-valley');
  });

  it('a cancelled cluster-station-select keeps the selection', async () => {
    const el = await mapJourney(html`<cluster-journey layout="map" src=${SAMPLE_URL}></cluster-journey>`);
    el.addEventListener('cluster-station-select', (e) => e.preventDefault(), { once: true });
    stations(el)[2]!.click();
    await el.updateComplete;
    expect(el.current).to.equal(0);
    expect(selected(el)).to.equal(0);
  });

  it('stations without geo stay selectable in the list under the map, in travel order', async () => {
    const el = await mapJourney(
      html`<cluster-journey
        layout="map"
        .feed=${feedWith([{ lat: 50, lon: 8.27 }, undefined, { lat: 54.1, lon: 13.4 }])}
      ></cluster-journey>`,
    );
    const buttons = stations(el);
    expect(buttons.map((b) => b.dataset['i'])).to.have.members(['0', '1', '2']);
    const offMap = shadow(el).querySelector('ol.offmap')!;
    expect([...offMap.querySelectorAll('button')].map((b) => b.dataset['i'])).to.deep.equal(['1']);
    offMap.querySelector('button')!.click();
    await el.updateComplete;
    expect(el.current).to.equal(1);
  });

  it('while the feed loads, the placeholder has the map’s box, so the map takes its place without a shift', async () => {
    const key = `map-ph-${Math.random()}`;
    const box = await fixture<HTMLElement>(
      html`<div style="width: 600px">
        <cluster-journey layout="map" src=${mockUrl('gate', { key })}></cluster-journey>
      </div>`,
    );
    const el = box.firstElementChild as ClusterJourney;
    await el.updateComplete;
    const placeholder = shadow(el).querySelector('.map.placeholder')!.getBoundingClientRect();
    expect(placeholder.height / placeholder.width).to.be.closeTo(5 / 4, 0.01);
    await (await fetch(mockUrl('open', { key }))).json();
    await settled(el, 'ready');
    await mapShown(el);
    const map = shadow(el).querySelector('.map')!.getBoundingClientRect();
    expect(map.width).to.be.closeTo(placeholder.width, 0.5);
    expect(map.height).to.be.closeTo(placeholder.height, 0.5);
  });

  it('does not overflow its container from 280 to 1200 px', async () => {
    for (const width of [280, 375, 800, 1200]) {
      const box = await fixture<HTMLElement>(
        html`<div style="width: ${width}px"><cluster-journey layout="map" src=${SAMPLE_URL}></cluster-journey></div>`,
      );
      const el = box.firstElementChild as ClusterJourney;
      await settled(el, 'ready');
      await mapShown(el);
      expect(el.scrollWidth, `${width}px`).to.be.at.most(el.clientWidth);
      expect(box.scrollWidth, `${width}px`).to.be.at.most(width);
    }
  });

  it('is accessible (de, en)', async () => {
    for (const lang of ['de', 'en']) {
      const el = await mapJourney(
        html`<cluster-journey layout="map" lang=${lang} src=${SAMPLE_URL}></cluster-journey>`,
      );
      await expect(el).to.be.accessible();
    }
  });
});
