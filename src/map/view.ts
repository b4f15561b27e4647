import { EXTENT, GERMANY_BOX, PROJECTION } from './outline.js';

/** A rectangle in the outline's units: `[x, y, width, height]`. */
export type Rect = [number, number, number, number];

/** Height over width of every map, fixed so a host (and the placeholder) can reserve its space. */
export const ASPECT = 5 / 4;
const KM = PROJECTION.scale / 6371; // the outline's units per kilometre
/** Sea and neighbours shown around Germany. */
const PAD = 30 * KM;
/** Room around a station beyond Germany, so its marker does not sit on the edge. */
const PAD_STATION = 60 * KM;

/** Whether a projected station can go on the map: the land data around it must reach far enough. */
export function onMap([x, y]: readonly [number, number]): boolean {
  const [ex, ey, ew, eh] = EXTENT;
  return x >= ex + PAD_STATION && x <= ex + ew - PAD_STATION && y >= ey + PAD_STATION && y <= ey + eh - PAD_STATION;
}

/**
 * The map's view: Germany and every station given (each `onMap`), widened to ASPECT
 * around its centre and kept inside the land data.
 */
export function fitView(points: readonly (readonly [number, number])[]): Rect {
  let [x0, y0, x1, y1] = [GERMANY_BOX[0] - PAD, GERMANY_BOX[1] - PAD, GERMANY_BOX[2] + PAD, GERMANY_BOX[3] + PAD];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x - PAD_STATION);
    y0 = Math.min(y0, y - PAD_STATION);
    x1 = Math.max(x1, x + PAD_STATION);
    y1 = Math.max(y1, y + PAD_STATION);
  }
  const w = Math.max(x1 - x0, (y1 - y0) / ASPECT);
  const h = w * ASPECT;
  const [ex, ey, ew, eh] = EXTENT;
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  return [clamp((x0 + x1 - w) / 2, ex, ex + ew - w), clamp((y0 + y1 - h) / 2, ey, ey + eh - h), w, h];
}
