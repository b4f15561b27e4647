import type { FeedFormat } from '../feed/types.js';

/** One header check of `check <URL>`: what was found, and what to add when it is wrong. */
export interface HeaderCheck {
  header: string;
  ok: boolean;
  /** what the server sent, or why it is a problem */
  message: string;
  /** the header line to send instead */
  fix?: string;
}

const TYPES: Record<FeedFormat, { want: string; accepted: RegExp }> = {
  json: { want: 'application/feed+json; charset=utf-8', accepted: /^application\/(feed\+)?json$|\+json$/ },
  rss: { want: 'application/rss+xml; charset=utf-8', accepted: /^(application\/(rss\+)?xml|text\/xml)$/ },
  rdf: { want: 'application/rdf+xml; charset=utf-8', accepted: /^(application\/(rdf\+|rss\+)?xml|text\/xml)$/ },
  atom: { want: 'application/atom+xml; charset=utf-8', accepted: /^(application\/(atom\+)?xml|text\/xml)$/ },
};

/**
 * What a browser on another site needs from the feed's server: a feed type,
 * `Access-Control-Allow-Origin` for the page's origin, a validator (`ETag` or
 * `Last-Modified`) so a revisit costs a 304, and a `Cache-Control` lifetime.
 *
 * @param origin the origin the request was sent from (a page on another site)
 * @param revalidated the status of a repeated request with the validator, if one was made
 */
export function checkHeaders(
  headers: Headers,
  format: FeedFormat | undefined,
  origin: string,
  revalidated?: number,
): HeaderCheck[] {
  const out: HeaderCheck[] = [];
  const get = (name: string) => headers.get(name)?.trim() || undefined;

  const type = get('content-type');
  const want = TYPES[format ?? 'json'];
  const essence = type?.split(';')[0]!.trim().toLowerCase();
  out.push(
    essence && want.accepted.test(essence)
      ? { header: 'Content-Type', ok: true, message: type! }
      : {
          header: 'Content-Type',
          ok: false,
          message: `${type ?? 'missing'}: the elements tell the format by content, but other feed readers and proxies go by this header`,
          fix: `Content-Type: ${want.want}`,
        },
  );

  const allow = get('access-control-allow-origin');
  const vary = get('vary')?.toLowerCase() ?? '';
  if (allow === '*') out.push({ header: 'Access-Control-Allow-Origin', ok: true, message: '*' });
  else if (allow === origin)
    out.push(
      /\borigin\b|\*/.test(vary)
        ? { header: 'Access-Control-Allow-Origin', ok: true, message: `${allow} (with Vary: Origin)` }
        : {
            header: 'Access-Control-Allow-Origin',
            ok: false,
            message: `${allow}, the requesting origin, but without Vary: Origin a cache may hand one site's answer to another`,
            fix: 'Vary: Origin',
          },
    );
  else
    out.push({
      header: 'Access-Control-Allow-Origin',
      ok: false,
      message: allow
        ? `${allow}: pages on other sites (here ${origin}) cannot read the feed`
        : 'missing: pages on other sites cannot read the feed (the browser refuses it: CORS)',
      fix: 'Access-Control-Allow-Origin: *',
    });

  const etag = get('etag');
  const modified = get('last-modified');
  if (!etag && !modified)
    out.push({
      header: 'ETag',
      ok: false,
      message: 'no ETag and no Last-Modified: every revisit downloads the whole feed again',
      fix: 'ETag: "<a hash of the body>" (most servers send one for static files by themselves)',
    });
  else if (revalidated !== undefined && revalidated !== 304)
    out.push({
      header: etag ? 'ETag' : 'Last-Modified',
      ok: false,
      message: `${etag ?? modified}, but a repeated request with ${etag ? 'If-None-Match' : 'If-Modified-Since'} got ${revalidated}, not 304`,
    });
  else
    out.push({
      header: etag ? 'ETag' : 'Last-Modified',
      ok: true,
      message: `${etag ?? modified}${revalidated === 304 ? ' (a revisit is answered 304 Not Modified)' : ''}`,
    });

  const cache = get('cache-control');
  const lifetime = cache && /\b(max-age=\d+|no-cache|s-maxage=\d+)\b/i.test(cache) && !/\bno-store\b/i.test(cache);
  out.push(
    lifetime
      ? { header: 'Cache-Control', ok: true, message: cache! }
      : {
          header: 'Cache-Control',
          ok: false,
          message: cache
            ? `${cache}: no lifetime a browser can use (no-store downloads the feed on every page view)`
            : 'missing: each browser guesses how long to keep the feed',
          fix: 'Cache-Control: public, max-age=300',
        },
  );
  return out;
}
