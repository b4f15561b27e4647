import { css } from 'lit';

export const styles = css`
  .card {
    display: grid;
    gap: 0;
  }
  .media {
    margin: 0;
  }
  .frame {
    position: relative;
    aspect-ratio: 16 / 9;
    background: var(--_placeholder);
    overflow: hidden;
  }
  .frame img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .credit {
    position: absolute;
    inset-inline-end: 0;
    inset-block-end: 0;
    margin: 0;
    padding: 0.125rem 0.5rem;
    font-size: 0.75rem;
    background: rgb(0 0 0 / 0.72);
    color: #fff;
    border-start-start-radius: var(--_radius);
  }
  .caption {
    padding: 0.5rem var(--_gap) 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .body {
    display: grid;
    gap: 0.5rem;
    padding: var(--_gap);
    align-content: start;
  }
  .date {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .summary {
    margin: 0;
  }
  .more {
    font-weight: 600;
  }
  .links {
    margin: 0;
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_line);
  }
  .links h4,
  .links-title {
    margin: 0 0 0.25rem;
    font-size: 0.875rem;
    font-weight: 700;
  }
  .links ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .content {
    overflow-wrap: anywhere;
  }
  .content img {
    block-size: auto;
  }
  .loading .frame {
    border-radius: 0;
  }
  .loading .links {
    display: grid;
    gap: 0.5rem;
  }
  .line {
    block-size: 1rem;
  }
  .line.wide {
    block-size: 1.6rem;
  }
  .line.short {
    inline-size: 30%;
  }
  .line.mid {
    inline-size: 70%;
  }
  @container (min-width: 640px) {
    .card.has-image {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    }
  }
`;
