import { html, type TemplateResult } from 'lit';

/**
 * A real `<h1>`–`<h6>` for the card's title, so the card joins the host's
 * document outline at the level the host chooses (`heading-level`).
 */
export function heading(level: number, content: unknown): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 part="title" class="title" dir="auto">${content}</h1>`;
    case 2:
      return html`<h2 part="title" class="title" dir="auto">${content}</h2>`;
    case 4:
      return html`<h4 part="title" class="title" dir="auto">${content}</h4>`;
    case 5:
      return html`<h5 part="title" class="title" dir="auto">${content}</h5>`;
    case 6:
      return html`<h6 part="title" class="title" dir="auto">${content}</h6>`;
    default:
      return html`<h3 part="title" class="title" dir="auto">${content}</h3>`;
  }
}

/** `heading-level` as written by a CMS editor: anything outside 1–6 means the default 3. */
export const headingLevel = (value: unknown): number => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? n : 3;
};
