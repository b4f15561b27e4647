import { FeedError } from './errors.js';
import { parseFeed } from './parse.js';
import { excerpt } from './text.js';
import type { Feed } from './types.js';
import { safeUrl } from './url.js';

/** Bodies larger than this are refused (kind `parse`) before they are parsed. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

/** The body's bytes, at most `MAX_FEED_BYTES` of them: the encoding of an XML feed is known only once its format is. */
export async function readCapped(res: Response): Promise<Uint8Array> {
  const tooLarge = () =>
    new FeedError('parse', `the feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB and was not read`);
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_FEED_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FEED_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  size = 0;
  for (const c of chunks) bytes.set(c, (size += c.byteLength) - c.byteLength);
  return bytes;
}

/**
 * A feed's body (bytes as served, or text) to the validated feed, told by its
 * content: JSON Feed, or RSS/Atom through the XML reader, a chunk loaded only
 * for them. The one path for the elements and the `check` command.
 *
 * @param url the feed's own URL: every URL in it is resolved against it.
 * @param type the response's `Content-Type`, for the charset of an XML feed and for messages.
 */
export async function feedFromBody(body: Uint8Array | string, url: string, type = ''): Promise<Feed> {
  const text = typeof body == 'string' ? body.replace(/^\ufeff/, '') : new TextDecoder().decode(body);
  const start = text.trimStart();
  if (/^<(!doctype html|html)\b/i.test(start))
    throw new FeedError(
      'parse',
      `not a feed: it looks like HTML${type ? `, sent as ${type.split(';')[0]}` : ''} (an error page?)`,
    );
  // 0xFE/0xFF open UTF-16 (a BOM), which UTF-8 cannot start with
  if (start[0] == '<' || (typeof body != 'string' && body[0]! > 0xfd)) {
    const { readXmlFeed } = await import('./xml/xml-feed.js');
    return readXmlFeed(body, url, type, { FeedError, parseFeed, safeUrl, excerpt });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FeedError('parse', `not valid JSON${text.trim() ? '' : ' (the body is empty)'}: ${(e as Error).message}`);
  }
  return parseFeed(json, url);
}
