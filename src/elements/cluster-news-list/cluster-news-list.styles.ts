import { css } from 'lit';

// Columns of at least 15em by the width of the container (one on a phone,
// three at 800 px, four from about 1100 px); when there are fewer entries than
// columns they share the width. Entries never overflow the container.
export const styles = css`
  .news-list,
  .list {
    display: grid;
    gap: var(--_gap);
  }
  .list {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15em), 1fr));
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
