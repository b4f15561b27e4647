import { safeUrl } from '../feed/url.js';
import { sanitizeIn } from '../sanitize/sanitize.js';
import { loadJsdom } from './load-jsdom.js';

let dom: (Window & typeof globalThis) | undefined;

/** Makes the DOM the server sanitizes in (jsdom), once per process; loaded only for `variant="full"`. */
export async function loadServerDom(): Promise<void> {
  if (dom) return;
  const JSDOM = await loadJsdom('variant="full"', 'the article body is sanitized in its DOM');
  dom = new JSDOM('<!doctype html>').window;
}

/**
 * `content_html` sanitized by the elements' own policy (`src/sanitize/sanitize.ts`), as the markup
 * of the same `<div>` the browser's sanitizer returns.
 */
export function sanitizeBody(html: string, base: string, headingLevel: number): string {
  if (!dom) throw new Error('internal error: loadServerDom() was not awaited');
  return sanitizeIn(dom, html, base, { headingLevel, safeUrl }).outerHTML;
}
