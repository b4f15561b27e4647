// The README's Matomo recipe on a start page with the latest reportages: the
// `_paq` calls a site owner's Matomo would receive, from a real scroll and a
// real click. `_paq` is Matomo's own queue (a plain array until its tracker
// loads); no tracker is loaded.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { e2e, waitForState } from './harness.mjs';
import { root } from './server.mjs';

const PAGE = '/tests/e2e/pages/matomo.html';
const queue = (page) => page.evaluate(() => window._paq.slice(1));

describe('the Matomo recipe', () => {
  const env = e2e();

  it('is the README’s recipe, word for word', () => {
    const recipe = readFileSync(join(root, 'tests/e2e/pages/matomo-recipe.js'), 'utf8').trim();
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.ok(readme.includes(recipe), 'README.md shows tests/e2e/pages/matomo-recipe.js as it is');
  });

  it('records an impression per reportage seen and the link followed', async () => {
    const { page } = await env.open(PAGE);
    await waitForState(page, 'cluster-news-list', 'ready');
    // below the fold: nothing yet
    assert.deepEqual(await queue(page), []);
    await page.locator('cluster-news-list').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window._paq.length > 1, null, { timeout: 5000 });
    assert.deepEqual(await queue(page), [
      ['trackEvent', 'Clusterreportagen', 'impression', 'Wasserstoff aus der Region'],
      ['trackEvent', 'Clusterreportagen', 'impression', 'Photonik im Mittelstand'],
      ['trackEvent', 'Clusterreportagen', 'impression', 'Fachkräfte finden'],
    ]);
    // the visitor opens the second entry's reportage in a new tab (middle click), so the page stays to be read
    const { context } = env.opened.at(-1);
    const link = page.locator('cluster-news-list [part~="entry"]').nth(1).locator('a[part~="link"]');
    const href = await link.evaluate((a) => a.href);
    const tab = context.waitForEvent('page');
    await link.click({ button: 'middle' });
    await (await tab).waitForLoadState();
    assert.equal((await tab).url(), href, 'the link was followed');
    assert.deepEqual((await queue(page)).slice(3), [['trackEvent', 'Clusterreportagen', 'click', href]]);
  });
});
