/**
 * The journey on a map: the lazy chunk that `<cluster-journey layout="map">` loads.
 *
 * Everything is drawn here, from data built into the chunk (outline.ts): no tiles, no
 * fonts, no images, no request. The chunk imports nothing at run time from the main
 * bundle: Lit's `html` and `nothing` are handed in by the journey, because a chunk
 * importing Lit from the entry module would load that entry a second time on a page
 * that includes it as `cluster-reportage.js?ver=2`.
 */
import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { GeoPoint } from '../feed/types.js';
import { placeLabels, type Spot } from './labels.js';
import { widths } from './text-width.js';
import { BORDERS, GERMANY, LAND } from './outline.js';
import { project } from './project.js';
import { routePath } from './route.js';
import { mapText } from './strings.js';
import { fitView, onMap, type Rect } from './view.js';

export { adoptMapStyles, mapCss } from './map.styles.js';

/** A station as the journey resolves it (its `StationView` fits). */
export interface MapStation {
  name: string;
  cluster: { place?: string | undefined; focus?: string | undefined; geo?: GeoPoint | undefined };
}

export interface MapOptions {
  /** Lit's `html` and `nothing`, from the journey's own copy of Lit. */
  lit: { html: typeof litHtml; nothing: typeof litNothing };
  /** The selected station. */
  index: number;
  /** The station that holds the tab stop (tabindex 0). */
  stop: number;
  /** The UI language (the journey's `locale`). */
  locale: string;
  /** `lang` for UI text inside content of another language, else `nothing`. */
  uiLang: string | symbol;
  /** The journey's UI strings: `stationOf` ("Station 1 von 4") and `stations`. */
  t: (key: 'stationOf' | 'stations', values?: Record<string, string | number>) => string;
}

interface Layout {
  view: Rect;
  /** stations on the map and off it, by index */
  on: number[];
  off: number[];
  /** per station on the map: its `style` (position and placement per tier) */
  style: string[];
  /** per station on the map: `s<tier>` where it shows only its name, `n<tier>` only its number */
  modes: string[];
  /** `k<tier>` for every tier in which some station shows only its number (so the key shows) */
  key: string;
  route: string;
}

const layouts = new WeakMap<readonly MapStation[], Layout>();
const r3 = (v: number) => Math.round(v * 1000) / 1000;
const ALIGN = ['left', 'center', 'right'];

function spotStyle(t: number, s: Spot): string {
  const ll = Math.hypot(s.dx, s.dy);
  const la = (Math.atan2(s.dy, s.dx) * 180) / Math.PI;
  return (
    `--dx${t}:${r3(s.dx)};--dy${t}:${r3(s.dy)};` +
    `--ax${t}:${s.ax};--ay${t}:${s.ay};--ta${t}:${ALIGN[s.ax * 2]};--ll${t}:${r3(ll)};--la${t}:${r3(la)}deg;`
  );
}

/** Where everything goes, once per list of stations (the journey keeps the same array while the feed is the same). */
export function mapLayout(stations: readonly MapStation[]): Layout {
  let layout = layouts.get(stations);
  if (layout) return layout;
  const points: [number, number][] = [];
  const on: number[] = [];
  const off: number[] = [];
  stations.forEach((s, i) => {
    const geo = s.cluster.geo;
    // a point that is not finite fails onMap too
    const p = geo && project(geo.lon, geo.lat);
    if (p && onMap(p)) {
      points.push(p);
      on.push(i);
    } else off.push(i);
  });
  const view = fitView(points);
  const [vx, vy, vw, vh] = view;
  const fractions = points.map(([x, y]) => [(x - vx) / vw, (y - vy) / vh] as const);
  const labels = on.map((i) => ({ name: stations[i]!.name, place: stations[i]!.cluster.place }));
  const tiers = placeLabels(fractions, labels);
  const style = fractions.map(([fx, fy], j) => {
    const [wn, wp] = widths(labels[j]!);
    return `--x:${r3(fx * 100)}%;--y:${r3(fy * 100)}%;--wn:${r3(wn)};--wp:${r3(wp)};${tiers.map((spots, t) => spotStyle(t, spots[j]!)).join('')}`;
  });
  const modes = on.map((_, j) => tiers.map((spots, t) => ['', 's', 'n'][spots[j]!.mode] + t).join(' '));
  const key = tiers.flatMap((_, t) => (modes.some((m) => m.includes(`n${t}`)) ? [`k${t}`] : [])).join(' ');
  layout = { view, on, off, style, modes, key, route: routePath(points, r3) };
  layouts.set(stations, layout);
  return layout;
}

/**
 * The journey's stations on a map of Germany: an `<svg role="img">` (parts `map`, `land`,
 * `route`) with the stations as buttons over it (parts `station`, `station-current`,
 * `marker`; `data-i` is the station's index, for the journey's click and key handlers),
 * a key for stations whose label had no room, and a list of the stations that have no
 * `geo` (or lie beyond the map's land data), as buttons in the same order.
 */
export function renderMap(stations: readonly MapStation[], o: MapOptions): TemplateResult {
  const { html, nothing } = o.lit;
  const L = mapLayout(stations);
  const total = stations.length;
  const button = (i: number, label: TemplateResult) => {
    const s = stations[i]!;
    const current = i === o.index;
    return html`<button
      type="button"
      part=${current ? 'station station-current' : 'station'}
      class="station"
      data-i=${i}
      tabindex=${i === o.stop ? 0 : -1}
      aria-current=${current ? 'step' : nothing}
    >
      <span part="marker" class="marker" aria-hidden="true">${i + 1}</span>
      <span class="visually-hidden" lang=${o.uiLang}>${o.t('stationOf', { n: i + 1, total })}</span>
      ${label} ${s.cluster.focus ? html`<span class="visually-hidden">${s.cluster.focus}</span>` : nothing}
    </button>`;
  };
  const label = (i: number) => {
    const { name, cluster } = stations[i]!;
    return html`<span class="label"
      ><span class="name">${name}</span>
      ${cluster.place ? html`<span class="place">${cluster.place}</span>` : nothing}</span
    >`;
  };
  const [title, offMap] = mapText(o.locale);
  // "Karte der Reiseroute: Mainz, Greifswald, Oldenburg, Halle (Saale)"
  const places = L.on.map((i) => stations[i]!.cluster.place ?? stations[i]!.name).join(', ');
  const alt = places ? `${title}: ${places}` : title;
  return html`<div class="atlas">
    <div class="map">
      <svg part="map" class="chart" role="img" aria-label=${alt} viewBox=${L.view.map(r3).join(' ')}>
        <rect class="water" x=${L.view[0]} y=${L.view[1]} width=${L.view[2]} height=${L.view[3]} />
        <path class="context" d=${LAND} />
        <path class="borders" d=${BORDERS} />
        <path part="land" class="land" d=${GERMANY} />
        <path part="route" class="route" d=${L.route} />
      </svg>
      <ol class="stations" aria-label=${o.t('stations')}>
        ${L.on.map((i, j) => html`<li class="spot ${L.modes[j]!}" .style=${L.style[j]!}>${button(i, label(i))}</li>`)}
      </ol>
    </div>
    ${
      L.key
        ? html`<ul class="key ${L.key}" aria-hidden="true">
            ${L.on.map((i, j) =>
              L.modes[j]!.includes('n')
                ? html`<li class=${L.modes[j]!}><span class="marker">${i + 1}</span>${stations[i]!.name}</li>`
                : nothing,
            )}
          </ul>`
        : nothing
    }
    ${
      L.off.length
        ? html`<p class="offmap" lang=${o.uiLang}>${offMap}</p>
            <ol class="offmap" aria-label=${offMap}>
              ${L.off.map((i) => html`<li>${button(i, label(i))}</li>`)}
            </ol>`
        : nothing
    }
  </div>`;
}
