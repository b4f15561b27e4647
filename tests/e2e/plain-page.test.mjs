// A plain HTML page with the script tag a site owner pastes, and the same
// bundle loaded twice or in two copies.
/* global customElements, visible -- functions passed to page.evaluate run in the browser (visible() from the harness) */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, after } from 'node:test';
import { ALL, TAGS, e2e, waitForState } from './harness.mjs';
import { root } from './server.mjs';

const SANITIZER = /\/chunks\/sanitize-[\w-]+\.js$/;

/** Every element shows a visible heading in its shadow root. */
async function assertTitles(page) {
  for (const tag of TAGS) {
    const title = await page.$eval(tag, (el) => {
      const t = el.shadowRoot?.querySelector('[part~="title"]');
      const box = t?.getBoundingClientRect();
      return t && { width: box.width, height: box.height, text: t.innerText };
    });
    assert.ok(title, `<${tag}> has no part="title"`);
    assert.ok(title.height > 0 && title.width > 0, `<${tag}> shows no visible title`);
    assert.ok(title.text.trim(), `<${tag}> has an empty title`);
  }
}

describe('a plain page without a build step', () => {
  const env = e2e();

  it('shows the news card, the journey and the portrait from the sample feed', async () => {
    const page = await env.open('/tests/e2e/pages/plain.html');
    await waitForState(page, ALL, 'ready');
    await assertTitles(page);
    assert.equal(await page.$eval('cluster-portrait >>> [part~="title"]', (t) => t.innerText), 'Optence e. V.');
  });

  it('does not download the HTML sanitizer for compact cards', async () => {
    const page = await env.open('/tests/e2e/pages/plain.html');
    await waitForState(page, ALL, 'ready');
    await page.settle();
    const requests = page.requests();
    assert.ok(
      requests.some((r) => r.startsWith('/dist/cluster-reportage.js')),
      'the bundle was requested',
    );
    assert.deepEqual(
      requests.filter((r) => SANITIZER.test(r)),
      [],
    );
  });

  it('downloads the sanitizer beside the bundle and shows the article body for variant="full"', async () => {
    const page = await env.open('/tests/e2e/pages/plain.html');
    await waitForState(page, ALL, 'ready');
    await page.$eval('cluster-news-card', (card) => card.setAttribute('variant', 'full'));
    assert.match(await page.waitForRequest(SANITIZER), /^\/dist\/chunks\//);
    await page.waitFor(() =>
      visible(document.querySelector('cluster-news-card').shadowRoot.querySelector('[part~="content"]')),
    );
    await page.waitFor(
      () =>
        document.querySelector('cluster-news-card').shadowRoot.querySelector('[part~="content"]')?.textContent.trim()
          .length > 100,
    );
  });
});

describe('a script URL with a cache-busting query', () => {
  const env = e2e();

  it('downloads the bundle once, also when the full card loads the sanitizer', async () => {
    const page = await env.open('/tests/e2e/pages/versioned.html');
    await waitForState(page, 'cluster-news-card', 'ready');
    await page.waitFor(() =>
      document.querySelector('cluster-news-card').shadowRoot.querySelector('[part~="content"]')?.textContent.trim(),
    );
    await page.settle();
    const requests = page.requests();
    const { warnings } = await page.log();
    assert.ok(
      requests.some((r) => SANITIZER.test(r)),
      'the sanitizer was loaded',
    );
    // a chunk that imports "../cluster-reportage.js" without the query runs a second copy of the whole bundle
    assert.deepEqual(
      requests.filter((r) => r.startsWith('/dist/cluster-reportage.js')),
      ['/dist/cluster-reportage.js?ver=1.0.0'],
    );
    assert.deepEqual(warnings, []);
  });
});

describe('the bundle loaded twice and in two copies', () => {
  const copy = mkdtempSync(join(tmpdir(), 'cluster-reportage-copy-'));
  cpSync(join(root, 'dist/cluster-reportage.js'), join(copy, 'cluster-reportage.js'));
  cpSync(join(root, 'dist/chunks'), join(copy, 'chunks'), { recursive: true });
  after(() => rmSync(copy, { recursive: true, force: true }));
  const env = e2e({ mounts: { '/copy/': copy } });

  it('throws nothing, warns at most once per element name, and every element still works', async () => {
    const page = await env.open('/tests/e2e/pages/twice.html');
    await waitForState(page, ALL, 'ready');
    await assertTitles(page);
    // both copies really ran (else this test proves nothing), and the first definition stayed
    assert.ok(page.requests().includes('/copy/cluster-reportage.js'), 'the second copy was requested');
    const copies = await page.evaluate(async () => {
      const first = await import('/dist/cluster-reportage.js');
      const second = await import('/copy/cluster-reportage.js');
      return {
        two: first.ClusterNewsCard !== second.ClusterNewsCard,
        firstWins: customElements.get('cluster-news-card') === first.ClusterNewsCard,
      };
    });
    assert.deepEqual(copies, { two: true, firstWins: true });
    await page.waitFor(() =>
      document.querySelector('cluster-news-card').shadowRoot.querySelector('[part~="content"]')?.textContent.trim(),
    );
    const { warnings } = await page.log();
    for (const tag of TAGS) {
      const mine = warnings.filter((w) => w.includes(`<${tag}>`));
      assert.ok(mine.length <= 1, `<${tag}> warned ${mine.length} times: ${mine.join(' | ')}`);
    }
  });
});
