// The widgets on a page that is already crowded: junk on Object and Array
// prototypes, Node/AMD/CommonJS globals, and the site's own widget built with
// its own copy of Lit, loaded before ours.
/* global find -- functions passed to page.evaluate run in the browser (find() from the harness) */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL, TAGS, waitForStation, e2e, selectNextStation, waitForState } from './harness.mjs';

describe('a page with hostile globals and its own Lit', () => {
  const env = e2e();

  it('shows our elements beside the site’s own Lit widget, and the journey still works by keyboard', async () => {
    const page = await env.open('/tests/e2e/pages/hostile-globals.html');
    // the site's widget runs on its own Lit, which really was loaded from node_modules
    await page.waitFor(() =>
      document.querySelector('host-greeting')?.shadowRoot?.textContent.includes('Hallo Cluster'),
    );
    assert.ok(
      page.requests().some((r) => r.startsWith('/node_modules/lit-html/development/')),
      'the host loaded its own Lit',
    );
    assert.ok(
      await page.evaluate(() => ({}).evil === 1 && typeof [].junk === 'function'),
      'the prototype junk is in place',
    );

    await waitForState(page, ALL, 'ready');
    for (const tag of TAGS) {
      const box = await page.box(`${tag} >>> [part~="title"]`);
      assert.ok(box && box.height > 0, `<${tag}> shows its title`);
    }
    await page.waitFor(
      () =>
        document.querySelector('cluster-news-card').shadowRoot.querySelector('[part~="content"]')?.textContent.trim()
          .length > 100,
    );
    // the station list has exactly the four stations: no "junk" or "evil" entries from the prototypes
    assert.equal(await page.evaluate(() => find('cluster-journey >>> [part~="station"]').length), 4);

    await selectNextStation(page);
    assert.deepEqual(await waitForStation(page, 1), { current: '1', ariaCurrent: 1 });
    await page.waitFor(
      () =>
        document.getElementById('portrait').shadowRoot.querySelector('[part~="title"]')?.textContent.trim() ===
        'BioCon Valley®',
    );
    await page.press('End');
    await page.press('Enter');
    assert.deepEqual(await waitForStation(page, 3), { current: '3', ariaCurrent: 3 });

    // the host's globals are as the host left them
    assert.deepEqual(
      await page.evaluate(() => ({ amd: window.define.amd, env: window.process.env.NODE_ENV, lit: window.hostLit })),
      { amd: true, env: 'development', lit: true },
    );
  });
});
