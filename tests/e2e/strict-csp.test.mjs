// The widgets on pages with a strict Content-Security-Policy: scripts and
// styles only from the page's own origin, no inline code, Trusted Types
// required for every HTML sink. The pages record every violation
// (pages/csp-watch.js, read back by the harness's cspViolations); a site with
// `report-to` would receive each one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL, waitForStation, cspViolations, e2e, selectNextStation, waitForState } from './harness.mjs';
import { STRICT_CSP } from './server.mjs';

describe('a page with a strict Content-Security-Policy and Trusted Types', () => {
  const env = e2e();

  it('shows all three elements, the sanitized article and a working journey without a single violation', async () => {
    const page = await env.open('/tests/e2e/pages/csp.html');
    assert.equal(
      page.response.headers['content-security-policy'],
      STRICT_CSP,
      'the page is served with the strict policy',
    );
    await waitForState(page, ALL, 'ready');
    await page.waitFor(
      () =>
        document.querySelector('#sample').shadowRoot.querySelector('[part~="content"]')?.textContent.trim().length >
        100,
    );
    // the journey works under the policy and updates the portrait
    await selectNextStation(page);
    assert.deepEqual(await waitForStation(page, 1), { current: '1', ariaCurrent: 1 });
    await page.waitFor(() => document.getElementById('portrait').getAttribute('cluster') === 'biocon-valley');
    await page.waitFor(
      () =>
        document.getElementById('portrait').shadowRoot.querySelector('[part~="title"]')?.textContent.trim() ===
        'BioCon Valley®',
    );
    assert.deepEqual(await page.evaluate(() => window.stationSelects), [1]);
    assert.deepEqual(await cspViolations(page), { seen: [], messages: [] });
  });

  it('shows an article with inline styles, handlers and scripts sanitized, without a single violation', async () => {
    const page = await env.open('/tests/e2e/pages/csp-article.html');
    await waitForState(page, '#rich', 'ready');
    const ARTICLE = '#rich >>> [part~="content"]';
    await page.waitForText('Ende des Artikels.', ARTICLE);
    const shown = await page.$eval(ARTICLE, (c) => ({
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
    await page.$eval(ARTICLE, (c) => c.querySelector('img').scrollIntoView({ block: 'center', behavior: 'instant' }));
    await page.waitFor(() => {
      const img = document.querySelector('#rich').shadowRoot.querySelector('[part~="content"] img');
      return img?.complete && img.naturalWidth > 0;
    });
    assert.deepEqual(await cspViolations(page), { seen: [], messages: [] });
  });
});
