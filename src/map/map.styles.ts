import { TIERS } from './labels.js';
import { css, stationsCss } from './stations.styles.js';

// The map's styles, as text: the chunk imports nothing from Lit (see map.ts), so there
// is no css`` result; the `css` tag here only marks the template for the minifier.
// adoptMapStyles() adds them to a shadow root as a constructed stylesheet, which a
// strict Content-Security-Policy allows (an inline <style> it would not). Colours come
// from the element's tokens, so the dark scheme and a partner's colours carry over.

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
  ` +
  stationsCss +
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
