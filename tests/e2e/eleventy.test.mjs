// The Eleventy 3 fixture site (tests/fixtures/eleventy), built for this server's URL and opened in
// Chromium: with JavaScript off the cards are there; with it on, the script takes them over.
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
    const { page, requests } = await env.open('/index.html', {
      javaScriptEnabled: false,
      viewport: { width: 1024, height: 2600 },
    });
    const card = page.locator('cluster-news-card');
    assert.match(await card.locator('[part~="title"]').innerText(), /^Clusterreportagen: ein Blick/);
    assert.equal(await card.locator('[part~="date"]').innerText(), '2. Februar 2021');
    assert.ok(await card.locator('[part~="summary"]').isVisible());
    assert.equal(await card.locator('a[part~="link"]').count(), 6);
    assert.equal(await page.locator('cluster-journey [part~="station"]').count(), 4);
    assert.equal(await page.locator('cluster-portrait [part~="title"]').innerText(), 'Optence e. V.');
    for (const tag of TAGS)
      assert.ok(await page.locator(`${tag} [part~="title"]`).isVisible(), `<${tag}> shows its title`);
    // the images are the site's own, from this server
    await page.locator('cluster-portrait [part~="image"]').scrollIntoViewIfNeeded();
    assert.ok(requests.includes('/feeds/images/portrait-optence.svg'), requests.join(' '));
    assert.ok(!requests.includes('/cluster-reportage.js'), 'no script was loaded');
  });

  it('shows the same cards once after the script has loaded the feed', async () => {
    const { page } = await env.open('/index.html', {
      init: () => {
        window.__loads = 0;
        document.addEventListener('cluster-feed-load', () => window.__loads++);
      },
    });
    await page.waitForFunction(() => window.__loads === 3);
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
