// Publishing the feed (README): the page on one origin, the feed on another, as on a partner's
// site. With the headers the README asks for, the card renders (JSON Feed and RSS); without
// them, the visitor sees the CORS error text and the fallback link, and `check` names the
// missing header. An RSS feed also renders under the strict CSP with Trusted Types.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cannot, cspViolations, e2e, waitForState } from './harness.mjs';
import { root, STRICT_CSP } from './server.mjs';

/** What WordPress's /feed/ looks like (the real captured ones link images on the internet, which tests never fetch). */
const wordpress = (origin) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Cluster Nord</title><link>${origin}/</link><language>de-DE</language><generator>https://wordpress.org/?v=6.7</generator>
<item><title>Neues Labor f&#252;r Photonik er&#246;ffnet</title><link>${origin}/2021/02/labor/</link>
<pubDate>Tue, 02 Feb 2021 09:00:00 +0000</pubDate><dc:creator><![CDATA[Redaktion]]></dc:creator><category><![CDATA[Photonik]]></category>
<guid isPermaLink="false">${origin}/?p=42</guid><description><![CDATA[Ein neues Labor&nbsp;&hellip; [&hellip;]]]></description>
<content:encoded><![CDATA[<p><img src="/wp-content/uploads/labor.svg" alt="" width="800" height="450"></p><p>Der ganze Artikel.</p>]]></content:encoded></item>
</channel></rss>`;

const PUBLISHED = { 'access-control-allow-origin': '*', etag: '"v1"', 'cache-control': 'public, max-age=300' };
const image = readFileSync(join(root, 'demo/images/news-clusterreportagen.svg'));
const files = {
  '/feeds/reportagen.json': {
    type: 'application/feed+json; charset=utf-8',
    body: readFileSync(join(root, 'demo/feed.json')),
    headers: PUBLISHED,
  },
  // what a server sends before anyone configured it for other sites
  '/feeds/plain.json': { type: 'application/json', body: readFileSync(join(root, 'demo/feed.json')), headers: {} },
  // WordPress's /feed/ with the filter from the README (core sends ETag and Last-Modified itself)
  '/feed/': { type: 'application/rss+xml; charset=UTF-8', body: wordpress, headers: PUBLISHED },
  '/feed-without-filter/': { type: 'application/rss+xml; charset=UTF-8', body: wordpress, headers: { etag: '"v1"' } },
  // the sample feed's images are relative to it; the WordPress post's image is on its own site
  '/feeds/images/news-clusterreportagen.svg': { type: 'image/svg+xml', body: image, headers: {} },
  '/wp-content/uploads/labor.svg': { type: 'image/svg+xml', body: image, headers: {} },
};

/** Runs `npx cluster-reportage check …`; resolves to { code, out }. */
const check = (...args) =>
  new Promise((resolve) =>
    execFile(process.execPath, [join(root, 'bin/cluster-reportage.js'), 'check', ...args], (error, stdout) =>
      resolve({ code: error ? error.code : 0, out: stdout }),
    ),
  );

describe('the page on one origin, the feed on another', () => {
  const env = e2e();
  let publisher;
  let feedOrigin;

  /** What the publisher was asked and answered: { path, origin (the Origin header), status, allowOrigin }. */
  const published = [];

  before(async () => {
    publisher = createServer((req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      const file = files[path];
      const headers = file ? { 'content-type': file.type, ...file.headers } : {};
      const status = !file ? 404 : headers.etag && req.headers['if-none-match'] === headers.etag ? 304 : 200;
      published.push({ path, origin: req.headers.origin, status, allowOrigin: headers['access-control-allow-origin'] });
      res.writeHead(status, headers);
      if (!file) return res.end();
      res.end(res.statusCode === 304 ? undefined : typeof file.body === 'function' ? file.body(feedOrigin) : file.body);
    });
    await new Promise((ok) => publisher.listen(0, '127.0.0.1', ok));
    feedOrigin = `http://127.0.0.1:${publisher.address().port}`;
  });
  after(() => new Promise((ok) => publisher.close(ok)));

  const open = (path) => env.open(`/tests/e2e/pages/other-origin.html?feed=${encodeURIComponent(feedOrigin + path)}`);

  it('the two origins differ (page and feed on different ports)', () => {
    assert.notEqual(new URL(env.server.origin).port, new URL(feedOrigin).port);
  });

  it('with Access-Control-Allow-Origin, the JSON Feed from the other site renders', async () => {
    const page = await open('/feeds/reportagen.json');
    await waitForState(page, 'cluster-news-card', 'ready');
    assert.match(
      await page.$eval('cluster-news-card >>> [part~="title"]', (el) => el.innerText),
      /^Clusterreportagen: ein Blick/,
    );
  });

  it('with the WordPress filter, the RSS feed of /feed/ renders, its XML reader loaded only then', async () => {
    const page = await open('/feed/');
    await waitForState(page, 'cluster-news-card', 'ready');
    assert.equal(
      await page.$eval('cluster-news-card >>> [part~="title"]', (el) => el.innerText),
      'Neues Labor für Photonik eröffnet',
    );
    await page.waitFor(() => {
      const img = document.querySelector('cluster-news-card').shadowRoot.querySelector('[part~="image"]');
      return img?.complete && img.naturalWidth > 0;
    });
    assert.equal(
      await page.$eval('cluster-news-card >>> [part~="image"]', (img) => img.getAttribute('src')),
      `${feedOrigin}/wp-content/uploads/labor.svg`,
      'the first image of the post, resolved against the post',
    );
    const requests = page.requests();
    assert.ok(
      requests.some((r) => /^\/dist\/chunks\/xml-feed-[\w-]+\.js$/.test(r)),
      requests.join('\n'),
    );
    const json = await open('/feeds/reportagen.json');
    await waitForState(json, 'cluster-news-card', 'ready');
    // whatever the page was going to load, it has asked for once the network is quiet
    await json.settle();
    assert.ok(!json.requests().some((r) => r.includes('xml-feed')), 'a JSON Feed never loads the XML reader');
  });

  for (const [path, what] of [
    ['/feeds/plain.json', 'a JSON Feed'],
    ['/feed-without-filter/', 'WordPress’s /feed/ without the filter'],
  ]) {
    it(`without the header, ${what} shows the CORS error text and the fallback link; check names the header`, async (t) => {
      const page = await open(path);
      await waitForState(page, 'cluster-news-card', 'error');
      assert.match(
        await page.$eval('cluster-news-card >>> [part~="error"]', (el) => el.innerText),
        /^The reportage feed cannot be reached\./,
      );
      assert.match(
        await page.$eval('cluster-news-card >>> [part~="error"] details p', (el) => el.textContent),
        /does not allow this site to read it: CORS/,
      );
      assert.equal(await page.visible('cluster-news-card > a'), true, 'the fallback link shows');
      // the publisher did answer this page's cross-origin request, without the header: the browser refused it
      assert.deepEqual(
        published
          .filter((r) => r.path === path)
          .map(({ origin, status, allowOrigin }) => ({ origin, status, allowOrigin })),
        [{ origin: env.server.origin, status: 200, allowOrigin: undefined }],
      );
      // the browser reports the refusal itself (Chromium on the console, Firefox as a page error): that one is expected
      const cors = /CORS|Access-Control-Allow-Origin|net::ERR_FAILED/;
      if (env.engine === 'webkit')
        cannot(t, 'that the browser reports the CORS refusal on its console (WebDriver classic has no console log)');
      else {
        const { errors, consoleErrors } = await page.log();
        const said = [...errors, ...consoleErrors];
        assert.ok(
          said.some((m) => cors.test(m)),
          said.join('\n'),
        );
      }
      page.allow(cors);

      const { code, out } = await check(feedOrigin + path);
      assert.equal(code, 1, out);
      assert.match(out, /✘ Access-Control-Allow-Origin: missing: pages on other sites cannot read the feed/);
      assert.match(out, /add: Access-Control-Allow-Origin: \*/);
    });
  }

  it('an RSS feed on a page with a strict CSP and Trusted Types: the full article renders, no violation', async () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Cluster</title>
      <item><guid>a</guid><title>Mit Bild&nbsp;&amp; Text</title><pubDate>Tue, 02 Feb 2021 09:00:00 GMT</pubDate>
      <content:encoded><![CDATA[<p style="color:red" onclick="alert(1)">Der Artikel.</p><img src="/demo/images/news-clusterreportagen.svg" alt=""><script>alert(2)</script>]]></content:encoded></item></channel></rss>`;
    const src = `/mock/respond?type=application%2Frss%2Bxml&body=${Buffer.from(rss).toString('base64url')}`;
    env.server.serve(
      '/cms/strict.html',
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CSP</title><script src="/tests/e2e/pages/csp-watch.js"></script><script type="module" src="/dist/cluster-reportage.js"></script></head><body><cluster-news-card variant="full" src="${src}"></cluster-news-card></body></html>`,
      { 'content-security-policy': STRICT_CSP },
    );
    const page = await env.open('/cms/strict.html');
    assert.equal(page.response.headers['content-security-policy'], STRICT_CSP, 'the page is served with the policy');
    await waitForState(page, 'cluster-news-card', 'ready');
    await page.waitFor(() =>
      document.querySelector('cluster-news-card').shadowRoot.querySelector('[part~="content"] p'),
    );
    assert.equal(
      await page.$eval('cluster-news-card >>> [part~="title"]', (el) => el.innerText),
      'Mit Bild\u00a0& Text',
    );
    assert.equal(await page.$eval('cluster-news-card >>> [part~="content"] p', (el) => el.innerText), 'Der Artikel.');
    assert.equal(
      await page.$$eval(
        'cluster-news-card >>> [part~="content"] script, [part~="content"] [style]',
        (els) => els.length,
      ),
      0,
    );
    // also checks that Trusted Types are enforced on this page
    assert.deepEqual(await cspViolations(page), { seen: [], messages: [] }, 'no CSP or Trusted Types violation');
  });

  it('check passes the published feeds: every header there, the revisit answered 304', async () => {
    for (const path of ['/feeds/reportagen.json', '/feed/']) {
      const { code, out } = await check(feedOrigin + path);
      assert.equal(code, 0, out);
      assert.match(out, /✔ ETag: "v1" \(a revisit is answered 304 Not Modified\)/);
    }
  });
});
