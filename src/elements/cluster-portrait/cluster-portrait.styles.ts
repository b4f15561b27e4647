import { css } from 'lit';

export const styles = css`
  .meta {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 1.3em;
  }
  .meta p {
    margin: 0;
  }
  .logo {
    block-size: 2em;
    inline-size: auto;
    max-inline-size: 6em;
    object-fit: contain;
  }
  .label {
    font-weight: 600;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
  }
`;
