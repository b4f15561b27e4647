import { css } from 'lit';

export const styles = css`
  .links {
    padding-block-start: 0.5em;
    border-block-start: 1px solid var(--_line);
  }
  .links p {
    margin: 0 0 0.25em;
    font-size: 0.875em;
    font-weight: 700;
  }
  .links ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .content img,
  .content video {
    max-inline-size: 100%;
    block-size: auto;
  }
  .content pre,
  .content table {
    display: block;
    max-inline-size: 100%;
    overflow-x: auto;
  }
`;
