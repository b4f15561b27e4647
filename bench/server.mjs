// The benchmark's HTTP server on 127.0.0.1 (random free port): static files
// from the repository (no-store, so each page load fetches the bundle again),
// generated feeds and pages, a feed with ETag revalidation, request counting,
// and an adjustable delay for /demo/feed.json.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { journeyFeed, mixedFeed, newsFeed } from './feeds.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

export async function startServer(root) {
  const generated = new Map();
  const feedJson = (name) => {
    if (!generated.has(name)) {
      const m = /^(news|journey)-(\d+)$/.exec(name);
      if (!m) return undefined;
      generated.set(name, JSON.stringify((m[1] === 'news' ? newsFeed : journeyFeed)(Number(m[2]))));
    }
    return generated.get(name);
  };
  const netBody = JSON.stringify(mixedFeed());
  const netEtag = `"${createHash('sha1').update(netBody).digest('hex').slice(0, 16)}"`;

  const state = {
    /** requests for /feed/net.json: { url, ifNoneMatch, status } */
    netLog: [],
    /** ms to hold /demo/feed.json */
    demoFeedDelay: 0,
    /** captured markup for the vanilla pages, by name */
    descs: new Map(),
  };

  const send = (res, status, type, body, headers = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      if (path === '/feed/net.json') {
        const inm = req.headers['if-none-match'];
        const status = inm === netEtag ? 304 : 200;
        state.netLog.push({ url: req.url, ifNoneMatch: inm ?? null, status });
        const headers = {
          etag: netEtag,
          'cache-control': 'no-cache',
          'content-type': 'application/feed+json; charset=utf-8',
        };
        res.writeHead(status, headers);
        return res.end(status === 304 ? undefined : netBody);
      }
      let m = /^\/feed\/([\w-]+)\.json$/.exec(path);
      if (m) {
        const body = feedJson(m[1]);
        return body
          ? send(res, 200, 'application/feed+json; charset=utf-8', body)
          : send(res, 404, 'text/plain', 'no such feed');
      }
      m = /^\/gen\/desc\/([\w-]+)\.json$/.exec(path);
      if (m) {
        const body = state.descs.get(m[1]);
        return body ? send(res, 200, TYPES['.json'], body) : send(res, 404, 'text/plain', 'no such desc');
      }
      if (path === '/gen/cards.html') {
        const n = Number(url.searchParams.get('n') ?? 50);
        const cards = Array.from(
          { length: n },
          (_, i) => `<cluster-news-card src="/feed/news-${n}.json" item="news-${i}"></cluster-news-card>`,
        ).join('\n');
        return send(
          res,
          200,
          TYPES['.html'],
          `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>bench: ${n} cards</title><link rel="stylesheet" href="/bench/pages/bench.css"><script type="module" src="/dist/cluster-reportage.js"></script></head><body><div class="box">${cards}</div></body></html>`,
        );
      }
      const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
      if (!file.startsWith(root + sep)) return send(res, 403, 'text/plain', 'outside the repository');
      let body;
      try {
        body = await readFile(file);
      } catch {
        return send(res, 404, 'text/plain', 'not found');
      }
      const delay = path === '/demo/feed.json' ? state.demoFeedDelay : 0;
      setTimeout(() => send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body), delay);
    } catch (e) {
      send(res, 500, 'text/plain', String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, state, close: () => new Promise((r) => server.close(() => r())), server };
}
