// The Eleventy 3 fixture site (tests/fixtures/eleventy), built for this server's URL and opened in
// every engine: with JavaScript off the cards are there; with it on, the script takes them over.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../fixtures/eleventy/build.mjs';
import { ALL, TAGS, e2e } from './harness.mjs';

describe('an Eleventy site built with the render transform', () => {
  const out = mkdtempSync(join(tmpdir(), 'cluster-reportage-eleventy-site-'));
  after(() => rmSync(out, { recursive: true, force: true }));
  // the site at the server's root, as it would be deployed
  const env = e2e({ mounts: { '/': out } });
  before(() => buildSite(out, env.server.url('/')));

  it('shows every card’s title, date, summary and links without JavaScript', async () => {
    const page = await env.open('/index.html', { javaScript: false, viewport: { width: 1024, height: 2600 } });
    const text = (target) => page.$eval(target, (el) => el.innerText);
    const count = (target) => page.$$eval(target, (els) => els.length);
    assert.match(await text('cluster-news-card >>> [part~="title"]'), /^Clusterreportagen: ein Blick/);
    assert.equal(await text('cluster-news-card >>> [part~="date"]'), '2. Februar 2021');
    assert.ok(await page.visible('cluster-news-card >>> [part~="summary"]'), 'the summary is shown');
    assert.equal(await count('cluster-news-card >>> a[part~="link"]'), 6);
    assert.equal(await count('cluster-journey >>> [part~="station"]'), 4);
    assert.equal(await text('cluster-portrait >>> [part~="title"]'), 'Optence e. V.');
    for (const tag of TAGS) assert.ok(await page.visible(`${tag} >>> [part~="title"]`), `<${tag}> shows its title`);
    // the images are the site's own, from this server (the portrait's is asked for once it is in view)
    await page.$eval('cluster-portrait >>> [part~="image"]', (img) => img.scrollIntoView({ block: 'center' }));
    await page.waitForRequest(/^\/feeds\/images\/portrait-optence\.svg$/);
    const requests = page.requests();
    assert.ok(requests.includes('/feeds/images/portrait-optence.svg'), requests.join(' '));
    assert.ok(!requests.includes('/cluster-reportage.js'), 'no script was loaded');
  });

  it('shows the same cards once after the script has loaded the feed', async () => {
    // init/prerender-watch.js records the elements' feed events from the page's first byte
    const page = await env.open('/index.html', { init: ['prerender-watch.js'] });
    await page.waitFor(() => window.__watch.events.filter((e) => e.endsWith(':cluster-feed-load')).length === 3);
    const titles = await page.$$eval(ALL, (els) =>
      els.map((el) => [...el.shadowRoot.querySelectorAll('[part~="title"]')].map((t) => t.textContent.trim())),
    );
    assert.deepEqual(
      titles.map((t) => t.length),
      [1, 1, 1],
    );
    assert.equal(titles[2][0], 'Optence e. V.');
  });
});
