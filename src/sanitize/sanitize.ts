/**
 * The HTML sanitizer for `content_html`, the only HTML a feed may carry. It is
 * a chunk of its own: only `<cluster-news-card variant="full">` loads it.
 *
 * One engine everywhere: DOMPurify (a private instance, so a host page's
 * `DOMPurify.setConfig` or hooks never touch our policy). The browser's HTML
 * Sanitizer API is not used: WebKit lacks it, and two engines would mean two
 * policies to keep equal.
 *
 * The policy, an allowlist:
 * - Kept: text formatting, lists, headings, quotes, figures, tables,
 *   `details`/`summary`, `picture` (its `<source>`s go, the `<img>` stays),
 *   links and images. Attributes: `href`, `src`, `alt`, `title`, `width`,
 *   `height`, `lang`, `dir`, `datetime`, `open`, table spans and `scope`, list
 *   numbering, `aria-*`.
 * - Removed with their content: scripts, `style`, `template`, `noscript`,
 *   frames, plugins, forms and their controls, SVG and MathML (the simplest
 *   safe answer to namespace confusion).
 * - Removed, content kept: every other element (unknown and custom elements
 *   too, so a `<cluster-news-card>` in a feed does not boot inside the card;
 *   `<audio>`/`<video>` too, whose fallback text is all a reader can use, and
 *   an unclosed `<audio>` holds the rest of the post).
 * - Dropped attributes: event handlers, `style`, `id` and `name` (DOM
 *   clobbering), `class` and `part` (the card's own styles and a partner's
 *   `::part()` theme must not apply to feed markup), `slot`, `data-*`,
 *   `srcset`/`sizes` (each candidate would need the URL gate), `target`.
 * - Every `href`/`src` passes `safeUrl` (relative URLs resolve against `base`;
 *   `mailto:` for links). A link whose URL fails, or that only points at a
 *   fragment (ids are gone, so it would lead nowhere), becomes its text; an
 *   image without a usable `src` is removed. Lazy-loading themes write
 *   `data-src` (or `data-lazy-src`): it is promoted to `src` through the same gate.
 * - Links open in the same tab (no `target`), with `rel="noopener noreferrer"`.
 *   Images get `loading="lazy"`, `decoding="async"`,
 *   `referrerpolicy="no-referrer"`.
 * - Headings are moved down so the topmost one sits one level below the
 *   card's own heading (capped at `<h6>`).
 *
 * Trusted Types: the markup is parsed by DOMPurify through DOMParser with its
 * own policy named `dompurify` (allow it in a `trusted-types` directive); the
 * result is a DOM tree, never a string, so no other HTML sink is reached.
 * Where that policy may not be created, the body stays empty (no error).
 */
import DOMPurify, { type Config } from 'dompurify';
import type { safeUrl as SafeUrl } from '../feed/url.js';

const words = (list: string) => list.split(' ');
const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: words(
    'p br hr div span strong b em i u s del ins mark small sub sup code pre kbd samp var abbr cite q time wbr ul ol li dl dt dd ' +
      'h1 h2 h3 h4 h5 h6 blockquote figure figcaption a img picture details summary table caption colgroup col thead tbody tfoot tr th td',
  ),
  ALLOWED_ATTR: words(
    'href src alt title width height lang dir datetime open colspan rowspan scope span start reversed type value abbr',
  ),
  FORBID_CONTENTS: words(
    'script style template noscript noembed noframes xmp plaintext title iframe object embed applet svg math form button select textarea',
  ),
  ALLOW_DATA_ATTR: false,
  // parse as body content: a leading <noscript> or <template> would otherwise land in <head>
  FORCE_BODY: true,
  RETURN_DOM_FRAGMENT: true,
};

let base = '';
// handed in by the caller, so this chunk imports nothing from the entry module
// (a page that loads the entry as `cluster-reportage.js?ver=2` would run it twice)
let safeUrl: typeof SafeUrl = () => undefined;

/** Our own DOMPurify instance per window, made on first use (not at import: a server has no `window`). */
type Win = Window & typeof globalThis;
const purifiers = new WeakMap<Win, ReturnType<typeof DOMPurify>>();
function purifier(win: Win): ReturnType<typeof DOMPurify> {
  let purify = purifiers.get(win);
  if (purify) return purify;
  purifiers.set(win, (purify = DOMPurify(win)));
  purify.addHook('beforeSanitizeAttributes', beforeAttributes);
  purify.addHook('afterSanitizeAttributes', afterAttributes);
  return purify;
}

function beforeAttributes(node: Element) {
  // lazy-loading themes keep the real URL in data-src (and a placeholder or nothing in src)
  if (node.nodeName !== 'IMG' || safeUrl(node.getAttribute('src'), base)) return;
  const lazy = node.getAttribute('data-src') ?? node.getAttribute('data-lazy-src');
  if (lazy) node.setAttribute('src', lazy);
}

function afterAttributes(node: Element) {
  const link = node.nodeName === 'A';
  const img = node.nodeName === 'IMG';
  for (const attr of ['href', 'src']) {
    const value = node.getAttribute(attr);
    const url = value && (attr === 'src' ? img : link && value.trim()[0] !== '#') && safeUrl(value, base, link);
    if (url) node.setAttribute(attr, url);
    else node.removeAttribute(attr);
  }
  if (link) node.setAttribute('rel', 'noopener noreferrer');
  if (img)
    for (const [k, v] of [
      ['loading', 'lazy'],
      ['decoding', 'async'],
      ['referrerpolicy', 'no-referrer'],
    ])
      node.setAttribute(k!, v!);
}

export interface SanitizeOptions {
  /** The URL gate (`safeUrl` from the feed layer) every href and src must pass. */
  safeUrl: typeof SafeUrl;
  /** Level (1–6) of the heading above the content; content headings are moved below it. */
  headingLevel?: number;
}

// Inline styles, handlers and style/script blocks are removed before the
// markup is parsed at all: DOMPurify would drop them too, but parsing them
// makes a strict CSP report a violation for each.
const ATTRS = /\s(?:on[a-z]+|style)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*)/gi;
const preclean = (html: string) =>
  html
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(ATTRS, ''));

/**
 * Sanitizes untrusted `html` (a feed's `content_html`) by the policy above.
 *
 * @param baseUrl the URL that relative URLs in `html` resolve against (the post's page, else the feed).
 * @returns a detached `<div>` holding the sanitized content.
 */
export const sanitizeToElement = async (
  html: string,
  baseUrl: string,
  options: SanitizeOptions,
): Promise<HTMLElement> => sanitizeIn(window, html, baseUrl, options);

/** `sanitizeToElement` in the document of `win`, at once: a server renderer passes the window of its DOM (jsdom). */
export function sanitizeIn(
  win: Window & typeof globalThis,
  html: string,
  baseUrl: string,
  options: SanitizeOptions,
): HTMLElement {
  base = baseUrl;
  safeUrl = options.safeUrl;
  let fragment: DocumentFragment | null;
  try {
    fragment = purifier(win).sanitize(preclean(html), CONFIG);
  } finally {
    base = '';
  }
  // null for a document without a body (a top-level <frameset>)
  fragment ??= win.document.createDocumentFragment();
  // a link to nowhere reads as text, an image without a source is noise
  fragment.querySelectorAll('a:not([href])').forEach((a) => a.replaceWith(...a.childNodes));
  fragment.querySelectorAll('img:not([src])').forEach((img) => img.remove());
  const headings = [...fragment.querySelectorAll('h1,h2,h3,h4,h5,h6')];
  const level = (h: Element) => +h.nodeName[1]!;
  // the topmost content heading goes one below the card's; a bad level counts as none
  const shift = Math.min(options.headingLevel! | 0, 6) + 1 - Math.min(...headings.map(level));
  if (shift > 0) {
    for (const h of headings) {
      const demoted = h.ownerDocument.createElement(`h${Math.min(level(h) + shift, 6)}`);
      for (const { name, value } of h.attributes) demoted.setAttribute(name, value);
      demoted.append(...h.childNodes);
      h.replaceWith(demoted);
    }
  }
  const div = win.document.createElement('div');
  div.append(fragment);
  return div;
}
