import { PROJECTION } from './outline.js';

// The Lambert conformal conic of scripts/outline.mjs (d3-geo's geoConicConformal with
// the same parallels, rotation and centre), so a station lands where the outline puts
// its town: tests/node/map-projection.test.mjs compares both.
const { parallels, meridian, origin, scale } = PROJECTION;
const RAD = Math.PI / 180;
const tany = (lat: number) => Math.tan((Math.PI / 2 + lat * RAD) / 2);
const [p0, p1] = parallels;
const n = Math.log(Math.cos(p0 * RAD) / Math.cos(p1 * RAD)) / Math.log(tany(p1) / tany(p0));
const f = (Math.cos(p0 * RAD) * tany(p0) ** n) / n;
// the pole opposite the cone's apex lies at infinity: stop just short of it, as d3 does
const rho = (lat: number) => f / tany(Math.max(lat, 1e-6 - 90)) ** n;
const rho0 = rho(origin);

/** `[x, y]` in the outline's units (km east and south of 51° N, 10.5° E) of a WGS 84 point. */
export function project(lon: number, lat: number): [number, number] {
  const a = n * ((((lon - meridian + 540) % 360) - 180) * RAD);
  const r = rho(lat);
  return [scale * r * Math.sin(a), scale * (r * Math.cos(a) - rho0)];
}
