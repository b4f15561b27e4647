import { css, html } from 'lit';

// What <cluster-journey layout="map"> shows while its feed or the map chunk loads. It
// lives in the main bundle (the chunk is not there yet): a box of the map's size, so the
// map takes its place without moving anything. The sizes repeat map.styles.ts's `.atlas`
// and `.map`; tests/map/map.test.ts compares the two boxes at every tested width.

/** The placeholder, in the journey's loading state. */
export const mapPlaceholder = html`<div class="atlas"><div class="map placeholder"></div></div>`;

/** Its styles, for the journey's `static styles`. */
export const mapPlaceholderStyles = css`
  .atlas {
    font-size: 0.8125em;
  }
  .map {
    width: 100%;
    max-width: 46em;
    margin: 0 auto;
    aspect-ratio: 4 / 5;
  }
`;
