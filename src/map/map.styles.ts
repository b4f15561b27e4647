import { G, R, TIERS } from './labels.js';

// The map's styles, as text: the chunk imports nothing from Lit (see map.ts), so there
// is no css`` result; the `css` tag here only marks the template for the minifier.
// adoptMapStyles() adds them to a shadow root as a constructed stylesheet, which a
// strict Content-Security-Policy allows (an inline <style> it would not). Colours come
// from the element's tokens, so the dark scheme and a partner's colours carry over.
const css = String.raw;

// One placement per width tier (labels.ts): each `.spot` carries `--dx0`…`--la2`; the
// tier's container query picks its set, and hides what that tier leaves unlabelled.
const tier = (t: number) =>
  `.spot{${['dx', 'dy', 'ax', 'ay', 'ta', 'll', 'la'].map((v) => `--${v}:var(--${v}${t})`).join(';')}}` +
  `.s${t} .place,.n${t} .label{position:absolute;width:1px;height:1px;padding:0;overflow:hidden;clip-path:inset(50%)}` +
  `.key.k${t},.key .n${t}{display:flex}`;

export const mapCss =
  css`
    :host {
      --_ml: var(--cluster-map-land, color-mix(in srgb, var(--_surface) 85%, #fff));
      --_mc: var(--cluster-map-context, color-mix(in srgb, var(--_text) 9%, var(--_surface)));
      --_mw: var(--cluster-map-water, color-mix(in srgb, #2f7fc1 28%, var(--_surface)));
      --_mb: var(--cluster-map-border, color-mix(in srgb, var(--_text) 55%, var(--_surface)));
      --_mr: var(--cluster-map-route, var(--_accent));
    }
    .atlas {
      container: atlas / inline-size;
      display: grid;
      gap: 0.75em;
      font-size: 0.8125em;
      line-height: 1.2;
    }
    .map,
    .key,
    .offmap {
      width: 100%;
      max-width: 46em;
      margin: 0 auto;
    }
    .map {
      position: relative;
      isolation: isolate;
      aspect-ratio: 4 / 5;
    }
    .chart {
      position: absolute;
      display: block;
      width: 100%;
      height: 100%;
    }
    path {
      fill: none;
      vector-effect: non-scaling-stroke;
      stroke-linejoin: round;
    }
    .water {
      fill: var(--_mw);
    }
    .context {
      fill: var(--_mc);
    }
    .borders {
      stroke: var(--_mb);
      stroke-width: 0.75;
      stroke-opacity: 0.5;
    }
    .land {
      fill: var(--_ml);
      stroke: var(--_mb);
    }
    .route {
      stroke: var(--_mr);
      stroke-width: 2.5;
    }
    ol,
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .spot {
      position: absolute;
      left: var(--x);
      top: var(--y);
    }
    /* where the station really is, and the leader line to its marker when that had to move */
    .spot::before,
    .spot::after {
      content: '';
      position: absolute;
      background: var(--_mr);
    }
    .spot::before {
      inset: -0.2em;
      border-radius: 50%;
    }
    .spot::after {
      width: calc(var(--ll) * 1em);
      height: 1.5px;
      transform-origin: 0;
      rotate: var(--la);
    }
    .station {
      display: flex;
      align-items: center;
      gap: 0.5em;
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .spot .station {
      position: absolute;
      border-radius: 50%;
      z-index: 1;
      left: calc(var(--dx) * 1em - ${R}em);
      top: calc(var(--dy) * 1em - ${R}em);
    }
    .marker {
      display: grid;
      flex: none;
      place-items: center;
      width: ${2 * R}em;
      height: ${2 * R}em;
      border: 2px solid var(--_accent);
      border-radius: 50%;
      background: var(--_surface);
      color: var(--_accent);
      font-weight: 700;
    }
    [aria-current] > .marker {
      background: var(--_accent);
      color: var(--_surface);
    }
    /* the label hangs off the marker on the side the placement chose: anchored at G (or
       0.75 G diagonally) from its centre, aligned by --ax/--ay (0, 0.5, 1 of its size) */
    .spot .label {
      --g: calc(
        ${G}em - ${G / 4}em * (1 - 2 * var(--ax)) * (1 - 2 * var(--ax)) * (1 - 2 * var(--ay)) * (1 - 2 * var(--ay))
      );
      position: absolute;
      left: calc(50% + (1 - 2 * var(--ax)) * var(--g));
      top: calc(50% + (1 - 2 * var(--ay)) * var(--g));
      translate: calc(var(--ax) * -100%) calc(var(--ay) * -100%);
      padding: 0.1em;
      text-align: var(--ta);
      white-space: nowrap;
      text-shadow:
        0 0 2px var(--_ml),
        0 0 2px var(--_ml),
        0 0 2px var(--_ml);
    }
    .label > * {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .name {
      max-width: calc(var(--wn, 1e3) * 1em);
      font-weight: 700;
    }
    .place {
      max-width: calc(var(--wp, 1e3) * 1em);
      color: var(--_muted);
      font-size: 0.9em;
    }
    [aria-current] .name {
      color: var(--_accent);
    }
    .station:hover .name,
    .station:focus-visible .name {
      text-decoration: underline;
    }
    .key,
    .key li,
    .offmap {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
    }
    .key,
    .key li {
      display: none;
    }
    p.offmap {
      color: var(--_muted);
    }
  ` +
  `@container atlas (width < ${TIERS[1]}em){${tier(0)}}` +
  `@container atlas (${TIERS[1]}em <= width < ${TIERS[2]}em){${tier(1)}}` +
  `@container atlas (width >= ${TIERS[2]}em){${tier(2)}}`;

let sheet: CSSStyleSheet | undefined;

/** Adds the map's stylesheet to `root` (the journey's shadow root), once. */
export function adoptMapStyles(root: DocumentOrShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(mapCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
