// What the map tests measure on the rendered map: boxes on screen, colours, contrast.
import { fixture, html } from '@open-wc/testing';
import { SEED, type MapHost } from './fixture.js';
import type { MapStation } from '../../src/map/map.js';

export interface Mount {
  width?: number;
  locale?: string;
  index?: number;
  stop?: number;
  style?: string;
}

/** The map of `stations` in a host `width` px wide. */
export async function mount(stations: MapStation[] = SEED, o: Mount = {}): Promise<MapHost> {
  const el = await fixture<MapHost>(
    html`<map-host
      .style=${`width: ${o.width ?? 600}px; ${o.style ?? ''}`}
      .stations=${stations}
      .index=${o.index ?? 0}
      .stop=${o.stop ?? -1}
      .locale=${o.locale ?? 'de'}
    ></map-host>`,
  );
  await el.updateComplete;
  return el;
}

export const root = (el: Element) => el.shadowRoot!;
export const mapBox = (el: Element) => root(el).querySelector<HTMLElement>('.map')!;
export const onMap = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('.spot .station')];
export const allStations = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('button.station')];

/** What a sighted reader sees of a label: nothing when it is visually hidden (1 px, clipped). */
export const shown = (e: Element) => {
  const r = e.getBoundingClientRect();
  return r.width > 2 && r.height > 2;
};

export const labels = (el: Element) =>
  [...root(el).querySelectorAll<HTMLElement>('.spot .label')].filter(shown).map((l) => l.getBoundingClientRect());
export const markers = (el: Element) =>
  [...root(el).querySelectorAll<HTMLElement>('.spot .marker')].map((m) => m.getBoundingClientRect());

export const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
export const within = (a: DOMRect, b: DOMRect) =>
  a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
export const centre = (r: DOMRect) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2] as const;

/** Every pair of labels, and every label and marker, that overlap; every label or marker off the map. */
export function collisions(el: Element): string[] {
  const L = labels(el);
  const M = markers(el);
  const map = mapBox(el).getBoundingClientRect();
  const out: string[] = [];
  L.forEach((a, i) => {
    L.slice(i + 1).forEach((b, j) => overlap(a, b) && out.push(`label ${i} covers label ${i + j + 1}`));
    M.forEach((m, j) => overlap(a, m) && out.push(`label ${i} covers marker ${j}`));
    if (!within(a, map)) out.push(`label ${i} leaves the map`);
  });
  M.forEach((a, i) => {
    M.slice(i + 1).forEach((b, j) => overlap(a, b) && out.push(`marker ${i} covers marker ${i + j + 1}`));
    if (!within(a, map)) out.push(`marker ${i} leaves the map`);
  });
  return out;
}

type RGBA = [number, number, number, number];

/** A computed colour: `rgb()`/`rgba()`, or `color(srgb …)` (what `color-mix()` computes to). */
export function parseColor(value: string): RGBA {
  const n = value.match(/-?[\d.]+(e-?\d+)?/g)!.map(Number);
  if (value.startsWith('color(srgb')) return [n[0]! * 255, n[1]! * 255, n[2]! * 255, n[3] ?? 1];
  return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
}
export const luminance = ([r, g, b]: RGBA) => {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
export const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(parseColor(a)), luminance(parseColor(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
