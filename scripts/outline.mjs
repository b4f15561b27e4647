// Writes src/map/outline.ts: Germany and the land around it as SVG paths, projected
// at build time so the browser gets a few kilobytes of path data and no map library.
// `node scripts/outline.mjs` writes the file; `--check` exits 1 when the committed file
// differs from a fresh generation (tests/node/outline.test.mjs runs that check).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { geoConicConformal, geoIdentity, geoPath } from 'd3-geo';
import { feature, merge, mesh, transform } from 'topojson-client';
import { filter, filterWeight, presimplify } from 'topojson-simplify';

const require = createRequire(import.meta.url);
const OUT = fileURLToPath(new URL('../src/map/outline.ts', import.meta.url));
const GERMANY = '276'; // ISO 3166-1 numeric

/**
 * Lambert conformal conic, the projection of Germany's official small-scale maps
 * (standard parallels 48°40′ and 53°40′, central meridian 10°30′ E, origin 51° N).
 * Scale 6371 / 2 makes one unit two kilometres on a sphere of the Earth's mean radius:
 * fine enough for a map up to 600 px wide, and integers of fewer digits than kilometres.
 */
export const PROJECTION = { parallels: [48 + 2 / 3, 53 + 2 / 3], meridian: 10.5, origin: 51, scale: 6371 / 2 };
/** The projected rectangle the land data covers (x, y, width, height), 4:5 like the map: Brussels to Vienna, Copenhagen to Zurich. */
const EXTENT = [-253, -326, 505, 631];
// Simplification, as the least area (units², 4 km² each) of the triangle a point makes
// with its neighbours: Germany close to Natural Earth's line, the rest coarser with the
// distance from Germany, borders between two other countries (thin, faint) coarser still.
const AREA_GERMANY = 2;
const AREA_NEAR = 14;
const AREA_PER_UNIT = 1;
const AREA_BORDERS = 6;
/** Islands smaller than this (units²) are left out: 120 km² (Germany's: 80 km², so Sylt stays). */
const MIN_ISLAND = 30;
const MIN_ISLAND_GERMANY = 20;
const LON = [-12, 30];
const LAT = [38, 64];

export function projection() {
  const { parallels, meridian, origin, scale } = PROJECTION;
  return geoConicConformal()
    .parallels(parallels)
    .rotate([-meridian, 0])
    .center([0, origin])
    .scale(scale)
    .translate([0, 0]);
}

/** A d3 path context that writes integer, relative SVG path data. */
function pathWriter() {
  let d = '';
  let x = 0;
  let y = 0;
  let open = false;
  const num = (v) => (v < 0 ? '' : ' ') + v;
  return {
    moveTo(px, py) {
      x = Math.round(px);
      y = Math.round(py);
      d += `M${x}${num(y)}`;
      open = false;
    },
    lineTo(px, py) {
      const [nx, ny] = [Math.round(px), Math.round(py)];
      if (nx === x && ny === y) return;
      d += open ? num(nx - x) : `l${nx - x}`;
      d += num(ny - y);
      [x, y, open] = [nx, ny, true];
    },
    closePath() {
      d += 'z';
      open = false;
    },
    result: () => d.replace(/M(-?\d+) (-?\d+)l/g, 'M$1 $2l'),
  };
}

export function generate() {
  const world = require('world-atlas/countries-50m.json');
  const version = require('world-atlas/package.json').version;
  const project = projection();
  const t = transform(world.transform);
  const lonlat = world.arcs.map((arc) => arc.map((p, i) => t(p.slice(), i)));
  const near = (i) =>
    lonlat[i < 0 ? ~i : i].some(([lon, lat]) => lon >= LON[0] && lon <= LON[1] && lat >= LAT[0] && lat <= LAT[1]);
  // only the polygons near Germany: far ones could straddle the projection's cut
  const geometries = [];
  for (const g of world.objects.countries.geometries) {
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    const kept = polygons.filter((rings) => rings[0].some(near));
    if (kept.length) geometries.push({ type: 'MultiPolygon', id: g.id, arcs: kept });
  }
  const topology = presimplify({
    type: 'Topology',
    objects: { countries: { type: 'GeometryCollection', geometries } },
    arcs: lonlat.map((arc) => arc.map((p) => project(p))),
  });
  const germany = geometries.find((g) => g.id === GERMANY);
  const germanArcs = new Set(germany.arcs.flat(2).map((i) => (i < 0 ? ~i : i)));
  // arcs between two other countries are only ever stroked, faintly: they can be coarser
  const uses = new Map();
  for (const g of geometries)
    for (const i of new Set(g.arcs.flat(2).map((i) => (i < 0 ? ~i : i)))) uses.set(i, (uses.get(i) ?? 0) + 1);
  const coarse = (i) => (uses.get(i) > 1 ? AREA_BORDERS : 1);
  const box = geoPath().bounds(feature(topology, germany));
  const away = ([x, y]) =>
    Math.hypot(Math.max(box[0][0] - x, 0, x - box[1][0]), Math.max(box[0][1] - y, 0, y - box[1][1]));
  topology.arcs = topology.arcs.map((arc, i) =>
    arc
      .filter((p) => p[2] >= (germanArcs.has(i) ? AREA_GERMANY : (AREA_NEAR + AREA_PER_UNIT * away(p)) * coarse(i)))
      .map((p) => [p[0], p[1]]),
  );
  const small = filterWeight(topology, MIN_ISLAND);
  const smallGerman = filterWeight(topology, MIN_ISLAND_GERMANY);
  const simple = filter(topology, (ring, interior) =>
    germanArcs.has(ring[0] < 0 ? ~ring[0] : ring[0]) ? smallGerman(ring, interior) : small(ring, interior),
  );
  const countries = simple.objects.countries;
  const de = countries.geometries.find((g) => g.id === GERMANY);
  const [x0, y0, w, h] = EXTENT;
  const path = (object, clip = true) => {
    const writer = pathWriter();
    geoPath(
      clip
        ? geoIdentity().clipExtent([
            [x0, y0],
            [x0 + w, y0 + h],
          ])
        : null,
      writer,
    )(object);
    return writer.result();
  };
  const germanyBox = geoPath().bounds(feature(simple, de)).flat().map(Math.round);
  const paths = {
    GERMANY: path(feature(simple, de), false),
    LAND: path(merge(simple, countries.geometries)),
    BORDERS: path(mesh(simple, countries, (a, b) => a !== b && a.id !== GERMANY && b.id !== GERMANY)),
  };
  const { parallels, meridian, origin, scale } = PROJECTION;
  return `// Generated by scripts/outline.mjs (\`npm run outline\`); do not edit.
// Source: Natural Earth 1:50m Admin 0 countries (public domain), as TopoJSON from the
// world-atlas package ${version} (ISC licence); projected, simplified and clipped at build time.

/** The projection of every path below (see project.ts): Lambert conformal conic; one unit is 2 km. */
export const PROJECTION = { parallels: [${parallels.join(', ')}], meridian: ${meridian}, origin: ${origin}, scale: ${scale} } as const;

/** The rectangle the land data covers, \`[x, y, width, height]\`; stations outside it stay off the map. */
export const EXTENT = [${EXTENT.join(', ')}] as const;

/** Germany's bounding box, \`[x0, y0, x1, y1]\`. */
export const GERMANY_BOX = [${germanyBox.join(', ')}] as const;

/** Germany. */
export const GERMANY = '${paths.GERMANY}';

/** The other countries' land (Germany left out), clipped to EXTENT. */
export const LAND = '${paths.LAND}';

/** Borders between the other countries. */
export const BORDERS = '${paths.BORDERS}';
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fresh = generate();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(OUT, 'utf8');
    if (committed !== fresh) {
      console.error('src/map/outline.ts differs from a fresh generation: run `npm run outline`');
      process.exit(1);
    }
  } else writeFileSync(OUT, fresh);
}
