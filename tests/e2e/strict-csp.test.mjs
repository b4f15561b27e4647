// The widgets on pages with a strict Content-Security-Policy: scripts and
// styles only from the page's own origin, no inline code, Trusted Types
// required for every HTML sink. The pages record every violation
// (pages/csp-watch.js); a site with `report-to` would receive each one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL, currentStation, e2e, selectNextStation, sleep, waitForState } from './harness.mjs';
import { STRICT_CSP } from './server.mjs';

const CSP_MESSAGE = /content security policy|trusted ?type/i;

/** Violations recorded on the page, after pending reports have arrived; then a check that the watcher works. */
async function violations(rec) {
  await rec.page.waitForLoadState('networkidle');
  await sleep(100); // violation events are queued as tasks
  const seen = (await rec.page.evaluate(() => window.cspViolations.splice(0))).map(
    (v) => `${v.directive}: ${v.blocked} (from ${v.source ? new URL(v.source).pathname : 'the page'})`,
  );
  const messages = [...rec.consoleErrors, ...rec.warnings]
    .filter((m) => CSP_MESSAGE.test(m))
    .map((m) => m.slice(0, 90));
  // the watcher does see a violation when there is one, so an empty list means something
  const blocked = await rec.page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch {
      return true;
    }
  });
  assert.ok(blocked, 'Trusted Types are enforced on this page');
  await rec.page.waitForFunction(() => window.cspViolations.some((v) => v.directive === 'require-trusted-types-for'));
  rec.consoleErrors.length = 0; // that last violation was the test's own
  return { seen, messages };
}

describe('a page with a strict Content-Security-Policy and Trusted Types', () => {
  const env = e2e();

  it('shows all three elements, the sanitized article and a working journey without a single violation', async () => {
    const rec = await env.open('/tests/e2e/pages/csp.html');
    const { page, response } = rec;
    assert.equal(
      response.headers()['content-security-policy'],
      STRICT_CSP,
      'the page is served with the strict policy',
    );
    await waitForState(page, ALL, 'ready');
    await page.waitForFunction(
      () =>
        document.querySelector('#sample').shadowRoot.querySelector('[part~="content"]')?.textContent.trim().length >
        100,
    );
    // the journey works under the policy and updates the portrait
    await selectNextStation(page);
    assert.deepEqual(await currentStation(page), { current: '1', ariaCurrent: 1 });
    await page.waitForFunction(() => document.getElementById('portrait').getAttribute('cluster') === 'biocon-valley');
    await page.waitForFunction(
      () =>
        document.getElementById('portrait').shadowRoot.querySelector('[part~="title"]')?.textContent.trim() ===
        'BioCon Valley®',
    );
    assert.deepEqual(await page.evaluate(() => window.stationSelects), [1]);
    assert.deepEqual(await violations(rec), { seen: [], messages: [] });
  });

  it('shows an article with inline styles, handlers and scripts sanitized, without a single violation', async () => {
    const rec = await env.open('/tests/e2e/pages/csp-article.html');
    const { page } = rec;
    await waitForState(page, '#rich', 'ready');
    const article = page.locator('#rich [part~="content"]');
    await article.getByText('Ende des Artikels.').waitFor();
    const shown = await article.evaluate((c) => ({
      links: [...c.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      images: [...c.querySelectorAll('img')].map((i) => ({
        src: new URL(i.src).pathname,
        style: i.getAttribute('style'),
        onerror: i.getAttribute('onerror'),
      })),
      inline: c.querySelectorAll('script, style, iframe, svg, [style], [onclick], [onmouseover]').length,
      text: c.textContent,
    }));
    assert.deepEqual(shown.links, ['https://example.org/'], 'only the safe link stays a link');
    assert.deepEqual(shown.images, [{ src: '/demo/images/portrait-olec.svg', style: null, onerror: null }]);
    assert.equal(shown.inline, 0, 'no inline script, style or frame survives');
    assert.match(shown.text, /einem Skript-Link/);
    // the article's image loads under img-src 'self' (it is lazy: scroll to it)
    await article.locator('img').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const img = document.querySelector('#rich').shadowRoot.querySelector('[part~="content"] img');
      return img?.complete && img.naturalWidth > 0;
    });
    assert.deepEqual(await violations(rec), { seen: [], messages: [] });
  });
});
