import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { css, LitElement } from 'lit';
import { mapPlaceholder, mapPlaceholderStyles } from '../../src/map/placeholder.js';
import { tokens } from '../../src/styles/tokens.js';
import { isChromium } from '../helpers.js';
import { BERLIN, SEED, station } from './fixture.js';
import { allStations, contrast, luminance, mapBox, mount, onMap, parseColor, root } from './geometry.js';

const name = (b: Element) => b.textContent!.replace(/\s+/g, ' ').trim();
const paint = (el: Element, sel: string, prop: 'fill' | 'stroke' | 'color' | 'backgroundColor' | 'borderTopColor') =>
  getComputedStyle(root(el).querySelector(sel)!)[prop];

describe('map: the stations are buttons', () => {
  it('names each "Station n von N" with its name, place and focus, in travel order', async () => {
    const el = await mount();
    expect(allStations(el).map(name)).to.deep.equal([
      '1 Station 1 von 4 Optence e. V. Mainz Optische Technologien',
      '2 Station 2 von 4 BioCon Valley® Greifswald Gesundheitswirtschaft',
      '3 Station 3 von 4 OLEC Oldenburg Energiewende',
      '4 Station 4 von 4 BioEconomy Halle (Saale) Bioökonomie',
    ]);
    for (const b of allStations(el)) {
      expect(b.type).to.equal('button');
      expect(b.querySelector('.marker')!.getAttribute('aria-hidden')).to.equal('true');
      expect(b.querySelector('.visually-hidden')!.textContent).to.match(/^Station \d von 4$/);
    }
    const en = await mount(SEED, { locale: 'en' });
    expect(en.shadowRoot!.querySelector('.spot .visually-hidden')!.textContent).to.equal('Station 1 of 4');
    expect(en.shadowRoot!.querySelector('ol.stations')!.getAttribute('aria-label')).to.equal('Stations');
    expect(en.shadowRoot!.querySelector('[part="map"]')!.getAttribute('aria-label')).to.equal(
      'Map of the route: Mainz, Greifswald, Oldenburg, Halle (Saale)',
    );
  });

  it('marks the selected station (aria-current, part station-current) and keeps one tab stop', async () => {
    const el = await mount(SEED, { index: 2, stop: 1 });
    const b = allStations(el);
    expect(b.map((s) => s.getAttribute('aria-current'))).to.deep.equal([null, null, 'step', null]);
    expect(b.map((s) => s.getAttribute('part'))).to.deep.equal([
      'station',
      'station',
      'station station-current',
      'station',
    ]);
    expect(b.map((s) => s.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
    expect(b.map((s) => s.dataset['i'])).to.deep.equal(['0', '1', '2', '3']);
    // the selected marker is filled with the accent, the others are not
    const fills = b.map((s) => getComputedStyle(s.querySelector('.marker')!).backgroundColor);
    expect(fills[2]).to.equal(getComputedStyle(b[2]!.querySelector('.marker')!).borderTopColor);
    expect(fills[0]).to.not.equal(fills[2]);
  });

  it('shows a focus ring around the station reached by Tab', async () => {
    const box = await fixture<HTMLElement>(
      html`<div><button class="before">before</button><map-host .stations=${SEED}></map-host></div>`,
    );
    const el = box.querySelector('map-host')!;
    await el.updateComplete;
    box.querySelector<HTMLButtonElement>('.before')!.focus();
    await sendKeys({ press: 'Tab' });
    const focused = root(el).activeElement as HTMLElement;
    expect(focused.dataset['i']).to.equal('0');
    const style = getComputedStyle(focused);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    expect(contrast(style.outlineColor, paint(el, '[part="land"]', 'fill'))).to.be.at.least(3);
  });

  it('is accessible with labels, a key and a list off the map (axe), in German and English', async () => {
    const stations = [...BERLIN.slice(0, 8), station('Ohne Ort', 'Irgendwo', undefined, 'Alles')];
    await expect(await mount(stations, { width: 320 })).to.be.accessible();
    await expect(await mount(SEED, { locale: 'en', width: 800 })).to.be.accessible();
  });
});

describe('map: colours', () => {
  afterEach(() => (isChromium ? emulateMedia({ colorScheme: 'light' }) : undefined));

  /** Text of labels and markers against Germany's fill: 4.5:1; markers' rings: 3:1. */
  function expectReadable(el: Element) {
    const land = paint(el, '[part="land"]', 'fill');
    const low: string[] = [];
    for (const e of root(el).querySelectorAll<HTMLElement>('.spot .name, .spot .place'))
      if (contrast(getComputedStyle(e).color, land) < 4.5) low.push(`${e.className} "${e.textContent}"`);
    for (const m of root(el).querySelectorAll<HTMLElement>('.spot .marker')) {
      const s = getComputedStyle(m);
      if (contrast(s.color, s.backgroundColor) < 4.5) low.push(`number ${m.textContent}`);
      if (contrast(s.borderTopColor, land) < 3) low.push(`ring ${m.textContent}`);
    }
    if (contrast(paint(el, '[part="route"]', 'stroke'), land) < 3) low.push('route');
    expect(low).to.deep.equal([]);
  }

  it('in the light scheme: Germany light on grey neighbours and blue sea, every label readable', async () => {
    if (isChromium) await emulateMedia({ colorScheme: 'light' });
    const el = await mount(SEED, { index: 1 });
    expectReadable(el);
    if (matchMedia('(prefers-color-scheme: dark)').matches) return;
    const [land, context, water] = ['[part="land"]', '.context', '.water'].map((s) => paint(el, s, 'fill'));
    expect(luminance(parseColor(land!))).to.be.above(luminance(parseColor(context!)));
    const [r, , b] = parseColor(water!);
    expect(b, 'the sea is blue').to.be.above(r + 20);
  });

  it('in the dark scheme: Germany lighter than its neighbours, every label readable', async () => {
    // only Chromium can switch the scheme from a test; Firefox and WebKit check the scheme they report
    if (isChromium) await emulateMedia({ colorScheme: 'dark' });
    const el = await mount(SEED, { index: 1 });
    if (!matchMedia('(prefers-color-scheme: dark)').matches) return expectReadable(el);
    const [land, context] = ['[part="land"]', '.context'].map((s) => luminance(parseColor(paint(el, s, 'fill'))));
    expect(land).to.be.below(0.2);
    expect(land).to.be.above(context!);
    expectReadable(el);
  });

  it('takes a partner’s colours from the custom properties', async () => {
    const el = await mount(SEED, {
      style:
        '--cluster-accent: #7a1f3d; --cluster-surface: #fdf8ef; --cluster-map-land: rgb(255, 250, 240); ' +
        '--cluster-map-water: rgb(200, 220, 240); --cluster-map-context: rgb(230, 230, 225); ' +
        '--cluster-map-route: rgb(122, 31, 61); --cluster-map-border: rgb(90, 90, 90);',
    });
    expect(paint(el, '[part="land"]', 'fill')).to.equal('rgb(255, 250, 240)');
    expect(paint(el, '.water', 'fill')).to.equal('rgb(200, 220, 240)');
    expect(paint(el, '.context', 'fill')).to.equal('rgb(230, 230, 225)');
    expect(paint(el, '[part="route"]', 'stroke')).to.equal('rgb(122, 31, 61)');
    expect(paint(el, '[part="land"]', 'stroke')).to.equal('rgb(90, 90, 90)');
    expect(paint(el, '.spot .marker', 'borderTopColor')).to.equal('rgb(122, 31, 61)');
    expectReadable(el);
  });
});

class PlaceholderHost extends LitElement {
  static override styles = [
    tokens,
    mapPlaceholderStyles,
    css`
      .frame {
        padding: var(--_gap);
      }
    `,
  ];
  override render() {
    return html`<div class="frame">${mapPlaceholder}</div>`;
  }
}
customElements.define('placeholder-host', PlaceholderHost);

describe('map: loading, requests, motion', () => {
  afterEach(() => (isChromium ? emulateMedia({ reducedMotion: 'no-preference' }) : undefined));

  it('the placeholder has the map’s size at every width, so nothing moves when the map arrives', async () => {
    for (const width of [280, 375, 800, 1200]) {
      const ph = await fixture<PlaceholderHost>(
        html`<placeholder-host style=${`width: ${width}px`}></placeholder-host>`,
      );
      await ph.updateComplete;
      const box = ph.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
      const map = mapBox(await mount(SEED, { width })).getBoundingClientRect();
      expect([box.width, box.height], `${width} px`).to.deep.equal([map.width, map.height]);
    }
  });

  it('drawing the map requests nothing: no tiles, fonts or images', async () => {
    await mount(BERLIN, { width: 300 }); // the modules are loaded now
    const before = performance.getEntriesByType('resource').length;
    const el = await mount([...SEED, ...BERLIN], { width: 900 });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await document.fonts.ready;
    expect(onMap(el).length).to.equal(16);
    expect(
      performance
        .getEntriesByType('resource')
        .slice(before)
        .map((e) => e.name),
    ).to.deep.equal([]);
    expect(root(el).querySelectorAll('img, image, use, link, style')).to.have.length(0);
  });

  it('nothing in the map moves when the visitor asks for reduced motion', async () => {
    if (isChromium) await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount(SEED);
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    for (const e of root(el).querySelectorAll('*')) {
      const s = getComputedStyle(e);
      expect(s.animationName, e.className.toString()).to.equal('none');
      expect(s.transitionDuration.split(',').every((d) => parseFloat(d) === 0)).to.be.true;
    }
  });
});
