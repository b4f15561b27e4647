import { apart, box, inside, MARGIN, type Box } from './boxes.js';
import { alongRoute } from './route.js';
import { widths, type Label } from './text-width.js';
import { ASPECT } from './view.js';

// Where markers and labels go, decided without a DOM (so a server can render the map),
// measured in em of the map's label font. The map scales with its container while type
// does not, so there is one placement per width tier (TIERS), valid across the whole
// tier (boxes.ts); CSS container queries pick the tier, so nothing is measured and
// nothing moves on resize but at a tier's edge.

/** Map widths (em of the label font) from which each placement holds, up to the next. */
export const TIERS = [18, 26, 38, 46] as const;
/** Marker radius (em). */
export const R = 0.925;
const LINE = 1.2; // line height of a label's name (em); the place line is PLACE of it
const PLACE = 0.9;
const HALO = 0.1; // the label's padding on each side
const DOT = 0.25; // half the size of the dot where a displaced marker's station really is
/** Marker centre to its label (em); 0.75 of it diagonally. */
export const G = R + 0.3;
const D = 0.75 * G;
// label anchor from the marker centre, and the label's alignment to it (0, 0.5, 1 of its size), in the
// cartographer's order: right, upper right, lower right, left, upper left, lower left, above, below
const SPOTS = [
  [G, 0, 0, 0.5],
  [D, -D, 0, 1],
  [D, D, 0, 0],
  [-G, 0, 1, 0.5],
  [-D, -D, 1, 1],
  [-D, D, 1, 0],
  [0, -G, 0.5, 1],
  [0, G, 0.5, 0],
] as const;

/** What a station's label shows: 0 its name and place, 1 only its name, 2 nothing (its number is in the key). */
export type Mode = 0 | 1 | 2;

/** One station in one tier: marker offset from its point, label anchor from the marker and alignment (em). */
export interface Spot {
  dx: number;
  dy: number;
  lx: number;
  ly: number;
  ax: number;
  ay: number;
  mode: Mode;
}

type Point = readonly [number, number];

/** Marker offsets beyond the station's point: rings around it (em), with each offset's direction. */
const RINGS = [1, 2, 3, 4, 5].map((ring) =>
  Array.from({ length: 6 * ring }, (_, j) => {
    const a = ((j + (ring % 2) / 2) / (6 * ring)) * 2 * Math.PI;
    const r = ring * (2 * R + MARGIN);
    return [r * Math.cos(a), r * Math.sin(a), a] as const;
  }),
);

const turn = (a: number, b: number) => Math.abs(((a - b + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

/**
 * Markers in travel order, each on its point if it covers no earlier one, else on the
 * nearest ring around the point, on the side facing away from the markers it would
 * cover (so leader lines fan out instead of crossing).
 */
function placeMarkers(k: readonly Point[], lo: number, hi: number): [number, number][] {
  const markers: Box[] = [];
  return k.map(([kx, ky]) => {
    const at = (dx: number, dy: number) => box(kx, ky, dx - R, dy - R, 2 * R, 2 * R);
    const fits = (b: Box) => inside(b, lo, hi) && markers.every((m) => apart(b, m, lo, hi));
    let d: [number, number] = [0, 0];
    const here = at(0, 0);
    if (!fits(here)) {
      const near = markers.filter((m) => !apart(here, m, lo, hi));
      const away = near.length ? Math.atan2(ky - mean(near.map((m) => m.ky)), kx - mean(near.map((m) => m.kx))) : 0;
      for (const ring of RINGS) {
        const free = ring.filter(([dx, dy]) => fits(at(dx, dy)));
        if (!free.length) continue;
        const [dx, dy] = free.reduce((a, b) => (turn(b[2], away) < turn(a[2], away) ? b : a));
        d = [dx, dy];
        break;
      }
    }
    markers.push(at(...d));
    return d;
  });
}

interface Candidate {
  b: Box;
  spot: Spot;
  /** how much of the route it covers */
  crossed: number;
}

/** The spots of the stations at `k` (fractions of the map's width) for the tier from `lo` to `hi`. */
function placeTier(k: readonly Point[], labels: readonly Label[], lo: number, hi: number): Spot[] {
  // the route, in dots close enough that no label slips between two at the widest map
  const route = alongRoute(k, 0.4 / hi).map(([kx, ky]) => box(kx, ky, -0.1, -0.1, 0.2, 0.2));
  const offsets = placeMarkers(k, lo, hi);
  const markers = k.map(([kx, ky], i) => box(kx, ky, offsets[i]![0] - R, offsets[i]![1] - R, 2 * R, 2 * R));
  const dots = k.flatMap(([kx, ky], i) =>
    offsets[i]![0] || offsets[i]![1] ? [box(kx, ky, -DOT, -DOT, 2 * DOT, 2 * DOT)] : [],
  );
  const spots: Spot[] = offsets.map(([dx, dy]) => ({ dx, dy, lx: 0, ly: 0, ax: 0, ay: 0, mode: 2 }));
  // every free spot of every label, with its place first, then without
  const candidates: Candidate[][] = spots.map((spot, i) => {
    const [kx, ky] = k[i]!;
    const [name, place] = widths(labels[i]!);
    const modes: [Mode, number, number][] = [[1, name, LINE]];
    if (place) modes.unshift([0, Math.max(name, place * PLACE), LINE * (1 + PLACE)]);
    const obstacles = [...markers.filter((_, j) => j !== i), ...dots];
    return modes.flatMap(([mode, w, h]) =>
      SPOTS.flatMap(([lx, ly, ax, ay]) => {
        const [bw, bh] = [w + 2 * HALO, h + 2 * HALO];
        const b = box(kx, ky, spot.dx + lx - ax * bw, spot.dy + ly - ay * bh, bw, bh);
        const free = inside(b, lo, hi) && obstacles.every((o) => apart(b, o, lo, hi));
        const crossed = free ? route.filter((r) => !apart(b, r, lo, hi)).length : 0;
        return free ? [{ b, crossed, spot: { ...spot, lx, ly, ax, ay, mode } }] : [];
      }),
    );
  });
  // the station with the fewest choices left goes first and takes the spot that leaves
  // the others the most: nobody left without a spot if it can be helped, its own place
  // shown if possible, the route left clear if possible, else the first in SPOTS' order
  const todo = new Set(spots.keys());
  while (todo.size) {
    const i = [...todo].reduce((a, b) => (candidates[b]!.length < candidates[a]!.length ? b : a));
    todo.delete(i);
    const score = (c: Candidate) => {
      let starved = 0;
      for (const j of todo)
        if (candidates[j]!.length && candidates[j]!.every((o) => !apart(c.b, o.b, lo, hi))) starved++;
      return (starved * 3 + c.spot.mode) * 1e4 + c.crossed;
    };
    let best: Candidate | undefined;
    let least = Infinity;
    for (const c of candidates[i]!) {
      const s = score(c);
      if (s < least) [best, least] = [c, s];
    }
    if (!best) continue;
    spots[i] = best.spot;
    for (const j of todo) candidates[j] = candidates[j]!.filter((o) => apart(best.b, o.b, lo, hi));
  }
  return spots;
}

/**
 * Markers and labels of the stations at `points` (fractions of the map's width and
 * height, in travel order) for every tier: `result[tier][station]`. A marker that would
 * cover another moves onto a ring around its point (a leader line joins them); a label
 * that finds no free spot with its place drops the place, then shows nothing (the
 * station's number is in the key under the map, its name in the button's name).
 */
export function placeLabels(points: readonly Point[], labels: readonly Label[]): Spot[][] {
  const k = points.map(([x, y]) => [x, y * ASPECT] as const);
  return TIERS.slice(0, -1).map((lo, t) => placeTier(k, labels, lo, TIERS[t + 1]!));
}
