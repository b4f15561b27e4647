import { G, R } from './labels.js';

// The stations' part of the map's styles (map.styles.ts): markers and labels over the
// map, the key and the list of stations off the map. Text, like the rest (see there).
export const css = String.raw;

export const stationsCss = css`
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
    gap: 0.5em 1.25em;
  }
  .key,
  .key li {
    display: none;
  }
  .key li {
    gap: 0.5em;
  }
  p.offmap {
    color: var(--_muted);
  }
`;
