// A small read-only HTTP server for the end-to-end tests: the built bundle,
// the demo, the test pages, the Lit packages (for the page that brings its own
// Lit), extra directories mounted by a test, and the mock feed routes. It
// listens on 127.0.0.1 on a free port and records every request, including
// the ones the browser gave up on before the answer came.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleMock } from '../server/mock-routes.mjs';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The policy of the strict-CSP page; no inline script or style, Trusted Types enforced. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'";

/** Response headers per page, added to whatever the file type gets. */
const pageHeaders = {
  '/tests/e2e/pages/csp.html': { 'content-security-policy': STRICT_CSP },
  '/tests/e2e/pages/csp-article.html': { 'content-security-policy': STRICT_CSP },
  // the snippet builder has no inline code either: the suite holds it to the same policy
  '/demo/builder.html': { 'content-security-policy': STRICT_CSP },
};

/** Only these parts of the repository are served. */
const served = [
  '/dist/',
  '/demo/',
  '/tests/e2e/pages/',
  '/node_modules/lit/',
  '/node_modules/lit-html/',
  '/node_modules/lit-element/',
  '/node_modules/@lit/reactive-element/',
];

/** The sample feed's images, also beside the mock feed route (its items name them relative to the feed). */
const defaultMounts = { '/mock/images/': join(root, 'demo/images') };

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** The file under `base` that `rest` names, or undefined when it would leave `base`. */
function inside(base, rest) {
  let decoded;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(base, decoded));
  return file.startsWith(base + sep) ? file : undefined;
}

/**
 * Starts the server. `mounts` maps URL prefixes ('/copy/') to directories.
 * Returns { origin, url(path), requests, close() }; each entry of `requests` is
 * { path, method, aborted } and `aborted` turns true when the client closed the
 * connection before the response ended.
 */
export async function startServer({ mounts = {} } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const entry = { path: url.pathname + url.search, method: req.method, aborted: false };
    requests.push(entry);
    res.on('close', () => {
      if (!res.writableFinished) entry.aborted = true;
    });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return res.end();
    }
    if (handleMock(req, res)) return;
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    let file;
    for (const [prefix, dir] of Object.entries({ ...defaultMounts, ...mounts })) {
      if (url.pathname.startsWith(prefix)) file = inside(resolve(dir), url.pathname.slice(prefix.length));
    }
    if (!file && served.some((p) => url.pathname.startsWith(p))) file = inside(root, url.pathname.slice(1));
    let size;
    try {
      const stat = file && statSync(file);
      size = stat && stat.isFile() ? stat.size : undefined;
    } catch {
      size = undefined;
    }
    if (size === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('not found');
    }
    // ?delay=ms holds a file back, e.g. the bundle, to look at the page before the elements upgrade
    const delay = Number(url.searchParams.get('delay') ?? 0);
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...pageHeaders[url.pathname],
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    }, delay);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
