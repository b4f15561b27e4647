// A page prerendered by `cluster-reportage render` (the CLI, on a page with all three elements):
// what a visitor sees without JavaScript, and what happens when the script and the feed arrive
// late, arrive with changed data, or the feed fails.
/* global customElements, PerformanceObserver, MutationObserver, Element, requestAnimationFrame, structuredClone -- functions passed to the page run in the browser; structuredClone is Node 20's */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ALL, TAGS, e2e, waitForState } from './harness.mjs';
import { root } from './server.mjs';

const TALL = { width: 1024, height: 2600 }; // every element in the viewport, where a shift would count
const TEMPLATE = readFileSync(join(root, 'tests/fixtures/prerender/page.html'), 'utf8');
const sample = JSON.parse(readFileSync(join(root, 'demo/feed.json'), 'utf8'));
const NEWS_TITLE = sample.items[0].title;

/** Runs `cluster-reportage render` on the page template with `feed` as every element's src; writes `out`. */
async function prerender(server, dir, { feed, script = '/dist/cluster-reportage.js', out }) {
  const source = TEMPLATE.replaceAll('SCRIPT', script).replaceAll('FEED', feed);
  const cli = spawn(
    process.execPath,
    ['bin/cluster-reportage.js', 'render', '--feed', 'demo/feed.json', '--base', server.url(`/prerendered/${out}`)],
    { cwd: root },
  );
  let stdout = '';
  let stderr = '';
  cli.stdout.on('data', (c) => (stdout += c));
  cli.stderr.on('data', (c) => (stderr += c));
  cli.stdin.end(source);
  const [status] = await once(cli, 'close');
  assert.equal(status, 0, `render failed: ${stderr}`);
  writeFileSync(join(dir, out), stdout);
  return source;
}

/**
 * Watches the page from its first byte: layout shifts (PerformanceObserver), every node added to
 * one of our shadow roots that is or holds a loading placeholder, the feed events, and what the
 * page showed when its HTML was parsed (before the delayed script ran).
 */
function watch() {
  const w = (window.__watch = { shifts: [], placeholders: 0, events: [], parsed: undefined });
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) w.shifts.push(e.value);
  });
  po.observe({ type: 'layout-shift', buffered: true });
  w.flush = () => po.takeRecords().forEach((e) => e.hadRecentInput || w.shifts.push(e.value));
  for (const type of ['cluster-feed-load', 'cluster-feed-error'])
    document.addEventListener(type, (e) => w.events.push(`${e.target.localName}:${type}`));
  const observe = (root) =>
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n.nodeType === 1 && (n.matches('[part~="loading"]') || n.querySelector('[part~="loading"]')))
            w.placeholders++;
    }).observe(root, { childList: true, subtree: true });
  // a root the element makes itself (an element that was not prerendered) is watched from its start
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const r = attach.call(this, init);
    observe(r);
    return r;
  };
  // "interactive": the HTML is parsed, deferred and module scripts have not run yet
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const els = [...document.querySelectorAll('cluster-news-card, cluster-journey, cluster-portrait')];
    for (const el of els) if (el.shadowRoot) observe(el.shadowRoot);
    w.parsed = {
      defined: els.some((el) => customElements.get(el.localName)),
      titles: els.map((el) => el.shadowRoot?.querySelector('[part~="title"]')?.textContent.trim() ?? ''),
      body: document.querySelector('cluster-news-card').shadowRoot?.querySelector('[part~="content"]')?.innerHTML,
    };
  });
}

/** Waits for the script's own outcome (`state` is "ready" in the prerendered HTML already): an event from each element. */
const settled = (page, timeout = 10_000) =>
  page.waitForFunction(() => window.__watch.events.length >= 3, null, { timeout, polling: 50 });

/** What the page shows now: per element its titles, error messages and placeholders; the shifts after two frames. */
const outcome = (page) =>
  page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r))));
    const w = window.__watch;
    w.flush();
    const els = [...document.querySelectorAll('cluster-news-card, cluster-journey, cluster-portrait')];
    return {
      cls: w.shifts.reduce((a, b) => a + b, 0),
      placeholders: w.placeholders,
      events: w.events.sort(),
      parsed: w.parsed,
      // Lit's marker comments aside
      body: document
        .querySelector('cluster-news-card')
        .shadowRoot.querySelector('[part~="content"]')
        ?.innerHTML.replace(/<!--[^>]*-->/g, ''),
      shown: els.map((el) => ({
        titles: [...el.shadowRoot.querySelectorAll('[part~="title"]')].map((t) => t.textContent.trim()),
        errors: el.shadowRoot.querySelectorAll('[part~="error"]').length,
        loading: el.shadowRoot.querySelectorAll('[part~="loading"]').length,
        styles: el.shadowRoot.querySelectorAll('style').length,
      })),
    };
  });

describe('a page prerendered by `cluster-reportage render`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-reportage-prerendered-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const env = e2e({ mounts: { '/prerendered/': dir } });

  before(async () => {
    // a feed that changed after the build: other titles, same images
    cpSync(join(root, 'demo/images'), join(dir, 'images'), { recursive: true });
    const changed = structuredClone(sample);
    changed.items[0].title = 'Neu: die Reportagen sind online';
    for (const item of changed.items)
      if (item.id === 'portrait-optence') item._reportage.cluster.name = 'Optence (neu)';
    writeFileSync(join(dir, 'changed.json'), JSON.stringify(changed));
    const late = { feed: '/mock/feed?delay=2000', script: '/dist/cluster-reportage.js?delay=2000', out: 'late.html' };
    const [source] = await Promise.all([
      prerender(env.server, dir, late),
      prerender(env.server, dir, { feed: '/prerendered/changed.json', out: 'changed.html' }),
      prerender(env.server, dir, { feed: '/mock/respond?status=500&delay=300', out: 'failing.html' }),
    ]);
    // the same page without prerendering: the control that shows what the watchers catch
    writeFileSync(join(dir, 'late-plain.html'), source);
  });

  it('shows title, date, summary and links of every card with JavaScript off, and no fallback link twice', async () => {
    const { page } = await env.open('/prerendered/late.html', { javaScriptEnabled: false, viewport: TALL });
    const card = page.locator('cluster-news-card');
    assert.equal(await card.locator('[part~="title"]').innerText(), NEWS_TITLE);
    assert.equal(await card.locator('[part~="date"]').innerText(), '2. Februar 2021');
    assert.ok(await card.locator('[part~="summary"]').isVisible(), 'the summary is shown');
    assert.ok((await card.locator('[part~="content"]').innerText()).includes('Stationen der Reportagereise'));
    assert.equal(await card.locator('[part~="link"]').count(), 6, 'read-more and five further links');
    assert.equal(await card.locator('[part~="link"].more').getAttribute('href'), sample.items[0].url);
    const journey = page.locator('cluster-journey');
    assert.equal(await journey.locator('[part~="title"]').innerText(), 'Stationen der Reportagereise');
    assert.equal(await journey.locator('[part~="station"]').count(), 4);
    const portrait = page.locator('cluster-portrait');
    assert.equal(await portrait.locator('[part~="title"]').innerText(), 'Optence e. V.');
    assert.equal(await portrait.locator('[part~="region"]').innerText(), 'Rheinhessen · Mainz');
    assert.equal(await portrait.locator('a[part~="link"]').count(), 2);
    for (const tag of TAGS)
      assert.ok(await page.locator(`${tag} [part~="title"]`).isVisible(), `<${tag}> title visible`);
    // the light-DOM fallback is in the page (for the error state) but not shown beside the card
    assert.equal(await page.locator('cluster-portrait > a').count(), 1);
    assert.equal(await page.locator('cluster-portrait > a').isVisible(), false);
    assert.equal(await page.locator('cluster-news-card > a').isVisible(), false);
  });

  it('keeps the content on screen while the script and the feed take 2 s: no placeholder, no shift, nothing twice', async () => {
    // both at once (each waits 2 s for the script, then 2 s for the feed); the control page is the
    // same page without prerendering: the watchers do see what its elements do
    const options = { init: watch, wait: false, viewport: TALL };
    const [control, { page }] = await Promise.all([
      env.open('/prerendered/late-plain.html', options),
      env.open('/prerendered/late.html', options),
    ]);
    await Promise.all([settled(control.page), settled(page)]);
    const plain = await outcome(control.page);
    assert.ok(plain.placeholders >= 3, `the control page showed ${plain.placeholders} placeholders`);
    assert.ok(plain.cls > 0.01, `the control page shifted by ${plain.cls}`);
    const seen = await outcome(page);
    assert.equal(seen.parsed.defined, false, 'the script had not run when the page was parsed');
    assert.deepEqual(seen.parsed.titles, [NEWS_TITLE, 'Stationen der Reportagereise', 'Optence e. V.']);
    assert.equal(seen.placeholders, 0, 'no placeholder was ever added');
    assert.equal(seen.cls.toFixed(3), '0.000');
    assert.deepEqual(
      seen.shown.map((s) => s.titles),
      [[NEWS_TITLE], ['Stationen der Reportagereise'], ['Optence e. V.']],
      'each title once',
    );
    // the script's own render replaced the server's: its styles are adopted, not the prerendered <style>
    assert.deepEqual(
      seen.shown.map((s) => s.styles),
      [0, 0, 0],
    );
    assert.equal(seen.body, seen.parsed.body, 'the article body is the one the server sanitized');
    assert.deepEqual(
      seen.events,
      ['cluster-journey', 'cluster-news-card', 'cluster-portrait'].map((t) => `${t}:cluster-feed-load`),
    );
  });

  it('shows the new content when the feed changed after the page was built', async () => {
    const { page } = await env.open('/prerendered/changed.html', { init: watch, viewport: TALL });
    await settled(page);
    await waitForState(page, ALL, 'ready');
    const titles = await page.$$eval(ALL, (els) =>
      els.map((el) => [...el.shadowRoot.querySelectorAll('[part~="title"]')].map((t) => t.textContent.trim())),
    );
    assert.deepEqual(titles, [
      ['Neu: die Reportagen sind online'],
      ['Stationen der Reportagereise'],
      ['Optence (neu)'],
    ]);
    const text = await page.$eval('cluster-news-card', (el) => el.shadowRoot.textContent);
    assert.ok(!text.includes(NEWS_TITLE), 'the old title is gone');
  });

  it('keeps the prerendered content and fires cluster-feed-error when the feed fails', async () => {
    const rec = await env.open('/prerendered/failing.html', { init: watch, viewport: TALL });
    const { page } = rec;
    await settled(page);
    await waitForState(page, ALL, 'error');
    const seen = await outcome(page);
    assert.deepEqual(
      seen.events,
      ['cluster-journey', 'cluster-news-card', 'cluster-portrait'].map((t) => `${t}:cluster-feed-error`),
    );
    assert.deepEqual(
      seen.shown.map((s) => [s.titles.length, s.errors, s.loading]),
      [
        [1, 0, 0],
        [1, 0, 0],
        [1, 0, 0],
      ],
      'each element still shows its prerendered title, no error message and no placeholder',
    );
    for (const tag of TAGS) assert.ok(await page.locator(`${tag} [part~="title"]`).isVisible());
    // Chromium logs the feed's 500 itself; that one is expected here
    const mine = rec.consoleErrors.filter((m) => !/status of 500/.test(m));
    assert.equal(rec.consoleErrors.length, 1, rec.consoleErrors.join(' | '));
    rec.consoleErrors.splice(0, rec.consoleErrors.length, ...mine);
  });
});
