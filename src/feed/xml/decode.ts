import type { FeedProblem } from '../types.js';

/**
 * Bytes to text the way XML says (a BOM, else the declaration's `encoding`,
 * else the Content-Type's charset, else UTF-8), then the repairs every feed
 * reader makes before a strict XML parser sees the text. Each repair is
 * reported with its line, so `check` can tell the publisher.
 */

const line = (text: string, at: number) => text.slice(0, at).split('\n').length;

export function decodeXml(body: Uint8Array | string, type: string, problems: FeedProblem[]): string {
  if (typeof body == 'string') return body.replace(/^\ufeff/, '');
  const bom =
    body[0] == 0xef && body[1] == 0xbb ? 'utf-8' : body[0] == 0xff ? 'utf-16le' : body[0] == 0xfe ? 'utf-16be' : '';
  // the declaration is ASCII in every encoding a feed uses but UTF-16, whose BOM decided already
  const head = String.fromCharCode(...body.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)/.exec(head)?.[1];
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(type)?.[1];
  const label = bom || declared || charset || 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    problems.push({ path: 'line 1', message: `unknown encoding "${label}"; read as UTF-8` });
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  try {
    return decoder.decode(body);
  } catch {
    // the commonest misdeclaration: Windows-1252 (or Latin-1) text declared as UTF-8
    const fallback = decoder.encoding == 'utf-8' ? 'windows-1252' : 'utf-8';
    problems.push({ path: 'line 1', message: `the bytes are not ${label} as declared; read as ${fallback}` });
    return new TextDecoder(fallback).decode(body);
  }
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// characters XML 1.0 forbids outright (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/F)
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * What strict XML refuses and feeds are full of, repaired outside CDATA
 * sections and comments: HTML's named entities (`&nbsp;`, `&hellip;`,
 * decoded by `html`), a bare `&`, control characters; and the whitespace
 * that some servers put before the XML declaration.
 *
 * @param html decodes one HTML named entity (`&nbsp;`), or returns it unchanged when it is none.
 */
export function repairXml(text: string, html: (entity: string) => string, problems: FeedProblem[]): string {
  const src = text.trimStart();
  const lead = text.length - src.length;
  // lines are counted in the text as served
  const lineAt = (at: number) => line(text, lead + at);
  const found = new Map<string, number>();
  // each entity is looked up once, however often a feed writes it
  const decoded = new Map<string, string>();
  const note = (what: string, at: number) => found.has(what) || found.set(what, lineAt(at));
  let offset = 0;
  const out = src
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, i) => {
      const at = offset;
      offset += part.length;
      const cleaned = part.replace(FORBIDDEN, (_, k: number) => (note('a control character', at + k), ''));
      if (i % 2) return cleaned;
      return cleaned.replace(/&(?!#\d+;|#x[\da-f]+;)([a-z][\w.-]*;)?/gi, (m, name: string | undefined, k: number) => {
        if (name && XML_ENTITIES.has(name.slice(0, -1))) return m;
        const char = name && (decoded.get(m) ?? decoded.set(m, html(m)).get(m));
        note(name ? `the HTML entity &${name}` : 'a bare "&" (write &amp;)', at + k);
        // as character references, so they stay right inside attribute values too
        return char && char != m ? [...char].map((c) => `&#${c.codePointAt(0)};`).join('') : `&amp;${name ?? ''}`;
      });
    })
    .join('');
  if (lead && src.startsWith('<?xml')) problems.push({ path: 'line 1', message: 'text before <?xml …?>; ignored' });
  for (const [what, at] of found)
    problems.push({
      path: `line ${at}`,
      message: `${what} is not XML; read as a feed reader would (strict XML readers refuse this feed)`,
    });
  return out;
}
