// `npx cluster-reportage check` as a producer runs it: the real CLI (bin/cluster-reportage.js,
// built library) as a child process, against the sample feed, broken feeds, the real RSS/Atom
// files, and a local HTTP server with and without the headers other sites need.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { realRssDir } from '../server/mock-routes.mjs';

const BIN = 'bin/cluster-reportage.js';

/** Runs the CLI; resolves to { code, out } (stdout and stderr). */
function cli(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, out: stdout + stderr }),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'cluster-check-'));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const V11 = 'https://jsonfeed.org/version/1.1';
const sample = readFileSync('demo/feed.json', 'utf8');
const rssFile = (name) => join(realRssDir(), name);

after(() => rmSync(dir, { recursive: true, force: true }));

describe('check <file>', () => {
  it('the sample feed: usable without problems, exit 0, with its counts', async () => {
    const { code, out } = await cli('check', 'demo/feed.json');
    assert.equal(code, 0, out);
    assert.match(
      out,
      /^JSON Feed "go-cluster – Clusterreportagen": 5 items \(1 news item, 4 portraits\), 1 journey, 0 items skipped, 0 problems\.$/m,
    );
    assert.match(out, /^Usable, no problems\.$/m);
  });

  it('--json prints the same as JSON', async () => {
    const { code, out } = await cli('check', 'demo/feed.json', '--json');
    assert.equal(code, 0);
    const result = JSON.parse(out);
    assert.deepEqual(
      [result.exitCode, result.format, result.items, result.journeys, result.skipped, result.problems],
      [0, 'json', { total: 5, news: 1, portraits: 4 }, 1, { items: 0, journeys: 0 }, []],
    );
  });

  it('a feed with a bad item: every problem by its path, the item counted as skipped, exit 1', async () => {
    const path = file(
      'skips.json',
      JSON.stringify({
        version: V11,
        title: 'Mit Fehlern',
        items: [
          { id: 'a', title: 'Gut', content_text: 'x', date_published: '2021-02-30T00:00:00Z' },
          { title: 'ohne id' },
          { id: 'p', _reportage: { kind: 'portrait' } },
        ],
      }),
    );
    const { code, out } = await cli('check', path);
    assert.equal(code, 1, out);
    assert.match(out, /^ {2}items\[0\]\.date_published: expected an RFC 3339 date, got "2021-02-30T00:00:00Z"$/m);
    assert.match(out, /^ {2}items\[1\]\.id: expected a non-empty string; item skipped$/m);
    assert.match(out, /^ {2}items\[2\]\._reportage\.cluster: required when kind is "portrait"; item skipped$/m);
    assert.match(out, /1 item \(1 news item\), 0 journeys, 2 items skipped, 3 problems\.$/m);
    assert.match(out, /^Usable, with problems\.$/m);
  });

  it('not a feed: invalid JSON, an HTML page, JSON that is no JSON Feed, a missing file: exit 2 and why', async () => {
    const cases = [
      [file('broken.json', '{"version": "x", items: []}'), /^Not usable: parse: not valid JSON: /m],
      [file('page.html', '<!doctype html><title>Oops</title>'), /^Not usable: parse: not a feed: it looks like HTML/m],
      [file('array.json', '[]'), /^Not usable: invalid: \(root\): expected a JSON Feed object, got an array$/m],
      [join(dir, 'nope.json'), /^Not usable: network: .*nope\.json cannot be read \(ENOENT\)$/m],
    ];
    for (const [path, says] of cases) {
      const { code, out } = await cli('check', path);
      assert.equal(code, 2, out);
      assert.match(out, says);
    }
  });

  it('XML that is not well-formed: exit 2, naming the line', async () => {
    const path = file(
      'broken.xml',
      '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<title>A</titel>\n</channel></rss>',
    );
    const { code, out } = await cli('check', path);
    assert.equal(code, 2, out);
    assert.match(out, /^Not usable: parse: not well-formed XML, line 3: /m);
  });

  it('the real RSS and Atom files: all usable; the one with text before <?xml is named at line 1', async () => {
    const names = readFileSync(join(realRssDir(), 'README.md'), 'utf8')
      .match(/^\| (\d\d-[\w-]+\.xml) /gm)
      .map((l) => l.slice(2, -1));
    assert.equal(names.length, 10);
    for (const name of names) {
      const { code, out } = await cli('check', rssFile(name), '--json');
      const result = JSON.parse(out);
      assert.ok(result.items.total > 0, `${name}: ${out}`);
      assert.equal(result.items.total, result.items.news, name);
      if (name.startsWith('06')) {
        assert.equal(code, 1, name);
        assert.deepEqual(result.problems, [{ path: 'line 1', message: 'text before <?xml …?>; ignored' }]);
      } else assert.equal(code, 0, `${name}: ${JSON.stringify(result.problems)}`);
    }
    const { out } = await cli('check', rssFile('08-gulp-githubreleases.xml'));
    assert.match(out, /^Atom 1\.0 "Release notes from gulp": 10 items \(10 news items\), 0 journeys/m);
  });

  it('RSS problems name the XML a producer wrote', async () => {
    const path = file(
      'bad.rss',
      '<rss version="2.0"><channel><title>t</title><item><guid>a</guid><pubDate>gestern</pubDate><link>javascript:alert(1)</link></item><item><guid>a</guid></item></channel></rss>',
    );
    const { code, out } = await cli('check', path);
    assert.equal(code, 1, out);
    assert.match(out, /^ {2}\/rss\/channel\/item\[1\]\/pubDate: expected an RFC 822 date/m);
    assert.match(out, /^ {2}\/rss\/channel\/item\[1\]\/link: URL dropped: not a safe http\(s\) URL$/m);
    assert.match(out, /^ {2}\/rss\/channel\/item\[2\]\/guid: duplicate id "a"; item skipped$/m);
  });
});

describe('check <URL>: the headers a browser on another site needs', () => {
  const rss = readFileSync(rssFile('03-golem-feedcreator.xml'));
  const all = { 'access-control-allow-origin': '*', etag: '"v1"', 'cache-control': 'public, max-age=300' };
  const routes = {
    '/good.json': { type: 'application/feed+json; charset=utf-8', body: sample, headers: all },
    '/bare.json': { type: 'application/json', body: sample, headers: {} },
    '/html-type.json': { type: 'text/html', body: sample, headers: all },
    '/feed.xml': { type: 'application/rss+xml', body: rss, headers: all },
    '/echo.json': {
      type: 'application/feed+json',
      body: sample,
      echo: true,
      headers: { 'last-modified': 'Tue, 02 Feb 2021 09:00:00 GMT', 'cache-control': 'no-store' },
    },
    '/error.html': { type: 'text/html', body: '<!DOCTYPE html><h1>Wartung</h1>', headers: all },
  };
  let server;
  let origin;
  const seen = [];

  before(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url, origin: req.headers.origin, accept: req.headers.accept });
      const route = routes[req.url];
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
      }
      const headers = { 'content-type': route.type, ...route.headers };
      if (route.echo) headers['access-control-allow-origin'] = req.headers.origin;
      if (headers.etag && req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, headers);
        return res.end();
      }
      res.writeHead(200, headers);
      res.end(route.body);
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((ok) => server.close(ok)));

  it('a feed with every header: exit 0, each check passed, the revisit answered 304', async () => {
    const { code, out } = await cli('check', `${origin}/good.json`);
    assert.equal(code, 0, out);
    for (const line of [
      '  ✔ status 200',
      '  ✔ Content-Type: application/feed+json; charset=utf-8',
      '  ✔ Access-Control-Allow-Origin: *',
      '  ✔ ETag: "v1" (a revisit is answered 304 Not Modified)',
      '  ✔ Cache-Control: public, max-age=300',
    ])
      assert.ok(out.split('\n').includes(line), `${line}\n${out}`);
    // asked as a page on another site would, with the elements' Accept
    const request = seen.find((s) => s.url === '/good.json');
    assert.equal(request.origin, 'https://cluster-reportage.invalid');
    assert.match(request.accept, /^application\/feed\+json, /);
  });

  it('without CORS and caching headers: exit 1, and what to add', async () => {
    const { code, out } = await cli('check', `${origin}/bare.json`);
    assert.equal(code, 1, out);
    assert.match(
      out,
      /✘ Access-Control-Allow-Origin: missing: pages on other sites cannot read the feed.*\n {6}add: Access-Control-Allow-Origin: \*$/m,
    );
    assert.match(out, /✘ ETag: no ETag and no Last-Modified.*\n {6}add: ETag: /m);
    assert.match(out, /✘ Cache-Control: missing.*\n {6}add: Cache-Control: public, max-age=300$/m);
    assert.match(out, /^Usable, with problems \(3 headers to fix\)\.$/m);
    const json = JSON.parse((await cli('check', `${origin}/bare.json`, '--json')).out);
    assert.deepEqual(
      json.http.checks.filter((c) => !c.ok).map((c) => c.header),
      ['Access-Control-Allow-Origin', 'ETag', 'Cache-Control'],
    );
  });

  it('a wrong Content-Type, an echoed origin without Vary, no-store: each named', async () => {
    let { code, out } = await cli('check', `${origin}/html-type.json`);
    assert.equal(code, 1, out);
    assert.match(
      out,
      /✘ Content-Type: text\/html: .*\n {6}add: Content-Type: application\/feed\+json; charset=utf-8$/m,
    );
    ({ code, out } = await cli('check', `${origin}/echo.json`, '--origin', 'https://partner.example'));
    assert.equal(code, 1, out);
    assert.match(
      out,
      /✘ Access-Control-Allow-Origin: https:\/\/partner\.example, the requesting origin, but without Vary: Origin/,
    );
    assert.match(out, /✘ Cache-Control: no-store: /);
  });

  it('an RSS feed over HTTP: read with its ISO-8859-1 declaration, its own Content-Type accepted', async () => {
    const { code, out } = await cli('check', `${origin}/feed.xml`);
    assert.equal(code, 0, out);
    assert.match(out, /✔ Content-Type: application\/rss\+xml/);
    assert.match(out, /^RSS 2\.0 "Golem\.de": 40 items/m);
  });

  it('unusable: 404, an HTML error page with 200, a server that is not there: exit 2', async () => {
    let { code, out } = await cli('check', `${origin}/missing`);
    assert.equal(code, 2, out);
    assert.match(out, /✘ status 404/);
    assert.match(out, /^Not usable: http: the server answered 404 Not Found$/m);
    ({ code, out } = await cli('check', `${origin}/error.html`));
    assert.equal(code, 2, out);
    assert.match(out, /^Not usable: parse: not a feed: it looks like HTML, sent as text\/html/m);
    // a port nothing listens on: a server started and closed again
    const closed = createServer();
    await new Promise((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = closed.address().port;
    await new Promise((ok) => closed.close(ok));
    ({ code, out } = await cli('check', `http://127.0.0.1:${port}/feed.json`));
    assert.equal(code, 2, out);
    assert.match(
      out,
      /^Not usable: network: http:\/\/127\.0\.0\.1:\d+\/feed\.json could not be reached \(ECONNREFUSED\)$/m,
    );
  });
});

describe('the command line', () => {
  it('--help lists the commands; no command or an unknown one is exit 2', async () => {
    const help = await cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^ {2}check <file-or-URL> \[--json\]/m);
    assert.equal((await cli()).code, 2);
    const unknown = await cli('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.out, /^unknown command "frobnicate"/);
    assert.equal((await cli('check')).code, 2);
    assert.equal((await cli('check', 'demo/feed.json', '--bogus')).code, 2);
  });
});
