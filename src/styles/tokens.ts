import { css } from 'lit';

/**
 * The public custom properties, each mapped once to a private `--_x` that the
 * element styles use. Defaults follow the visitor's colour scheme; every text
 * colour keeps ≥ 4.5:1 against its surface.
 */
export const tokens = css`
  :host {
    --_accent: var(--cluster-accent, #0b5cad);
    --_text: var(--cluster-text, #1b1f24);
    --_surface: var(--cluster-surface, #ffffff);
    --_radius: var(--cluster-radius, 0.5em);
    --_font: var(--cluster-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_gap: var(--cluster-gap, 1em);
    --_muted: color-mix(in srgb, var(--_text) 72%, var(--_surface));
    --_line: color-mix(in srgb, var(--_text) 18%, var(--_surface));
    --_placeholder: color-mix(in srgb, var(--_text) 8%, var(--_surface));
    --_duration: 160ms;
    display: block;
    box-sizing: border-box;
    container-type: inline-size;
    max-inline-size: 100%;
    min-inline-size: 0;
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.5;
    text-align: start;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--cluster-accent, #8cc4ff);
      --_text: var(--cluster-text, #e8edf2);
      --_surface: var(--cluster-surface, #161b22);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0ms;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  a:focus-visible,
  [tabindex]:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .base {
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
    border: 1px solid var(--_line);
    overflow: hidden;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .title {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
    font-weight: 700;
  }
  .message {
    padding: var(--_gap);
  }
  .message p {
    margin: 0 0 0.5em;
  }
  .small {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .message[part='error'] {
    border-inline-start: 4px solid #b3261e;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .placeholder {
    background: var(--_placeholder);
    border-radius: var(--_radius);
  }
  /* the whole skeleton pulses, not each bar: one opacity animation per element runs on
     the compositor, fifty cards' worth of bars would restyle the page every frame */
  @media (prefers-reduced-motion: no-preference) {
    .loading {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
  }
`;
