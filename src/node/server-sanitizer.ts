import { safeUrl } from '../feed/url.js';
import { sanitizeIn } from '../sanitize/sanitize.js';

let dom: (Window & typeof globalThis) | undefined;

/**
 * Makes the DOM the server sanitizes in, once per process: jsdom, the DOM that DOMPurify's own
 * suite runs on in Node and recommends (it calls happy-dom unsafe; linkedom is not tested
 * there). jsdom is an optional peer dependency, loaded only for `variant="full"`.
 */
export async function loadServerDom(): Promise<void> {
  if (dom) return;
  let JSDOM: typeof import('jsdom').JSDOM;
  try {
    ({ JSDOM } = await import('jsdom'));
  } catch {
    throw new Error(
      'variant="full" needs jsdom on the server (npm install jsdom): the article body is sanitized in its DOM',
    );
  }
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
