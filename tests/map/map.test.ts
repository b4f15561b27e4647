import { expect } from '@open-wc/testing';
import { BERLIN, SEED, station } from './fixture.js';
import { allStations, centre, collisions, labels, mapBox, mount, onMap, root, shown, within } from './geometry.js';

const WIDTHS = [280, 375, 800, 1200];
const VIENNA = station('Wiener Cluster', 'Wien', { lat: 48.2082, lon: 16.3738 });
const STRASBOURG = station('Alsace BioValley', 'Strasbourg', { lat: 48.5734, lon: 7.7521 });

/** Where a station's point is, as fractions of Germany's outline box (0,0 its north-west corner). */
function inGermany(el: Element, i: number): [number, number] {
  const land = root(el).querySelector('[part="land"]')!.getBoundingClientRect();
  const spot = onMap(el)[i]!.closest('li')!.getBoundingClientRect();
  return [(spot.left - land.left) / land.width, (spot.top - land.top) / land.height];
}

describe('map: the seed journey on Germany', () => {
  it('puts Mainz south-west, Greifswald north-east, Oldenburg north-west and Halle in the middle east', async () => {
    const el = await mount();
    const [mainz, greifswald, oldenburg, halle] = [0, 1, 2, 3].map((i) => inGermany(el, i)) as [number, number][];
    for (const [x, y] of [mainz, greifswald, oldenburg, halle]) expect(x > 0 && x < 1 && y > 0 && y < 1).to.be.true;
    expect(mainz[0]).to.be.below(0.4);
    expect(mainz[1]).to.be.above(0.55);
    expect(greifswald[0]).to.be.above(0.7);
    expect(greifswald[1]).to.be.below(0.2);
    expect(oldenburg[0]).to.be.below(0.4);
    expect(oldenburg[1]).to.be.below(0.3);
    expect(halle[0]).to.be.within(0.55, 0.8);
    expect(halle[1]).to.be.within(0.35, 0.55);
  });

  it('draws the route in travel order, from each station’s marker to the next', async () => {
    const el = await mount();
    const route = root(el).querySelector<SVGPathElement>('[part="route"]')!;
    const ctm = route.getScreenCTM()!;
    const ends = [...route.getAttribute('d')!.matchAll(/(-?[\d.]+) (-?[\d.]+)(?=[QM]|$)/g)].map(([, x, y]) =>
      new DOMPoint(+x!, +y!).matrixTransform(ctm),
    );
    expect(ends).to.have.length(4);
    onMap(el).forEach((b, i) => {
      const [x, y] = centre(b.getBoundingClientRect());
      expect(Math.hypot(ends[i]!.x - x, ends[i]!.y - y), `station ${i + 1}`).to.be.below(1);
    });
  });

  for (const width of WIDTHS)
    it(`at ${width} px the four labels show every name, cover nothing and stay on the map`, async () => {
      const el = await mount(SEED, { width });
      expect(collisions(el)).to.deep.equal([]);
      const names = [...root(el).querySelectorAll<HTMLElement>('.spot .name')];
      expect(names.map((n) => shown(n))).to.deep.equal([true, true, true, true]);
      // the width estimate is an upper bound: nothing is cut off with an ellipsis
      for (const n of root(el).querySelectorAll<HTMLElement>('.spot .label > *'))
        if (shown(n)) expect(n.scrollWidth, n.textContent!).to.be.at.most(n.clientWidth + 1);
      expect(root(el).querySelector('.key'), 'no key needed').to.equal(null);
      const host = el.getBoundingClientRect();
      expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(el.clientWidth);
      expect(mapBox(el).getBoundingClientRect().right).to.be.at.most(host.right);
    });

  it('keeps the map 4:5 at every width, never wider than 46 em of its type', async () => {
    for (const width of WIDTHS) {
      const map = mapBox(await mount(SEED, { width })).getBoundingClientRect();
      expect(map.height / map.width).to.be.closeTo(1.25, 0.01);
      expect(map.width).to.be.at.most(46 * 13 + 1);
    }
  });
});

describe('map: crowded, abroad and without a place', () => {
  for (const width of WIDTHS)
    it(`at ${width} px twelve stations in Berlin spread around the city, labelled or numbered in the key`, async () => {
      const el = await mount(BERLIN, { width });
      expect(collisions(el)).to.deep.equal([]);
      const key = root(el).querySelector<HTMLElement>('.key');
      const keyed = key ? [...key.querySelectorAll('li')].filter(shown).map((li) => li.textContent!.trim()) : [];
      onMap(el).forEach((b, i) => {
        const labelled = shown(b.querySelector('.label')!);
        const inKey = keyed.includes(`${i + 1}${BERLIN[i]!.name}`);
        expect(labelled !== inKey, `${BERLIN[i]!.name}: on the map or in the key, once`).to.be.true;
      });
      expect(key?.getAttribute('aria-hidden') ?? 'true').to.equal('true');
      expect(labels(el).length, 'some labels have room').to.be.at.least(width >= 800 ? 5 : 3);
    });

  it('widens the view to Vienna and Strasbourg, Germany still whole on the map', async () => {
    const seed = await mount(SEED, { width: 600 });
    const germanyBefore = root(seed).querySelector('[part="land"]')!.getBoundingClientRect();
    const el = await mount([SEED[0]!, VIENNA, STRASBOURG, SEED[3]!], { width: 600 });
    const map = mapBox(el).getBoundingClientRect();
    const germany = root(el).querySelector('[part="land"]')!.getBoundingClientRect();
    expect(germany.width, 'Germany drawn smaller to make room').to.be.below(germanyBefore.width);
    expect(within(germany, map)).to.be.true;
    const [vienna, strasbourg] = [onMap(el)[1]!, onMap(el)[2]!].map((b) => b.closest('li')!.getBoundingClientRect());
    expect(vienna!.left, 'Vienna east of Germany').to.be.above(germany.right);
    expect(within(vienna!, map) && within(strasbourg!, map)).to.be.true;
    expect(strasbourg!.top, 'Strasbourg south of Mainz').to.be.above(onMap(el)[0]!.getBoundingClientRect().bottom);
    expect(collisions(el)).to.deep.equal([]);
  });

  it('lists stations without geo, or beyond the map’s land, below it as buttons in travel order', async () => {
    const lisbon = station('Lisboa Tech', 'Lisboa', { lat: 38.72, lon: -9.14 });
    const el = await mount([SEED[0]!, station('Ohne Ort', undefined, undefined), SEED[1]!, lisbon]);
    expect(onMap(el).map((b) => b.dataset['i'])).to.deep.equal(['0', '2']);
    const off = [...root(el).querySelectorAll<HTMLButtonElement>('ol.offmap .station')];
    expect(off.map((b) => b.dataset['i'])).to.deep.equal(['1', '3']);
    expect(off.map((b) => b.querySelector('.marker')!.textContent)).to.deep.equal(['2', '4']);
    expect(root(el).querySelector('p.offmap')!.textContent).to.equal('Nicht auf der Karte');
    expect(root(el).querySelector('ol.offmap')!.getAttribute('aria-label')).to.equal('Nicht auf der Karte');
    expect(allStations(el).map((b) => b.dataset['i'])).to.deep.equal(['0', '2', '1', '3']);
  });

  it('draws the route only between the stations on the map', async () => {
    const el = await mount([SEED[0]!, station('Ohne Ort', undefined, undefined), SEED[1]!, SEED[2]!]);
    const d = root(el).querySelector('[part="route"]')!.getAttribute('d')!;
    expect(d.match(/[MQ]/g)).to.deep.equal(['M', 'Q', 'Q']);
  });

  it('shows an empty map of Germany when no station has a place on it', async () => {
    const el = await mount([station('Ohne Ort', undefined, undefined)]);
    expect(onMap(el)).to.have.length(0);
    expect(root(el).querySelector('[part="route"]')!.getAttribute('d')).to.equal('');
    expect(root(el).querySelector('[part="map"]')!.getAttribute('aria-label')).to.equal('Karte der Reiseroute');
    expect(allStations(el)).to.have.length(1);
  });
});
