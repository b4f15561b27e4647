import type { JSDOM } from 'jsdom';

let loading: Promise<{ JSDOM: typeof JSDOM }> | undefined;

/**
 * jsdom, the server's DOM, loaded once per process and only for what needs one: it is an optional
 * peer dependency (`npm install jsdom`). It is the DOM DOMPurify's own suite runs on in Node and
 * recommends (it calls happy-dom unsafe; linkedom is not tested there), and it can say where each
 * node stands in the source, which the autolink needs to keep the page's bytes. `what` and `why`
 * go into the error when it is missing.
 */
export async function loadJsdom(what: string, why: string): Promise<typeof JSDOM> {
  try {
    return (await (loading ??= import('jsdom'))).JSDOM;
  } catch {
    loading = undefined;
    throw new Error(`${what} needs jsdom on the server (npm install jsdom): ${why}`);
  }
}
