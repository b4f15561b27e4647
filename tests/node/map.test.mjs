// The map chunk's build step and its arithmetic, without a browser: the committed outline
// is what scripts/outline.mjs makes from Natural Earth, the run-time projection is d3-geo's,
// and the placement (no DOM) puts the seed's towns where they are.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { generate, projection } from '../../scripts/outline.mjs';

const lib = (path) => import(pathToFileURL(`dist/lib/map/${path}`).href);
const TOWNS = {
  Mainz: [8.2473, 49.9929],
  Greifswald: [13.3879, 54.0931],
  Oldenburg: [8.2146, 53.1435],
  'Halle (Saale)': [11.9697, 51.4825],
  Wien: [16.3738, 48.2082],
  Strasbourg: [7.7521, 48.5734],
  Lisboa: [-9.14, 38.72],
  Reykjavík: [-21.9, 64.1],
  Kyiv: [30.52, 50.45],
  'date line': [179.9, 10],
};

describe('the map outline', () => {
  it('is what scripts/outline.mjs makes from world-atlas today (run `npm run outline` after a change)', () => {
    assert.equal(readFileSync('src/map/outline.ts', 'utf8'), generate());
  });

  it('names its source and licence, and keeps Germany recognisable (islands, coast, borders)', async () => {
    const text = readFileSync('src/map/outline.ts', 'utf8');
    assert.match(text, /Natural Earth 1:50m/);
    assert.match(text, /public domain/);
    assert.match(text, /world-atlas package [\d.]+ \(ISC licence\)/);
    const { GERMANY } = await lib('outline.js');
    // the mainland and Rügen, Usedom, Fehmarn, Sylt at least
    assert.ok(GERMANY.split('M').length - 1 >= 5, `${GERMANY.split('M').length - 1} rings`);
    assert.ok(GERMANY.length > 1000, 'enough points to be Germany at 600 px');
  });
});

describe('the run-time projection', () => {
  it('puts every point where d3-geo puts it, to a thousandth of a unit', async () => {
    const { project } = await lib('project.js');
    const d3 = projection();
    for (const [name, [lon, lat]] of Object.entries(TOWNS)) {
      const [x, y] = project(lon, lat);
      const [ex, ey] = d3([lon, lat]);
      assert.ok(Math.hypot(x - ex, y - ey) < 1e-3, `${name}: ${[x, y]} vs ${[ex, ey]}`);
    }
  });

  it('puts Mainz south-west, Greifswald north-east, Oldenburg north-west, Halle in the middle east of Germany', async () => {
    const { project } = await lib('project.js');
    const { GERMANY_BOX } = await lib('outline.js');
    const [x0, y0, x1, y1] = GERMANY_BOX;
    const at = (town) => {
      const [x, y] = project(...TOWNS[town]);
      return [(x - x0) / (x1 - x0), (y - y0) / (y1 - y0)];
    };
    const [mainz, greifswald, oldenburg, halle] = ['Mainz', 'Greifswald', 'Oldenburg', 'Halle (Saale)'].map(at);
    assert.ok(mainz[0] < 0.4 && mainz[1] > 0.55, `Mainz ${mainz}`);
    assert.ok(greifswald[0] > 0.7 && greifswald[1] < 0.2, `Greifswald ${greifswald}`);
    assert.ok(oldenburg[0] < 0.4 && oldenburg[1] < 0.3, `Oldenburg ${oldenburg}`);
    assert.ok(halle[0] > 0.55 && halle[0] < 0.8 && halle[1] > 0.35 && halle[1] < 0.55, `Halle ${halle}`);
  });
});

describe('the map layout, without a DOM', () => {
  const station = (name, town) => ({
    name,
    cluster: { place: town, geo: TOWNS[town] && { lon: TOWNS[town][0], lat: TOWNS[town][1] } },
  });
  const SEED = [
    station('Optence e. V.', 'Mainz'),
    station('BioCon Valley®', 'Greifswald'),
    station('OLEC', 'Oldenburg'),
    station('BioEconomy', 'Halle (Saale)'),
  ];

  it('lays out the seed journey the same way every time, every label with at least its name', async () => {
    const { mapLayout } = await lib('map.js');
    const a = mapLayout(SEED);
    const b = mapLayout(SEED.map((s) => ({ ...s })));
    assert.deepEqual(a, b);
    assert.deepEqual(a.on, [0, 1, 2, 3]);
    assert.equal(a.key, '', 'no station left to the key');
    assert.equal(a.route.match(/[MQ]/g).join(''), 'MQQQ');
  });

  it('grows the view past Germany for Vienna, keeps it for Strasbourg, leaves Lisbon and Reykjavík off the map', async () => {
    const { mapLayout } = await lib('map.js');
    const { GERMANY_BOX, EXTENT } = await lib('outline.js');
    const { project } = await lib('project.js');
    const seed = mapLayout(SEED).view;
    const abroad = mapLayout([SEED[0], station('Wiener Cluster', 'Wien'), station('Alsace', 'Strasbourg')]);
    const [vx, vy, vw, vh] = abroad.view;
    const [wx, wy] = project(...TOWNS.Wien);
    assert.ok(vw > seed[2], 'wider than Germany alone');
    assert.ok(wx < vx + vw && wy < vy + vh, 'Vienna inside');
    assert.ok(vx <= GERMANY_BOX[0] && vx + vw >= GERMANY_BOX[2] && vy <= GERMANY_BOX[1] && vy + vh >= GERMANY_BOX[3]);
    assert.ok(vx >= EXTENT[0] && vx + vw <= EXTENT[0] + EXTENT[2], 'within the land data');
    assert.ok(Math.abs(vh / vw - 1.25) < 1e-9, 'still 4:5');
    assert.deepEqual(mapLayout([SEED[0], station('Alsace', 'Strasbourg')]).view, seed, 'Strasbourg is inside the view');
    const far = mapLayout([SEED[0], station('Lisboa Tech', 'Lisboa'), station('Ísland', 'Reykjavík')]);
    assert.deepEqual([far.on, far.off], [[0], [1, 2]]);
  });
});
