// The snippet builder (demo/builder.html) as a CMS editor uses it: pick an
// element and its options from the feed's entries, watch the preview, copy the
// snippet, paste it into a page of their site. The builder is served with the
// strict policy (no inline code), so the harness's console check also catches
// any violation.
/* global navigator, Navigator, getComputedStyle -- functions passed to page.evaluate run in the browser */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2e, waitForState } from './harness.mjs';
import { STRICT_CSP } from './server.mjs';

const BUILDER = '/demo/builder.html';

/** The snippet pasted into a CMS page of the same site (a route answers with it; nothing else on the page). */
async function paste(rec, snippet, server) {
  const page = await rec.context.newPage();
  page.setDefaultTimeout(5000);
  page.on('pageerror', (e) => rec.errors.push(String(e?.stack ?? e)));
  page.on('console', (m) => m.type() === 'error' && rec.consoleErrors.push(m.text()));
  const url = server.url('/cms/seite.html');
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CMS</title></head><body><h1>Unsere Region</h1>\n${snippet}</body></html>`,
    }),
  );
  await page.goto(url);
  return page;
}

/** The visible heading of the element: tag name and text. */
const headingOf = (page, selector) =>
  page.$eval(selector, (el) => {
    const h = el.shadowRoot.querySelector('[part~="title"]');
    return { tag: h?.localName, text: h?.textContent.trim() };
  });

/** A feed whose titles and names are full of quotes, angle brackets and ampersands. */
const NASTY = {
  title: `Tom & "Jerry" <img src=x onerror="window.hacked=1">'s Meldung`,
  id: `meldung-"1"<b>&amp;`,
  cluster: `Cluster </a><script>window.hacked=2</script> & Co`,
  journey: `Reise </textarea><img src=x onerror="window.hacked=3">`,
};
const nastyFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Feed "mit" <Zeichen> & Co',
  home_page_url: 'https://example.org/?a=1&b="2"',
  items: [
    {
      id: NASTY.id,
      url: 'https://example.org/news?x=1&y="2"',
      title: NASTY.title,
      content_text: 'Text',
      date_published: '2024-05-01T10:00:00Z',
    },
    { id: 'older', title: 'Ältere Meldung', content_text: 'Text', date_published: '2023-01-01T10:00:00Z' },
    {
      id: 'p1',
      url: 'https://example.org/portrait',
      title: 'Porträt',
      content_text: 'Text',
      _reportage: { kind: 'portrait', cluster: { slug: 'nasty', name: NASTY.cluster } },
    },
  ],
  _reportage: { journeys: [{ id: 'reise"1"', title: NASTY.journey, stations: [{ item: 'p1' }] }] },
};

describe('the snippet builder', () => {
  const env = e2e();

  it('builds a portrait snippet from the feed entries, previews it, copies it, and the pasted snippet renders', async () => {
    const rec = await env.open(BUILDER);
    const { page, context, response } = rec;
    assert.equal(
      response.headers()['content-security-policy'],
      STRICT_CSP,
      'the builder works under the strict policy',
    );
    // the feed's own entries appear as choices
    await page.locator('#cluster option[value="olec"]').waitFor({ state: 'attached' });
    await page.getByText('Feed geladen: 1 Meldung, 4 Porträts, 1 Reise.').waitFor();
    assert.deepEqual(await page.$$eval('#cluster option', (os) => os.map((o) => o.textContent)), [
      'Optence e. V.',
      'BioCon Valley®',
      'OLEC',
      'BioEconomy',
    ]);

    await page.getByRole('radio', { name: /Clusterporträt/ }).check();
    await page.getByLabel('Cluster', { exact: true }).selectOption({ label: 'OLEC' });
    await page.getByLabel(/Sprache der Bedienelemente/).selectOption('en');
    await page.getByLabel(/Überschriftenebene/).selectOption('2');
    // options that do not apply to a portrait are not offered
    assert.equal(await page.getByRole('radio', { name: /Kompakt/ }).isVisible(), false);
    assert.equal(await page.getByLabel(/Meldung \(item\)/).isVisible(), false);

    const snippet = await page.inputValue('#snippet');
    const origin = env.server.origin;
    assert.ok(
      snippet.startsWith(`<script type="module" src="${origin}/dist/cluster-reportage.js"></script>\n`),
      snippet,
    );
    for (const part of [
      '<cluster-portrait',
      `src="${origin}/demo/feed.json"`,
      'cluster="olec"',
      'lang="en"',
      'heading-level="2"',
    ]) {
      assert.ok(snippet.includes(part), `the snippet has ${part}:\n${snippet}`);
    }
    assert.match(
      snippet,
      /<a href="https:\/\/www\.clusterplattform\.de\/[^"]*clusterreportage-olec\.html">Clusterreportage OLEC: [^<]+<\/a>/,
      'a readable fallback link',
    );
    assert.doesNotMatch(snippet, /<style|variant=|item=/, 'nothing the editor did not choose');

    // the preview is the real element with exactly these attributes
    await waitForState(page, '#preview cluster-portrait', 'ready');
    assert.deepEqual(await headingOf(page, '#preview cluster-portrait'), { tag: 'h2', text: 'OLEC' });
    assert.match(
      await page.locator('#preview cluster-portrait [part~="focus"]').innerText(),
      /^Focus/,
      'English interface text',
    );

    // one click copies exactly what the box shows, and says so
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.getByRole('button', { name: /Snippet kopieren/ }).click();
    await page
      .locator('#copy-status')
      .getByText(/Kopiert/)
      .waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);

    // pasted into a page of the site, it shows the same portrait
    const pasted = await paste(rec, snippet, env.server);
    await waitForState(pasted, 'cluster-portrait', 'ready');
    assert.deepEqual(await headingOf(pasted, 'cluster-portrait'), { tag: 'h2', text: 'OLEC' });
    assert.match(await pasted.locator('cluster-portrait [part~="focus"]').innerText(), /^Focus/);
  });

  it('links a journey strip and a portrait, with a theme, and the pasted pair works by keyboard', async () => {
    const rec = await env.open(BUILDER);
    const { page } = rec;
    await page.locator('#journey option[value="reportagereise-2021"]').waitFor({ state: 'attached' });
    // keyboard only: the element choice is a radio group
    await page.getByRole('radio', { name: /Meldung/ }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByRole('radio', { name: /mit Porträt/ }).isChecked(), true);
    await page.getByLabel(/Gestaltung/).selectOption({ label: 'Wald (forest)' });
    await waitForState(page, '#preview cluster-journey, #preview cluster-portrait', 'ready');
    // the preview wears the theme
    assert.equal(
      await page.$eval('#preview cluster-portrait', (el) =>
        getComputedStyle(el).getPropertyValue('--cluster-accent').trim(),
      ),
      '#1d5e2c',
    );

    const snippet = await page.inputValue('#snippet');
    assert.match(snippet, /<style>\n\.theme-forest \{\n {2}--cluster-accent: #1d5e2c;/);
    assert.match(snippet, /\.theme-forest cluster-portrait::part\(base\)/);
    assert.doesNotMatch(snippet, /theme-harbour|cluster-news-card/, 'only the rules this snippet needs');
    assert.match(
      snippet,
      /<div class="theme-forest">\n {2}<cluster-journey [^>]*journey="reportagereise-2021" for="portrait-reportagereise-2021"/,
    );
    assert.match(snippet, /<cluster-portrait id="portrait-reportagereise-2021" [^>]*cluster="optence"/);

    const pasted = await paste(rec, snippet, env.server);
    await waitForState(pasted, 'cluster-journey, cluster-portrait', 'ready');
    assert.equal(
      await pasted.$eval('cluster-portrait', (el) => getComputedStyle(el).getPropertyValue('--cluster-accent').trim()),
      '#1d5e2c',
      'the pasted <style> applies the theme',
    );
    await pasted.locator('cluster-journey [part~="station-current"]').focus();
    await pasted.keyboard.press('ArrowRight');
    await pasted.keyboard.press('ArrowRight');
    await pasted.keyboard.press('Enter');
    await pasted.waitForFunction(
      () =>
        document.querySelector('cluster-portrait').shadowRoot.querySelector('[part~="title"]')?.textContent.trim() ===
        'OLEC',
    );
  });

  it('builds a list of the latest reportages with a tag filter, and the pasted list shows them', async () => {
    const rec = await env.open(BUILDER);
    const { page } = rec;
    await page.locator('#tag option[value="Energiewende"]').waitFor({ state: 'attached' });
    await page.getByRole('radio', { name: /Neueste Reportagen/ }).check();
    // options that do not apply to a list are not offered
    assert.equal(await page.getByLabel(/Meldung \(item\)/).isVisible(), false);
    assert.equal(await page.getByRole('radio', { name: /Kompakt/ }).isVisible(), false);
    // the feed's own tags, most used first
    assert.deepEqual((await page.$$eval('#tag option', (os) => os.map((o) => o.textContent))).slice(0, 3), [
      'Alle Einträge (kein Filter)',
      'Clusterreportage (5)',
      'go-cluster (5)',
    ]);
    await page.getByLabel(/Art der Einträge/).selectOption({ label: 'Porträts' });
    await page.getByLabel(/Nur mit Schlagwort/).selectOption('Energiewende');
    await page.getByLabel(/Anzahl/).fill('2');
    const snippet = await page.inputValue('#snippet');
    const origin = env.server.origin;
    assert.match(
      snippet,
      new RegExp(
        `<cluster-news-list src="${origin}/demo/feed.json" limit="2" kind="portrait" tag="Energiewende" heading-level="3">\n  <a href="https://www\\.clusterplattform\\.de/[^"]*">go-cluster – Clusterreportagen</a>\n</cluster-news-list>`,
      ),
      snippet,
    );
    await waitForState(page, '#preview cluster-news-list', 'ready');
    const titles = (p) =>
      p.$$eval('cluster-news-list', (els) =>
        [...els.at(-1).shadowRoot.querySelectorAll('[part~="title"]')].map((h) => h.textContent.trim()),
      );
    assert.deepEqual(await titles(page), ['OLEC']);

    const pasted = await paste(rec, snippet, env.server);
    await waitForState(pasted, 'cluster-news-list', 'ready');
    assert.deepEqual(await titles(pasted), ['OLEC']);
    // the default limit, kind and no tag are left out of the snippet
    await page.getByLabel(/Anzahl/).fill('3');
    await page.getByLabel(/Art der Einträge/).selectOption({ label: 'Meldungen' });
    await page.getByLabel(/Nur mit Schlagwort/).selectOption('');
    assert.match(await page.inputValue('#snippet'), /<cluster-news-list src="[^"]+" heading-level="3">/);
  });

  it('escapes titles full of quotes, brackets and ampersands, so the pasted snippet shows them as text', async () => {
    const rec = await env.open(BUILDER);
    const { page } = rec;
    await page.locator('#cluster option[value="olec"]').waitFor({ state: 'attached' });
    const feedUrl = env.server.url(
      `/mock/respond?body=${Buffer.from(JSON.stringify(nastyFeed)).toString('base64url')}`,
    );
    await page.getByLabel(/Adresse des Feeds/).fill(feedUrl);
    await page.getByRole('button', { name: /Laden/ }).click();
    await page.getByText('Feed geladen: 2 Meldungen, 1 Porträt, 1 Reise.').waitFor();

    await page.getByLabel(/Meldung \(item\)/).selectOption({ label: NASTY.title });
    let snippet = await page.inputValue('#snippet');
    assert.ok(snippet.includes('item="meldung-&quot;1&quot;&lt;b&gt;&amp;amp;"'), snippet);
    assert.ok(
      snippet.includes(
        '>Tom &amp; &quot;Jerry&quot; &lt;img src=x onerror=&quot;window.hacked=1&quot;&gt;&#39;s Meldung</a>',
      ),
      snippet,
    );
    assert.ok(snippet.includes(`src="${feedUrl}"`), 'the feed URL as given');
    assert.doesNotMatch(snippet, /<img|<b>/);
    let pasted = await paste(rec, snippet, env.server);
    await waitForState(pasted, 'cluster-news-card', 'ready');
    assert.equal(await pasted.getAttribute('cluster-news-card', 'item'), NASTY.id, 'the attribute arrives unchanged');
    assert.deepEqual(await headingOf(pasted, 'cluster-news-card'), { tag: 'h3', text: NASTY.title });
    assert.equal(
      await pasted.locator('cluster-news-card > a').textContent(),
      NASTY.title,
      'the fallback link shows the title as text',
    );
    assert.equal(
      await pasted.locator('cluster-news-card > a').getAttribute('href'),
      'https://example.org/news?x=1&y=%222%22',
    );
    await pasted.close();

    // the portrait's name and the journey's title, with the newest item
    await page.getByRole('radio', { name: /mit Porträt/ }).check();
    snippet = await page.inputValue('#snippet');
    assert.ok(snippet.includes('journey="reise&quot;1&quot;" for="portrait-reise-1-"'), snippet);
    assert.ok(
      snippet.includes('<a href="https://example.org/?a=1&amp;b=%222%22">Reise &lt;/textarea&gt;&lt;img'),
      snippet,
    );
    pasted = await paste(rec, snippet, env.server);
    await waitForState(pasted, 'cluster-journey, cluster-portrait', 'ready');
    assert.deepEqual(await headingOf(pasted, 'cluster-journey'), { tag: 'h3', text: NASTY.journey });
    assert.deepEqual(await headingOf(pasted, 'cluster-portrait'), { tag: 'h3', text: NASTY.cluster });
    const injected = await pasted.evaluate(() => ({
      hacked: window.hacked,
      elements: document.querySelectorAll('body img, body script:not([src]), body b').length,
    }));
    assert.deepEqual(injected, { hacked: undefined, elements: 0 }, 'nothing from the feed became markup');
  });

  it('copies without the clipboard API too (older browsers, plain http), and leaves the snippet selected', async () => {
    const rec = await env.open(BUILDER);
    const { page, context } = rec;
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.reload();
    await page.locator('#journey option[value="reportagereise-2021"]').waitFor({ state: 'attached' });
    await page.getByRole('radio', { name: /^Reise-Leiste \(journey strip\)/ }).check();
    await page.getByLabel(/Script-Tag einschließen/).uncheck();
    const snippet = await page.inputValue('#snippet');
    assert.match(
      snippet,
      /^<cluster-journey src="[^"]+" journey="reportagereise-2021" heading-level="3">/,
      'without the script tag when the editor says so',
    );
    await page.getByRole('button', { name: /Snippet kopieren/ }).click();
    await page
      .locator('#copy-status')
      .getByText(/Kopiert/)
      .waitFor();
    assert.deepEqual(
      await page.$eval('#snippet', (t) => [document.activeElement === t, t.selectionStart, t.selectionEnd]),
      [true, 0, snippet.length],
    );
    // read the clipboard back from another page of the site that still has the API
    await context.grantPermissions(['clipboard-read'], { origin: env.server.origin });
    const reader = await context.newPage();
    await reader.goto(env.server.url('/demo/feed.json'));
    assert.equal(await reader.evaluate(() => navigator.clipboard.readText()), snippet);
  });

  it('says so when the feed cannot be loaded, and keeps the address it was given', async () => {
    const rec = await env.open(BUILDER);
    const { page } = rec;
    await page.locator('#cluster option[value="olec"]').waitFor({ state: 'attached' });
    await page.getByLabel(/Adresse des Feeds/).fill('javascript:alert(1)');
    await page.getByRole('button', { name: /Laden/ }).click();
    await page.getByText(/Bitte eine vollständige Adresse/).waitFor();
    assert.equal(await page.getAttribute('#feed-url', 'aria-invalid'), 'true');
    assert.ok((await page.inputValue('#snippet')).includes('/demo/feed.json'), 'the last good snippet stays');

    await page
      .getByLabel(/Adresse des Feeds/)
      .fill(env.server.url('/mock/respond?status=404&type=text/html&body=bm9wZQ'));
    await page.getByLabel(/Adresse des Feeds/).press('Enter');
    await page.getByText(/Der Feed konnte nicht geladen werden/).waitFor();
    await waitForState(page, '#preview cluster-news-card', 'error');
    assert.equal(
      await page.$eval('#cluster', (s) => s.options[0].textContent),
      'Feed nicht geladen',
      'no stale choices from the old feed',
    );
    // the browser logs the 404 itself; that one is expected
    rec.consoleErrors.splice(0, rec.consoleErrors.length, ...rec.consoleErrors.filter((m) => !/404/.test(m)));
  });
});
