// A page prerendered by `cluster-reportage render` (the CLI, on a page with all three elements):
// what a visitor sees without JavaScript, and what happens when the script and the feed arrive
// late, arrive with changed data, or the feed fails.
/* global customElements, requestAnimationFrame, visible, structuredClone -- functions passed to the page run in the browser (visible() is the harness's); structuredClone is Node 20's */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ENGINE, cannot, e2e, waitForState } from './harness.mjs';

/** The page's four elements, in document order (the harness's TAGS has no list). */
const TAGS = ['cluster-news-card', 'cluster-journey', 'cluster-portrait', 'cluster-news-list'];
const ALL = TAGS.join(', ');
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
}

/** The watcher of init/prerender-watch.js, first on the page (what it records is described there). */
const WATCH = ['prerender-watch.js'];

/** Waits for the script's own outcome (`state` is "ready" in the prerendered HTML already): an event from each element. */
const settled = (page) => page.waitFor(() => window.__watch.events.length >= 4);

/** Waits until the page has drawn two more frames (the watcher samples every one). */
const frames = async (page) => {
  const n = await page.evaluate(() => window.__watch.frames);
  await page.waitFor((at) => window.__watch.frames >= at + 2, n);
};

/** What the page shows now: per element its titles, error messages and placeholders; the shifts after two frames. */
const outcome = (page) =>
  page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r))));
    const w = window.__watch;
    w.flush();
    const els = [
      ...document.querySelectorAll('cluster-news-card, cluster-journey, cluster-portrait, cluster-news-list'),
    ];
    return {
      // null: the browser reports no layout shifts (see init/prerender-watch.js)
      cls: w.shifts && w.shifts.reduce((a, b) => a + b, 0),
      moves: w.moves,
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

/** Whether every element's title is on screen, and how many placeholders the watcher has seen added. */
const onScreen = (page) =>
  page.evaluate(() => ({
    titles: [
      ...document.querySelectorAll('cluster-news-card, cluster-journey, cluster-portrait, cluster-news-list'),
    ].map((el) => visible(el.shadowRoot?.querySelector('[part~="title"]'))),
    placeholders: window.__watch.placeholders,
  }));

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
    // the script and the feed of late.html are held back by the server until the test releases them
    const late = { feed: '/mock/feed?hold=late-feed', script: '/dist/cluster-reportage.js?hold=late-script' };
    await Promise.all([
      prerender(env.server, dir, { ...late, out: 'late.html' }),
      prerender(env.server, dir, { feed: '/prerendered/changed.json', out: 'changed.html' }),
      prerender(env.server, dir, { feed: '/mock/respond?status=500&hold=failing-feed', out: 'failing.html' }),
    ]);
    // the same page without prerendering (its own held requests): the control that shows what the watchers catch
    writeFileSync(
      join(dir, 'late-plain.html'),
      TEMPLATE.replaceAll('SCRIPT', '/dist/cluster-reportage.js?hold=plain-script').replaceAll(
        'FEED',
        '/mock/feed?hold=plain-feed',
      ),
    );
  });

  it('shows title, date, summary and links of every card with JavaScript off, and no fallback link twice', async () => {
    // the page's script is held back by the server (and would not run): the page is there once it is parsed
    const page = await env.open('/prerendered/late.html', { javaScript: false, wait: false, viewport: TALL });
    await page.waitFor(() => document.readyState !== 'loading');
    const text = (target) => page.$eval(target, (el) => el.innerText);
    const count = (target) => page.$$eval(target, (els) => els.length);
    assert.equal(await text('cluster-news-card >>> [part~="title"]'), NEWS_TITLE);
    assert.equal(await text('cluster-news-card >>> [part~="date"]'), '2. Februar 2021');
    assert.ok(await page.visible('cluster-news-card >>> [part~="summary"]'), 'the summary is shown');
    assert.ok((await text('cluster-news-card >>> [part~="content"]')).includes('Stationen der Reportagereise'));
    assert.equal(await count('cluster-news-card >>> [part~="link"]'), 6, 'read-more and five further links');
    assert.equal(
      await page.$eval('cluster-news-card >>> [part~="link"].more', (a) => a.getAttribute('href')),
      sample.items[0].url,
    );
    assert.equal(await text('cluster-journey >>> [part~="title"]'), 'Stationen der Reportagereise');
    assert.equal(await count('cluster-journey >>> [part~="station"]'), 4);
    assert.equal(await text('cluster-portrait >>> [part~="title"]'), 'Optence e. V.');
    assert.equal(await text('cluster-portrait >>> [part~="region"]'), 'Rheinhessen · Mainz');
    assert.equal(await count('cluster-portrait >>> a[part~="link"]'), 2);
    assert.deepEqual(
      await page.$$eval('cluster-news-list >>> [part~="entry"] h2', (hs) => hs.map((h) => h.innerText.trim())),
      ['Optence e. V.', 'BioCon Valley®'],
      'the list’s two newest portraits, headings at heading-level 2',
    );
    for (const tag of TAGS) assert.ok(await page.visible(`${tag} >>> [part~="title"]`), `<${tag}> title visible`);
    assert.equal(
      await page.evaluate(() => !!customElements.get('cluster-portrait')),
      false,
      'no script ran on the page',
    );
    // the light-DOM fallback is in the page (for the error state) but not shown beside the card
    assert.equal(await count('cluster-portrait > a'), 1);
    assert.equal(await page.visible('cluster-portrait > a'), false);
    assert.equal(await page.visible('cluster-news-card > a'), false);
  });

  it('keeps the content on screen while the script and then the feed are on their way: no placeholder, no shift, nothing twice', async (t) => {
    const options = { init: WATCH, wait: false, viewport: TALL };
    // the control, the same page without prerendering: the watchers do see what its elements do
    const control = await env.open('/prerendered/late-plain.html', options);
    await control.waitForRequest(/^\/dist\/cluster-reportage\.js\?hold=plain-script$/);
    env.server.release('plain-script');
    await control.waitForRequest(/^\/mock\/feed\?hold=plain-feed$/);
    // the placeholders are drawn while the feed is on its way
    await control.waitFor(() => window.__watch.placeholders >= 3);
    await frames(control);
    env.server.release('plain-feed');
    await settled(control);
    const plain = await outcome(control);
    assert.ok(plain.placeholders >= 3, `the control page showed ${plain.placeholders} placeholders`);
    assert.ok(plain.moves.length > 0, 'the watcher saw the control page’s content move');
    if (plain.cls !== null) assert.ok(plain.cls > 0.01, `the control page shifted by ${plain.cls}`);
    await control.close();

    const page = await env.open('/prerendered/late.html', options);
    // parsed, and the script still on its way
    const parsed = await page.waitFor(() => window.__watch.parsed);
    await page.waitForRequest(/^\/dist\/cluster-reportage\.js\?hold=late-script$/);
    assert.equal(parsed.defined, false, 'the script had not run when the page was parsed');
    // the list's first entry heading (its parts: one title per entry)
    assert.deepEqual(parsed.titles, [NEWS_TITLE, 'Stationen der Reportagereise', 'Optence e. V.', 'Optence e. V.']);
    await frames(page);
    assert.deepEqual(await onScreen(page), { titles: [true, true, true, true], placeholders: 0 }, 'before the script');
    // the script runs, the feed is on its way
    env.server.release('late-script');
    await page.waitForRequest(/^\/mock\/feed\?hold=late-feed$/);
    assert.equal(await page.evaluate(() => !!customElements.get('cluster-portrait')), true, 'the script ran');
    await frames(page);
    assert.deepEqual(
      await onScreen(page),
      { titles: [true, true, true, true], placeholders: 0 },
      'while the feed loads',
    );
    env.server.release('late-feed');
    await settled(page);
    const seen = await outcome(page);
    assert.equal(seen.placeholders, 0, 'no placeholder was ever added');
    assert.deepEqual(seen.moves, [], 'nothing on the page moved from one frame to the next');
    if (seen.cls === null)
      cannot(
        t,
        'the CLS the browser measures (it has no layout-shift entries); no box moved 3 px or more between frames',
      );
    else assert.equal(seen.cls.toFixed(3), '0.000');
    assert.deepEqual(
      seen.shown.map((s) => s.titles),
      [[NEWS_TITLE], ['Stationen der Reportagereise'], ['Optence e. V.'], ['Optence e. V.', 'BioCon Valley®']],
      'each title once',
    );
    // the script's own render replaced the server's: its styles are adopted, not the prerendered <style>
    assert.deepEqual(
      seen.shown.map((s) => s.styles),
      [0, 0, 0, 0],
    );
    assert.equal(seen.body, seen.parsed.body, 'the article body is the one the server sanitized');
    assert.deepEqual(
      seen.events,
      ['cluster-journey', 'cluster-news-card', 'cluster-news-list', 'cluster-portrait'].map(
        (t) => `${t}:cluster-feed-load`,
      ),
    );
  });

  it('shows the new content when the feed changed after the page was built', async () => {
    const page = await env.open('/prerendered/changed.html', { init: WATCH, viewport: TALL });
    await settled(page);
    await waitForState(page, ALL, 'ready');
    const titles = await page.$$eval(ALL, (els) =>
      els.map((el) => [...el.shadowRoot.querySelectorAll('[part~="title"]')].map((t) => t.textContent.trim())),
    );
    assert.deepEqual(titles, [
      ['Neu: die Reportagen sind online'],
      ['Stationen der Reportagereise'],
      ['Optence (neu)'],
      ['Optence (neu)', 'BioCon Valley®'],
    ]);
    const text = await page.$eval('cluster-news-card', (el) => el.shadowRoot.textContent);
    assert.ok(!text.includes(NEWS_TITLE), 'the old title is gone');
  });

  it('keeps the prerendered content and fires cluster-feed-error when the feed fails', async (t) => {
    const page = await env.open('/prerendered/failing.html', { init: WATCH, viewport: TALL });
    // one request for the four elements; answered 500 once the test lets it through
    await page.waitForRequest(/^\/mock\/respond\?status=500&hold=failing-feed$/);
    env.server.release('failing-feed');
    await settled(page);
    await waitForState(page, ALL, 'error');
    const seen = await outcome(page);
    assert.deepEqual(
      seen.events,
      ['cluster-journey', 'cluster-news-card', 'cluster-news-list', 'cluster-portrait'].map(
        (t) => `${t}:cluster-feed-error`,
      ),
    );
    assert.deepEqual(
      seen.shown.map((s) => [s.titles.length, s.errors, s.loading]),
      [
        [1, 0, 0],
        [1, 0, 0],
        [1, 0, 0],
        [2, 0, 0],
      ],
      'each element still shows its prerendered title, no error message and no placeholder',
    );
    for (const tag of TAGS) assert.ok(await page.visible(`${tag} >>> [part~="title"]`), `<${tag}> title visible`);
    assert.equal(page.requests().filter((r) => r.startsWith('/mock/respond')).length, 1, 'one feed request');
    // Chromium logs the feed's 500 itself (once: one request); that one is expected here, nothing else
    // (Firefox logs nothing for it)
    const { consoleErrors } = await page.log();
    if (ENGINE === 'chromium') assert.equal(consoleErrors.length, 1, consoleErrors.join(' | '));
    if (ENGINE === 'webkit')
      cannot(t, 'what the browser itself logs on its console for the 500 (WebDriver classic has no console log)');
    assert.deepEqual(
      consoleErrors.filter((m) => !/status of 500/.test(m)),
      [],
      'no console error of the page’s own',
    );
    page.allow(/status of 500/);
  });
});
