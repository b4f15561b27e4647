import { css } from 'lit';

export const styles = css`
  .card {
    display: grid;
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
    max-inline-size: 100%;
    padding: 0.125rem 0.5rem;
    font-size: 0.75rem;
    background: rgb(0 0 0 / 0.72);
    color: #fff;
    border-start-start-radius: var(--_radius);
  }
  .body {
    display: grid;
    gap: 0.5rem;
    padding: var(--_gap);
    align-content: start;
    min-inline-size: 0;
  }
  .meta {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 1.3125rem;
  }
  .logo {
    block-size: 2rem;
    inline-size: auto;
    max-inline-size: 6rem;
    object-fit: contain;
  }
  .region,
  .focus,
  .summary,
  .links {
    margin: 0;
  }
  .region {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .label {
    font-weight: 600;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  .more {
    font-weight: 600;
  }
  .skeleton .frame {
    border-radius: 0;
  }
  .skeleton * {
    color: transparent;
  }
  .skeleton span {
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
  }
  .skeleton span::before {
    content: attr(data-text);
  }
  @container (min-width: 640px) {
    .card.has-image {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    /* the image fills its column, at least 16:9 of it (cqi: the host's width) */
    .has-image .frame {
      aspect-ratio: auto;
      min-block-size: calc(50cqi * 9 / 16);
    }
  }
`;
