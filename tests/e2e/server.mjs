// A small read-only HTTP server for the end-to-end tests: the built bundle,
// the demo, the test pages, the Lit packages (for the page that brings its own
// Lit), extra directories mounted by a test, and the mock feed routes. It
// listens on 127.0.0.1 on a free port and records every request, including
// the ones the browser gave up on before the answer came.
import { createReadStream, readFileSync, statSync } from 'node:fs';
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
  '/tests/e2e/init/',
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

/** A page whose browser sends `e2e-page/<id>` in its User-Agent (the WebKit driver's pages): its requests carry that id. */
const pageOf = (req) => /\be2e-page\/([\w-]+)/.exec(req.headers['user-agent'] ?? '')?.[1];

/** `html` with a classic script tag for each of `scripts` (URLs) before anything else in its head. */
function withScripts(html, scripts) {
  const tags = scripts.map((src) => `<script src="${src}"></script>`).join('');
  const head = /<head\b[^>]*>/i.exec(html) ?? /<html\b[^>]*>/i.exec(html);
  if (!head) return tags + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + tags + html.slice(at);
}

/**
 * Starts the server. `mounts` maps URL prefixes ('/copy/') to directories.
 * Returns { origin, url(path), requests, serve(path, body, headers), release(key), init, settle(), close() }.
 * Each entry of `requests` is { path, method, aborted, page, status, headers, done }:
 * `aborted` turns true when the client closed the connection before the response
 * ended, `done` when the response ended either way, `page` is the id of the page
 * that asked (only for browsers that announce one, see `pageOf`), `status` and
 * `headers` are what the server answered. `serve(path, body, headers)` answers `path`
 * with that HTML (and those extra response headers, e.g. a CSP) from now on (a page
 * pasted into a CMS). `init` maps a page id to the
 * script URLs put first into every HTML page that page loads (for drivers without
 * init scripts). `settle()` resolves once no request has been open for 500 ms.
 * A request with `?hold=k` is answered only after `release(k)` (at once if k was
 * released before): the page is seen while that file or feed is on its way.
 */
export async function startServer({ mounts = {} } = {}) {
  const requests = [];
  const dynamic = new Map();
  const init = new Map();
  const held = new Map();
  const released = new Set();
  let lastActivity = Date.now();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const entry = {
      path: url.pathname + url.search,
      method: req.method,
      aborted: false,
      page: pageOf(req),
      done: false,
    };
    requests.push(entry);
    lastActivity = Date.now();
    const writeHead = res.writeHead;
    res.writeHead = (status, ...rest) => {
      entry.status = status;
      entry.headers = rest.find((h) => h && typeof h === 'object') ?? {};
      return writeHead.call(res, status, ...rest);
    };
    res.on('close', () => {
      if (!res.writableFinished) entry.aborted = true;
      entry.done = true;
      lastActivity = Date.now();
    });
    const hold = url.searchParams.get('hold');
    const answer = () => !res.destroyed && respond(req, res, url, init.get(entry.page) ?? []);
    if (hold && !released.has(hold)) held.set(hold, [...(held.get(hold) ?? []), answer]);
    else answer();
  });

  function respond(req, res, url, scripts) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return res.end();
    }
    if (handleMock(req, res)) return;
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (dynamic.has(url.pathname)) {
      const page = dynamic.get(url.pathname);
      const body = Buffer.from(withScripts(page.body, scripts));
      res.writeHead(200, {
        'content-type': types['.html'],
        'content-length': body.length,
        'cache-control': 'no-store',
        ...page.headers,
      });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    // the last mount that has the file, then the served parts of the repository (a site mounted at
    // '/' still gets the init scripts of tests/e2e/init/)
    const candidates = Object.entries({ ...defaultMounts, ...mounts })
      .filter(([prefix]) => url.pathname.startsWith(prefix))
      .map(([prefix, dir]) => inside(resolve(dir), url.pathname.slice(prefix.length)))
      .reverse();
    if (served.some((p) => url.pathname.startsWith(p))) candidates.push(inside(root, url.pathname.slice(1)));
    let file;
    let size;
    for (const candidate of candidates) {
      try {
        const stat = candidate && statSync(candidate);
        if (stat?.isFile()) [file, size] = [candidate, stat.size];
      } catch {
        // not there: the next candidate
      }
      if (file) break;
    }
    if (size === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('not found');
    }
    // ?delay=ms holds a file back, e.g. the bundle, to look at the page before the elements upgrade
    const delay = Number(url.searchParams.get('delay') ?? 0);
    const injected =
      scripts.length && extname(file) === '.html' && Buffer.from(withScripts(readFileSync(file, 'utf8'), scripts));
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-length': injected ? injected.length : size,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...pageHeaders[url.pathname],
      });
      if (req.method === 'HEAD') return res.end();
      if (injected) return res.end(injected);
      createReadStream(file).pipe(res);
    }, delay);
  }
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requests,
    serve: (path, body, headers = {}) => dynamic.set(path, { body, headers }),
    init,
    release(key) {
      released.add(key);
      for (const answer of held.get(key) ?? []) answer();
      held.delete(key);
    },
    async settle(quiet = 500, timeout = 15_000) {
      const end = Date.now() + timeout;
      while (requests.some((r) => !r.done) || Date.now() - lastActivity < quiet) {
        if (Date.now() > end)
          throw new Error(
            `requests still open after ${timeout} ms: ${requests.filter((r) => !r.done).map((r) => r.path)}`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
