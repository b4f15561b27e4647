// The README's Matomo recipe on a start page with the latest reportages: the
// `_paq` calls a site owner's Matomo would receive, from a real scroll and a
// real click. `_paq` is Matomo's own queue (a plain array until its tracker
// loads); no tracker is loaded.
/* global innerHeight, IntersectionObserver, location, sessionStorage -- functions passed to page.evaluate run in the browser */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cannot, e2e, eventually, waitForState } from './harness.mjs';
import { root } from './server.mjs';

const PAGE = '/tests/e2e/pages/matomo.html';
/** What the site's own tracking calls left in the queue: all but Matomo's `setSiteId`. */
const queue = (page) => page.evaluate(() => window._paq.slice(1));
const IMPRESSIONS = [
  ['trackEvent', 'Clusterreportagen', 'impression', 'Wasserstoff aus der Region'],
  ['trackEvent', 'Clusterreportagen', 'impression', 'Photonik im Mittelstand'],
  ['trackEvent', 'Clusterreportagen', 'impression', 'Fachkräfte finden'],
];
/** How long half of the list must be in view (the README: "at least half of it in view for one second"). */
const VIEW_MS = 1000;

describe('the Matomo recipe', () => {
  const env = e2e();

  it('is the README’s recipe, word for word', () => {
    const recipe = readFileSync(join(root, 'tests/e2e/pages/matomo-recipe.js'), 'utf8').trim();
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.ok(readme.includes(recipe), 'README.md shows tests/e2e/pages/matomo-recipe.js as it is');
  });

  it('records an impression per reportage seen once the list has been half in view for a second, and each link followed', async (t) => {
    const page = await env.open(PAGE, { init: ['queue-on-leave.js'] });
    await waitForState(page, 'cluster-news-list', 'ready');
    // below the fold: nothing yet
    const box = await page.box('cluster-news-list');
    const height = await page.evaluate(() => innerHeight);
    assert.ok(box.y >= height, 'the list starts below the fold');
    assert.deepEqual(await queue(page), []);
    // the rule watched from the page: when half of the list came into view (it is less than half as tall
    // as the window, so half of the list it is), what the queue held then, and when the impression came.
    // An entry's time is when the browser computed the intersection, for the list's own observer too.
    assert.ok(box.height * 2 < height, `the list is ${box.height} px tall`);
    await page.evaluate(() => {
      window.seen = {};
      new IntersectionObserver(
        (entries) => {
          const e = entries[entries.length - 1];
          if (e.intersectionRatio >= 0.5 && !window.seen.halfAt)
            Object.assign(window.seen, { halfAt: e.time, queued: window._paq.length - 1 });
        },
        { threshold: 0.5 },
      ).observe(document.querySelector('cluster-news-list'));
      document.addEventListener('cluster-impression', () => (window.seen.impressionAt ??= performance.now()));
    });
    // the visitor scrolls the list to the middle of the window with the mouse wheel
    await page.wheel(Math.round(box.y + box.height / 2 - height / 2));
    await page.waitFor(() => window._paq.length > 1);
    assert.deepEqual(await queue(page), IMPRESSIONS);
    const seen = await page.evaluate(() => window.seen);
    assert.equal(seen.queued, 0, 'nothing recorded when half of the list came into view');
    // and no sooner than a second later (Firefox and WebKit round timestamps to 1 ms, Firefox with jitter)
    assert.ok(
      seen.impressionAt - seen.halfAt >= VIEW_MS - 1,
      `the impression came ${seen.impressionAt - seen.halfAt} ms after`,
    );

    // the visitor opens the second entry's reportage in a new tab (middle click), so the page stays to be read
    const second = 'cluster-news-list >>> li[part~="entry"]:nth-child(2) a[part~="link"]';
    const middle = await page.$eval(second, (a) => a.href);
    const clicks = [];
    if (env.engine === 'webkit')
      cannot(
        t,
        'a middle click: WebKitWebDriver releases every mouse button as the left one (mouseup and click with button 0, never auxclick)',
      );
    else {
      await page.click(second, { button: 'middle' });
      const { pathname, search } = new URL(middle);
      const served = () => env.server.requests.some((r) => r.path === pathname + search && r.status === 200);
      await eventually(
        async () => (await page.tabs()).includes(middle) && served(),
        `no new tab showed ${middle}, served by the server`,
      );
      assert.equal(await page.evaluate(() => location.pathname), PAGE, 'the start page stays');
      clicks.push(['trackEvent', 'Clusterreportagen', 'click', middle]);
      assert.deepEqual((await queue(page)).slice(3), clicks);
    }

    // then the third entry's, in this tab: the queue as the page was left has that click
    const third = 'cluster-news-list >>> li[part~="entry"]:nth-child(3) a[part~="link"]';
    const here = await page.$eval(third, (a) => a.href);
    await page.click(third);
    await page.waitFor((href) => location.href === href && document.readyState === 'complete', here);
    clicks.push(['trackEvent', 'Clusterreportagen', 'click', here]);
    assert.deepEqual(JSON.parse(await page.evaluate(() => sessionStorage.getItem('e2e-paq'))).slice(1), [
      ...IMPRESSIONS,
      ...clicks,
    ]);
  });
});
