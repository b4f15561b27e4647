import { html, nothing, type TemplateResult } from 'lit';
import type { StationView } from './journey-view.js';

export interface StopsOptions {
  /** the selected station */
  index: number;
  /** the station that holds the tab stop */
  stop: number;
  /** `lang` for UI text inside content of another language, else `nothing` */
  uiLang: string | symbol;
  t: (key: 'stationOf' | 'stations', values?: Record<string, string | number>) => string;
}

/** The stations as a strip: an ordered list of buttons (`data-i`: the index) joined by a line. */
export function renderStrip(stations: readonly StationView[], o: StopsOptions): TemplateResult {
  const total = stations.length;
  // tabindex=-1: Firefox would make the scrolling strip a tab stop of its own
  return html`<div class="strip" tabindex="-1">
    <ol class="stations" aria-label=${o.t('stations')}>
      ${stations.map(
        (s, i) =>
          html`<li>
            <span part="line" class="line"></span>
            <button
              type="button"
              part=${i === o.index ? 'station station-current' : 'station'}
              class="station"
              data-i=${i}
              tabindex=${i === o.stop ? 0 : -1}
              aria-current=${i === o.index ? 'step' : nothing}
            >
              <span part="marker" class="marker" aria-hidden="true">${i + 1}</span>
              <span class="visually-hidden" lang=${o.uiLang}>${o.t('stationOf', { n: i + 1, total })}</span>
              <span class="name">${s.name}</span>
              ${s.cluster.place ? html`<span class="place">${s.cluster.place}</span>` : nothing}
              ${s.cluster.focus ? html`<span class="focus">${s.cluster.focus}</span>` : nothing}
            </button>
          </li>`,
      )}
    </ol>
  </div>`;
}

/** Scrolls the strip (never the page) so that station `index` is in view; `smooth` unless motion is reduced. */
export function revealStation(host: HTMLElement, strip: HTMLElement | null, index: number, smooth: boolean): void {
  const li = strip?.querySelector('ol')?.children[index];
  if (!strip || !li || strip.scrollWidth <= strip.clientWidth) return;
  const s = strip.getBoundingClientRect();
  const r = li.getBoundingClientRect();
  if (r.left >= s.left && r.right <= s.right) return;
  const style = getComputedStyle(strip);
  const pad = parseFloat(style.scrollPaddingInlineStart) || 0;
  const reduced = getComputedStyle(host).getPropertyValue('--_duration').trim() === '0ms';
  strip.scrollBy({
    left: style.direction === 'rtl' ? r.right - s.right + pad : r.left - s.left - pad,
    behavior: smooth && !reduced ? 'smooth' : 'auto',
  });
}

const bar = html`<span class="ph placeholder"></span>`;
const word = html`<span class="ph w placeholder"></span> `;
const station = html`<div>
  <span class="line"></span>
  <div class="station">
    <span class="marker placeholder"></span>
    <span class="name">${bar}</span>
    <span>${bar}</span>
    <span>${bar}</span>
    <span>${bar}</span>
  </div>
</div>`;

const strip = html`<div class="strip"><div class="stations">${station}${station}${station}${station}</div></div>`;

/** The loading placeholder: the journey's layout with four stations on a strip, or with `stops` (the map's box) instead. */
export const journeyPlaceholder = (stops: TemplateResult = strip): TemplateResult =>
  html`<div class="journey base">
    <div class="title">${bar}</div>
    <p class="summary">${Array(10).fill(word)}</p>
    ${stops}
    <p class="current">${word}</p>
  </div>`;
