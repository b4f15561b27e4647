import { decodeEntities } from './text.js';

// C0/C1 controls, spaces, DEL and zero-width characters: a browser strips some
// of them inside a scheme, so "java\u0000script:" is judged as "javascript:".
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * The one gate for every URL the elements put into `href` or `src`.
 * Resolves `value` against `base` (the feed's own URL) and returns the absolute
 * URL, or `undefined` when it is not a string, does not parse, or its scheme is
 * not `http:`/`https:` (`mailto:` too when `allowMailto`), or it holds `<` or `>`. Character references
 * are decoded first: feeds often carry `&amp;` in URLs, and an attacker can hide
 * `javascript&colon;` behind them.
 */
export function safeUrl(value: unknown, base: string, allowMailto = false): string | undefined {
  if (typeof value !== 'string') return undefined;
  const decoded = decodeEntities(value);
  const allowed = (scheme: string) =>
    scheme === 'http:' || scheme === 'https:' || (allowMailto && scheme === 'mailto:');
  const written = SCHEME.exec(decoded.replace(INVISIBLE, ''));
  if (written && !allowed(written[1]!.toLowerCase() + ':')) return undefined;
  // eslint-disable-next-line no-control-regex
  const trimmed = decoded.replace(/^[\s\u0000-\u001f]+|[\s\u0000-\u001f]+$/g, '');
  // "<" and ">" never belong in a URL: "/photos/<no value>" is a template that leaked out
  if (!trimmed || /[<>]/.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed, base);
    // a mailto: keeps spaces as written (WebKit: as %20): dropped before the address, encoded
    // inside (`trimmed` has none at the end; http(s) URLs come out of the parser encoded)
    const href = url.href.replace(/^mailto:(%20| )+/, 'mailto:').replace(/ /g, '%20');
    // a mailto: without an address ("mailto:", "mailto:?subject=…") leads nowhere
    return allowed(url.protocol) && !/^mailto:([?#]|$)/.test(href) ? href : undefined;
  } catch {
    return undefined;
  }
}
