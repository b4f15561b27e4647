// The widgets on a page that is already crowded: junk on Object and Array
// prototypes, Node/AMD/CommonJS globals, and the site's own widget built with
// its own copy of Lit, loaded before ours.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL, TAGS, currentStation, e2e, selectNextStation, waitForState } from './harness.mjs';

describe('a page with hostile globals and its own Lit', () => {
  const env = e2e();

  it('shows our elements beside the site’s own Lit widget, and the journey still works by keyboard', async () => {
    const { page, requests } = await env.open('/tests/e2e/pages/hostile-globals.html');
    // the site's widget runs on its own Lit, which really was loaded from node_modules
    await page.waitForFunction(() =>
      document.querySelector('host-greeting')?.shadowRoot?.textContent.includes('Hallo Cluster'),
    );
    assert.ok(
      requests.some((r) => r.startsWith('/node_modules/lit-html/development/')),
      'the host loaded its own Lit',
    );
    assert.ok(
      await page.evaluate(() => ({}).evil === 1 && typeof [].junk === 'function'),
      'the prototype junk is in place',
    );

    await waitForState(page, ALL, 'ready');
    for (const tag of TAGS) {
      const box = await page.locator(`${tag} [part~="title"]`).first().boundingBox();
      assert.ok(box && box.height > 0, `<${tag}> shows its title`);
    }
    await page.waitForFunction(
      () =>
        document.querySelector('cluster-news-card').shadowRoot.querySelector('[part~="content"]')?.textContent.trim()
          .length > 100,
    );
    // the station list has exactly the four stations: no "junk" or "evil" entries from the prototypes
    assert.equal(await page.locator('cluster-journey [part~="station"]').count(), 4);

    await selectNextStation(page);
    assert.deepEqual(await currentStation(page), { current: '1', ariaCurrent: 1 });
    await page.waitForFunction(
      () =>
        document.getElementById('portrait').shadowRoot.querySelector('[part~="title"]')?.textContent.trim() ===
        'BioCon Valley®',
    );
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    assert.deepEqual(await currentStation(page), { current: '3', ariaCurrent: 3 });

    // the host's globals are as the host left them
    assert.deepEqual(
      await page.evaluate(() => ({ amd: window.define.amd, env: window.process.env.NODE_ENV, lit: window.hostLit })),
      { amd: true, env: 'development', lit: true },
    );
  });
});
