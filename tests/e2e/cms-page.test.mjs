// A page as a CMS or a framework builds it: elements before and after the
// script tag, inside framework roots, collapsed <details> and cloned
// templates, added and moved later, removed while they load; and the light-DOM
// fallback link for visitors without JavaScript.
/* global MutationObserver, customElements, AbortController, find, visible -- functions passed to page.evaluate run in the browser (find() and visible() from the harness) */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL, cannot, e2e, eventually, hits, selectNextStation, waitForState } from './harness.mjs';

const CMS = '/tests/e2e/pages/cms.html';

/** The element's visible heading text ('' when it has none). */
const titleOf = (page, selector) =>
  page.$eval(selector, (el) => el.shadowRoot?.querySelector('[part~="title"]')?.textContent.trim() ?? '');

describe('a CMS-like page', () => {
  const env = e2e();

  it('renders every element, wherever the page puts it, from one feed request', async () => {
    const before = await hits(env.server, 'cms');
    const page = await env.open(CMS);
    await waitForState(page, ALL, 'ready');
    assert.deepEqual(
      await page.$$eval(ALL, (els) => els.map((e) => e.id || e.className)),
      ['before-script', 'after-script', 'in-app', 'in-details', 'from-template'],
      'all five placements are on the page',
    );
    assert.match(await titleOf(page, '#before-script'), /^Clusterreportagen: ein Blick/);
    assert.equal(await titleOf(page, '#after-script'), 'Optence e. V.');
    assert.equal(await titleOf(page, '.from-template'), 'BioCon Valley®');
    assert.equal(await titleOf(page, '#in-details'), 'OLEC');
    assert.ok(await titleOf(page, '#in-app'), 'the journey inside the framework root has a title');
    // the collapsed section shows its portrait once opened
    await page.click('#more summary');
    const inDetails = await page.box('#in-details >>> [part~="title"]');
    assert.ok(inDetails && inDetails.height > 0, 'the portrait inside <details> is visible once opened');
    // the journey in the framework root drives the portrait outside it
    await selectNextStation(page, '#in-app');
    await page.waitFor(
      () =>
        document.getElementById('after-script').shadowRoot.querySelector('[part~="title"]')?.textContent.trim() ===
        'BioCon Valley®',
    );
    assert.equal(await hits(env.server, 'cms'), before + 1, 'one request for the whole page');
  });

  it('shows an element added later with innerHTML from the same request', async () => {
    const before = await hits(env.server, 'cms');
    const page = await env.open(CMS);
    await waitForState(page, ALL, 'ready');
    await page.evaluate(() => {
      document.getElementById('sidebar').innerHTML =
        '<div><cluster-news-card id="late" src="/mock/feed?key=cms"></cluster-news-card></div>';
    });
    await waitForState(page, '#late', 'ready');
    assert.ok(await titleOf(page, '#late'));
    // a framework re-render replaces its root: the new journey renders too
    await page.evaluate(() => {
      document.getElementById('app').innerHTML =
        '<cluster-journey id="again" src="/mock/feed?key=cms"></cluster-journey>';
    });
    await waitForState(page, '#again', 'ready');
    assert.equal(await hits(env.server, 'cms'), before + 1);
  });

  it('keeps a rendered element rendered when it is moved, without a new request', async () => {
    const before = await hits(env.server, 'cms');
    const page = await env.open(CMS);
    await waitForState(page, ALL, 'ready');
    await page.evaluate(async () => {
      const el = document.getElementById('after-script');
      document.getElementById('sidebar').append(el);
      await el.updateComplete;
    });
    // whatever the move started (a render, a request) has happened once the network is quiet
    await page.settle();
    assert.equal(await page.$eval('#sidebar > #after-script', (el) => el.getAttribute('state')), 'ready');
    assert.equal(await titleOf(page, '#after-script'), 'Optence e. V.');
    assert.ok((await page.box('#after-script >>> [part~="title"]'))?.height > 0);
    assert.equal(await hits(env.server, 'cms'), before + 1);
  });

  it('renders an element moved while its feed is loading, from one request', async () => {
    const page = await env.open(CMS);
    await waitForState(page, ALL, 'ready');
    // its own feed URL, so no other element keeps the request alive
    // every abort our code makes goes through AbortController#abort: record them
    await page.evaluate(() => {
      const abort = AbortController.prototype.abort;
      window.__aborts = 0;
      AbortController.prototype.abort = function (...args) {
        window.__aborts++;
        return abort.apply(this, args);
      };
    });
    await page.evaluate(() => {
      const el = Object.assign(document.createElement('cluster-portrait'), {
        id: 'moved',
        // the server answers once the test releases it
        src: '/mock/feed?key=moved&hold=moved',
      });
      el.setAttribute('cluster', 'olec');
      document.getElementById('blocks').append(el);
    });
    await page.waitForRequest(/key=moved/);
    // a framework moving the node (a keyed list reordering, a portal)
    await page.evaluate(() => document.getElementById('sidebar').append(document.getElementById('moved')));
    env.server.release('moved');
    await waitForState(page, '#moved', 'ready');
    assert.ok(await titleOf(page, '#moved'));
    assert.equal(await hits(env.server, 'moved'), 1, 'the feed was requested once');
    // (Chromium itself now and then reports such a request as ERR_ABORTED although nothing
    // aborted it and the answer arrived: so the check is on our aborts, not on its log)
    assert.equal(await page.evaluate(() => window.__aborts), 0, 'the element did not abort its request');
  });

  it('cancels the request of an element removed while loading, which then never renders', async (t) => {
    const page = await env.open(CMS);
    await waitForState(page, ALL, 'ready');
    await page.evaluate(() => {
      const make = (id, src) => Object.assign(document.createElement('cluster-news-card'), { id, src });
      // both feeds are held back by the server until the test releases them
      window.removed = make('removed', '/mock/feed?key=removed&hold=removed');
      // still connected, answered right after the removed one would have been: shows that a re-render would be seen
      window.control = make('control', '/mock/feed?key=control&hold=control');
      document.getElementById('sidebar').append(window.removed, window.control);
    });
    await page.waitForRequest(/key=removed/);
    await page.waitForRequest(/key=control/);
    await page.evaluate(() => {
      window.mutations = { removed: 0, control: 0 };
      for (const id of ['removed', 'control']) {
        new MutationObserver((records) => (window.mutations[id] += records.length)).observe(window[id].shadowRoot, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      }
      window.removed.remove();
    });
    if (page.failed() === null)
      cannot(
        t,
        'that the browser reports the request as cancelled (no network log in WebDriver classic); the server sees it go away, below',
      );
    else
      await eventually(
        () => page.failed().some((f) => f.url.includes('key=removed')),
        'the browser did not cancel the request',
      );
    // the browser closes the connection when it gets round to it: on a busy machine that took
    // over 4 s once, so this waits for the condition longer (a bound, not a timing guess)
    await eventually(
      () => env.server.requests.some((r) => r.path.includes('key=removed') && r.aborted),
      'the server did not see the request go away',
      20_000,
    );
    env.server.release('removed');
    env.server.release('control');
    // a language change re-renders connected elements only
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
    await page.waitFor(() => window.mutations.control > 0);
    await waitForState(page, '#control', 'ready');
    const removed = await page.evaluate(() => ({
      state: window.removed.getAttribute('state'),
      mutations: window.mutations.removed,
      title: !!window.removed.shadowRoot.querySelector('[part~="title"]'),
    }));
    assert.deepEqual(removed, { state: 'loading', mutations: 0, title: false });
  });
});

describe('the fallback content in the element', () => {
  const env = e2e();
  const FALLBACK = { role: 'link', name: 'Optence e. V.' };

  it('is a readable link for a visitor without JavaScript', async () => {
    const page = await env.open('/tests/e2e/pages/fallback.html', { javaScript: false });
    await page.waitFor((link) => visible(find(link)[0]), FALLBACK);
    assert.equal(await page.$eval(FALLBACK, (a) => a.getAttribute('href')), 'https://www.optence.de');
    assert.equal(
      await page.evaluate(() => !!customElements.get('cluster-portrait')),
      false,
      'no script ran on the page',
    );
  });

  it('is readable before the script arrives and hidden once the portrait renders', async () => {
    // the server holds the bundle back until the test releases it
    const page = await env.open('/tests/e2e/pages/fallback.html', { wait: false });
    await page.waitFor(() => document.querySelector('cluster-portrait'));
    await page.waitForRequest(/^\/dist\/cluster-reportage\.js\?hold=bundle$/);
    assert.equal(
      await page.evaluate(() => !!customElements.get('cluster-portrait')),
      false,
      'the bundle is still on its way',
    );
    assert.ok(await page.visible(FALLBACK), 'the link shows before the upgrade');
    env.server.release('bundle');
    await waitForState(page, 'cluster-portrait', 'ready');
    assert.equal(
      await page.evaluate((link) => find(link).length, FALLBACK),
      0,
      'the link is gone from the page once the card renders',
    );
    assert.equal(await titleOf(page, 'cluster-portrait'), 'Optence e. V.');
  });
});
