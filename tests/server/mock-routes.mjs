// Fake feed servers for the browser tests: real HTTP responses from the test
// runner's own server (and from the e2e servers), never from the internet.
// Each route is a function of (request URL, Node req/res); see `routes`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const sampleFeed = () => readFileSync(join(root, 'demo/feed.json'), 'utf8');

/**
 * The real-world RSS/Atom files of the shared contracts (`../shared/real-feeds/rss/` beside the
 * repository; never copied into it: their text belongs to their publishers). A git worktree finds
 * them beside its main checkout; REAL_FEEDS_RSS points anywhere else.
 */
export function realRssDir() {
  const candidates = [process.env.REAL_FEEDS_RSS, join(root, '../shared/real-feeds/rss')];
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root });
    candidates.push(join(dirname(String(common).trim()), '../shared/real-feeds/rss'));
  } catch {
    // not a git checkout: the sibling directory is the only place
  }
  const found = candidates.find((d) => d && existsSync(join(d, 'README.md')));
  if (!found) throw new Error(`real RSS feeds not found in ${candidates.filter(Boolean).join(' or ')}`);
  return resolve(found);
}

const hits = new Map();
const stashed = new Map();
const gates = new Map();
/** Counts one more request under `key` (if any) and returns the new count. */
const count = (key) => {
  if (!key) return 0;
  hits.set(key, (hits.get(key) ?? 0) + 1);
  return hits.get(key);
};
const json = (res, status, body, headers = {}) => {
  res.writeHead(status, {
    'content-type': 'application/feed+json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

/** Routes under /mock/. The query string carries the parameters. */
export const routes = {
  // the sample feed; `?key=k` counts requests under k (read back at /mock/hits?key=k)
  feed(url, req, res) {
    const key = url.searchParams.get('key');
    if (key) hits.set(key, (hits.get(key) ?? 0) + 1);
    const delay = Number(url.searchParams.get('delay') ?? 0);
    setTimeout(() => json(res, 200, sampleFeed(), { 'access-control-allow-origin': '*' }), delay);
  },
  // holds the sample feed back until /mock/open?key=k: a late answer, at a moment the test chooses
  gate(url, req, res) {
    const key = url.searchParams.get('key');
    gates.set(key, [...(gates.get(key) ?? []), res]);
  },
  // answers every request held under ?key=k; says how many were still waiting for it
  open(url, req, res) {
    const key = url.searchParams.get('key');
    const held = gates.get(key) ?? [];
    gates.delete(key);
    const waiting = held.filter((r) => !r.destroyed && !r.writableEnded);
    for (const r of waiting) json(r, 200, sampleFeed(), { 'access-control-allow-origin': '*' });
    json(res, 200, { held: held.length, answered: waiting.length });
  },
  hits(url, req, res) {
    json(res, 200, { hits: hits.get(url.searchParams.get('key')) ?? 0 });
  },
  // any status, content type and body: ?status=500&type=text/html&body=<base64url>; `?key=k` counts requests under k
  respond(url, req, res) {
    count(url.searchParams.get('key'));
    const body = Buffer.from(url.searchParams.get('body') ?? '', 'base64url');
    const delay = Number(url.searchParams.get('delay') ?? 0);
    setTimeout(() => {
      res.writeHead(Number(url.searchParams.get('status') ?? 200), {
        'content-type': url.searchParams.get('type') ?? 'application/feed+json',
        'cache-control': 'no-store',
      });
      res.end(body);
    }, delay);
  },
  // answers nothing until the client gives up; `?key=k` counts requests under k and closed connections under `k:closed`
  hang(url, req, res) {
    const key = url.searchParams.get('key');
    count(key);
    const timer = setTimeout(() => res.destroy(), 60_000);
    req.on('close', () => {
      clearTimeout(timer);
      count(key && `${key}:closed`);
    });
  },
  // headers at once, then a body that never ends
  'hang-body'(url, req, res) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"version":"https://jsonfeed.org/version/1.1","items":[');
    const timer = setTimeout(() => res.destroy(), 60_000);
    req.on('close', () => clearTimeout(timer));
  },
  // ?mb=20: a JSON body of that size, streamed, without content-length
  big(url, req, res) {
    const mb = Number(url.searchParams.get('mb') ?? 20);
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = `${'"x",'.repeat(16384)}`;
    let sent = 0;
    res.write('{"version":"https://jsonfeed.org/version/1.1","title":"big","items":[],"pad":[');
    const more = () => {
      while (sent < mb * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', more);
      }
      res.end('"x"]}');
    };
    req.on('close', () => (sent = Infinity));
    more();
  },
  // ?key=k: the sample feed on the first request under k, 500 after that (a feed that broke after it loaded once)
  flaky(url, req, res) {
    const key = url.searchParams.get('key');
    if (count(key) > 1) return json(res, 500, { error: 'broken' });
    json(res, 200, sampleFeed());
  },
  // POST a body to /mock/stash?key=k[&status=200&type=…]; GET /mock/stash?key=k serves it (for bodies too long for a query string)
  stash(url, req, res) {
    const key = url.searchParams.get('key');
    if (req.method === 'POST') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        stashed.set(key, {
          body: Buffer.concat(chunks),
          status: Number(url.searchParams.get('status') ?? 200),
          type: url.searchParams.get('type') ?? 'application/feed+json',
        });
        json(res, 200, { stored: key });
      });
      return;
    }
    const entry = stashed.get(key);
    if (!entry) return json(res, 404, { error: `nothing stashed under ${key}` });
    res.writeHead(entry.status, { 'content-type': entry.type, 'cache-control': 'no-store' });
    res.end(entry.body);
  },
  // POST { html, feed, base } to /mock/prerender: `html` through `cluster-reportage render --feed
  // <feed> --base <base>` (the built CLI, in a process of its own), answered as text/html; 500 with
  // the CLI's stderr when it fails. Needs `npm run build` (dist/lib/node).
  prerender(url, req, res) {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const { html, feed, base } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const dir = mkdtempSync(join(tmpdir(), 'cluster-reportage-prerender-'));
      writeFileSync(join(dir, 'feed.json'), JSON.stringify(feed));
      const cli = spawn(
        process.execPath,
        [join(root, 'bin/cluster-reportage.js'), 'render', '--feed', join(dir, 'feed.json'), '--base', base],
        { cwd: root },
      );
      const out = [];
      const err = [];
      cli.stdout.on('data', (c) => out.push(c));
      cli.stderr.on('data', (c) => err.push(c));
      cli.on('close', (code) => {
        rmSync(dir, { recursive: true, force: true });
        const ok = code === 0 || code === 1; // 1: rendered, with warnings
        res.writeHead(ok ? 200 : 500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(Buffer.concat(ok ? out : err));
      });
      cli.stdin.end(html);
    });
  },
  'redirect-loop'(url, req, res) {
    res.writeHead(302, { location: url.pathname + url.search });
    res.end();
  },
  // a real-world RSS/Atom file, as its bytes: ?name=03-golem-feedcreator.xml[&type=…] (no charset unless `type` says one)
  rss(url, req, res) {
    const name = basename(url.searchParams.get('name') ?? '');
    let body;
    try {
      body = readFileSync(join(realRssDir(), name));
    } catch (e) {
      return json(res, 404, { error: String(e.message) });
    }
    res.writeHead(200, {
      'content-type': url.searchParams.get('type') ?? 'application/rss+xml',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
    });
    res.end(body);
  },
  // the sample feed with an ETag; a matching If-None-Match gets 304
  etag(url, req, res) {
    const key = url.searchParams.get('key') ?? 'etag';
    hits.set(key, (hits.get(key) ?? 0) + 1);
    const tag = '"sample-1"';
    if (req.headers['if-none-match'] === tag) {
      hits.set(`${key}:304`, (hits.get(`${key}:304`) ?? 0) + 1);
      res.writeHead(304, { etag: tag, 'cache-control': 'no-cache' });
      return res.end();
    }
    json(res, 200, sampleFeed(), { etag: tag, 'cache-control': 'no-cache' });
  },
};

/** Koa middleware for @web/test-runner and @web/dev-server. */
export function mockMiddleware() {
  return async (ctx, next) => {
    // the sample feed's images beside the mock routes, as the e2e server has them: its items name them relative to the feed
    if (ctx.path.startsWith('/mock/images/')) ctx.url = ctx.url.replace('/mock/images/', '/demo/images/');
    const url = new URL(ctx.url, 'http://localhost');
    const name = url.pathname.startsWith('/mock/') ? url.pathname.slice(6) : undefined;
    const route = name && Object.hasOwn(routes, name) ? routes[name] : undefined;
    if (!route) return next();
    // the route writes the response itself; a status here keeps the runner from listing it as a 404
    ctx.status = 200;
    ctx.respond = false;
    route(url, ctx.req, ctx.res);
  };
}

/** Node http handler (for the end-to-end servers): returns false when no route matched. */
export function handleMock(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const name = url.pathname.startsWith('/mock/') ? url.pathname.slice(6) : undefined;
  if (!name || !Object.hasOwn(routes, name)) return false;
  routes[name](url, req, res);
  return true;
}
