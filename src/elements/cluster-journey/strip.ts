import { html, type TemplateResult } from 'lit';

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

/** The loading placeholder: the strip's layout with four stations. */
export const stripPlaceholder = (): TemplateResult =>
  html`<div class="journey base">
    <div class="title">${bar}</div>
    <p class="summary">${Array(10).fill(word)}</p>
    <div class="strip"><div class="stations">${station}${station}${station}${station}</div></div>
    <p class="current">${word}</p>
  </div>`;
