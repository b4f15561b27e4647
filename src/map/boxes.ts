import { ASPECT } from './view.js';

// Boxes on a map whose width W (em) varies: a box's edges are `x0 + kx·W` and so on,
// `kx, ky` the fraction of W at which its station's point lies, `x0…y1` its offsets in
// em. Edges move linearly with W, so two boxes apart along one axis at both ends of a
// range of widths are apart at every width between, and so is a box inside the map.

export interface Box {
  kx: number;
  ky: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The least room between any two things on the map (em). */
export const MARGIN = 0.2;

export const box = (kx: number, ky: number, x: number, y: number, w: number, h: number): Box => ({
  kx,
  ky,
  x0: x,
  y0: y,
  x1: x + w,
  y1: y + h,
});

const edges = (b: Box, w: number) => [b.x0 + b.kx * w, b.y0 + b.ky * w, b.x1 + b.kx * w, b.y1 + b.ky * w];

/** Whether `a` and `b` keep MARGIN apart at every map width from `lo` to `hi`. */
export function apart(a: Box, b: Box, lo: number, hi: number): boolean {
  const [a0, b0, a1, b1] = [edges(a, lo), edges(b, lo), edges(a, hi), edges(b, hi)];
  for (let k = 0; k < 2; k++) {
    if (b0[k]! - a0[k + 2]! >= MARGIN && b1[k]! - a1[k + 2]! >= MARGIN) return true;
    if (a0[k]! - b0[k + 2]! >= MARGIN && a1[k]! - b1[k + 2]! >= MARGIN) return true;
  }
  return false;
}

/** Whether `b` stays on the map (ASPECT high) at every width from `lo` to `hi`. */
export function inside(b: Box, lo: number, hi: number): boolean {
  return [lo, hi].every((w) => {
    const [x0, y0, x1, y1] = edges(b, w);
    return x0 >= 0 && y0 >= 0 && x1 <= w && y1 <= w * ASPECT;
  });
}
