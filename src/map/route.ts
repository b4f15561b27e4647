// The route between stations: one quadratic curve per leg, bowed to the left of the
// direction of travel, so legs that meet at a town or cross each other stay apart.
// Coordinates need equal units on both axes (the outline's km, or fractions of the width).

type Point = readonly [number, number];
const BOW = 0.12;

/** The control point of the leg from `p` to `q`. */
export const control = ([px, py]: Point, [qx, qy]: Point): [number, number] => [
  (px + qx) / 2 + (qy - py) * BOW,
  (py + qy) / 2 - (qx - px) * BOW,
];

/** Points along the route, about `step` apart (for labels to keep clear of it). */
export function alongRoute(points: readonly Point[], step: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 1; i < points.length; i++) {
    const [p, q] = [points[i - 1]!, points[i]!];
    const c = control(p, q);
    const n = Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]) / step);
    for (let j = 0; j <= n; j++) {
      const t = j / n;
      const [a, b, d] = [(1 - t) ** 2, 2 * t * (1 - t), t * t];
      out.push([a * p[0] + b * c[0] + d * q[0], a * p[1] + b * c[1] + d * q[1]]);
    }
  }
  return out;
}

/** SVG path data of the route through `points`. */
export function routePath(points: readonly Point[], round: (v: number) => number): string {
  return points
    .map((q, i) => {
      if (!i) return `M${round(q[0])} ${round(q[1])}`;
      const c = control(points[i - 1]!, q);
      return `Q${round(c[0])} ${round(c[1])} ${round(q[0])} ${round(q[1])}`;
    })
    .join('');
}
