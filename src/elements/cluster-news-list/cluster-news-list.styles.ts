import { css } from 'lit';

// Columns by the width of the container, never by the number of entries (so
// "more" adds rows and moves nothing): at least 15em wide, at most three, one
// when the container is narrower than 15em. Entries never overflow it.
export const styles = css`
  .news-list,
  .list {
    display: grid;
    gap: var(--_gap);
  }
  .list {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, max(15em, 100% / 3 - var(--_gap))), 1fr));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry,
  .entry .body {
    display: flex;
    flex-direction: column;
  }
  .entry .body {
    flex: 1;
  }
  /* the link sits at the foot of the card, whatever the length of the text above */
  .entry .more {
    margin-block-start: auto;
    align-self: start;
  }
  .show-more {
    justify-self: start;
    padding: 0.5em 1em;
    border: 2px solid;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
  }
`;
