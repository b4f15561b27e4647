import { css } from 'lit';

// The strip always scrolls inside itself (with snap points), so the host never
// overflows, whatever the container width or the number of stations.
export const styles = css`
  .journey {
    display: grid;
    gap: 0.75em;
    padding: var(--_gap);
  }
  /* the strip or the map: a grid item that may be narrower than its content, so the strip scrolls */
  .stops {
    min-inline-size: 0;
  }
  .summary {
    margin: 0;
    color: var(--_muted);
  }
  .current {
    margin: 0;
    font-weight: 600;
  }
  .strip {
    overflow: auto hidden;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scroll-padding-inline: 0.375em;
    padding: 0.375em;
    margin: -0.375em;
    scrollbar-width: thin;
  }
  .stations {
    display: flex;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .stations > * {
    position: relative;
    display: flex;
    flex: 1 0 8em;
    scroll-snap-align: start;
  }
  .line {
    position: absolute;
    inset-block-start: calc(1.5em - 1px);
    inset-inline: 0;
    block-size: 2px;
    background: color-mix(in srgb, var(--_accent) 45%, var(--_surface));
  }
  .stations > :first-child > .line {
    inset-inline-start: 50%;
  }
  .stations > :last-child > .line {
    inset-inline-end: 50%;
  }
  .station {
    flex: 1;
    display: grid;
    align-content: start;
    justify-items: center;
    gap: 0.125em;
    padding: 0.5em 0.375em;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    text-align: center;
    cursor: pointer;
  }
  .marker {
    position: relative;
    display: grid;
    place-items: center;
    inline-size: 2em;
    block-size: 2em;
    margin-block-end: 0.25em;
    border: 2px solid var(--_accent);
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 700;
  }
  .name {
    font-weight: 700;
  }
  .place,
  .focus {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .station:hover .name {
    text-decoration: underline;
  }
  [aria-current] .marker {
    background: var(--_accent);
    color: var(--_surface);
  }
  [aria-current] .name {
    color: var(--_accent);
  }
  .loading .line {
    background: var(--_placeholder);
  }
  .ph {
    display: inline-block;
    vertical-align: middle;
    block-size: 0.8em;
    inline-size: 6em;
    max-inline-size: 100%;
  }
  .ph.w {
    inline-size: 8em;
  }
  .loading .marker {
    border-color: var(--_placeholder);
    background: var(--_placeholder);
  }
  /* stations rise into place; no fade, so text never shows at low contrast */
  @media (prefers-reduced-motion: no-preference) {
    .stations > * {
      animation: rise var(--_duration) ease-out both;
    }
  }
  /* content that was prerendered is on screen already: no entrance when the script takes over */
  .still .stations > * {
    animation: none;
  }
  @keyframes rise {
    from {
      translate: 0 0.25em;
    }
  }
`;
