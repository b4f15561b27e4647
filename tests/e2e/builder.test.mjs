// The snippet builder (demo/builder.html) as a CMS editor uses it: pick an
// element and its options from the feed's entries, watch the preview, copy the
// snippet, paste it into a page of their site. The builder is served with the
// strict policy (no inline code), so the harness's console check also catches
// any violation.
/* global DOMParser, getComputedStyle, navigator -- functions passed to page.evaluate run in the browser */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2e, waitForState } from './harness.mjs';
import { STRICT_CSP } from './server.mjs';

const BUILDER = '/demo/builder.html';

/** The snippet pasted into a CMS page of the same site (the server answers it with the snippet; nothing else on the page). */
function paste(env, snippet) {
  env.server.serve(
    '/cms/seite.html',
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CMS</title></head><body><h1>Unsere Region</h1>\n${snippet}</body></html>`,
  );
  return env.open('/cms/seite.html');
}

/** What the clipboard holds, as an editor finds it: pasted (Ctrl+V) into the CMS's HTML field on another page of the site. */
async function clipboard(env) {
  const editor = await env.open('/tests/e2e/pages/paste.html');
  await editor.click({ label: 'Individuelles HTML' });
  await editor.press('Control+v');
  const text = await editor.waitFor(() => document.getElementById('html').value);
  await editor.close();
  return text;
}

/**
 * What the clipboard holds as text and as HTML, as an editor finds it: pasted (Ctrl+V) into the CMS's
 * rich-text field (pages/paste.js records both flavours the paste brought), and the links it made there.
 */
async function richClipboard(env) {
  const editor = await env.open('/tests/e2e/pages/paste.html');
  await editor.click('#text');
  await editor.press('Control+v');
  // the field takes the paste in the same task as the event
  await editor.waitFor(() => window.pasted);
  const clip = await editor.evaluate(() => {
    const html = new DOMParser().parseFromString(window.pasted.html, 'text/html');
    return {
      ...window.pasted,
      htmlLinks: [...html.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent })),
      links: [...document.querySelectorAll('#text a')].map((a) => a.getAttribute('href')),
    };
  });
  await editor.close();
  return clip;
}

/** The snippet pasted into a CMS page of the same site, in a browser that runs no script. */
function pasteWithoutScript(env, snippet) {
  env.server.serve('/cms/ohne-js.html', `<!doctype html><h1>Region</h1>\n${snippet}`);
  return env.open('/cms/ohne-js.html', { javaScript: false });
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
    const page = await env.open(BUILDER);
    assert.equal(
      page.response.headers['content-security-policy'],
      STRICT_CSP,
      'the builder works under the strict policy',
    );
    // the feed's own entries appear as choices
    await page.waitFor(() => document.querySelector('#cluster option[value="olec"]'));
    await page.waitForText('Feed geladen: 1 Meldung, 4 Porträts, 1 Reise.');
    assert.deepEqual(await page.$$eval('#cluster option', (os) => os.map((o) => o.textContent)), [
      'Optence e. V.',
      'BioCon Valley®',
      'OLEC',
      'BioEconomy',
    ]);

    await page.check({ role: 'radio', name: /Clusterporträt/ });
    await page.select({ label: 'Cluster' }, { label: 'OLEC' });
    await page.select({ label: /Sprache der Bedienelemente/ }, { value: 'en' });
    await page.select({ label: /Überschriftenebene/ }, { value: '2' });
    // options that do not apply to a portrait are not offered
    assert.equal(await page.visible({ role: 'radio', name: /Kompakt/ }), false);
    assert.equal(await page.visible({ label: /Meldung \(item\)/ }), false);

    const snippet = await page.$eval('#snippet', (t) => t.value);
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
      await page.$eval('#preview cluster-portrait >>> [part~="focus"]', (el) => el.innerText),
      /^Focus/,
      'English interface text',
    );

    // one click copies exactly what the box shows, and says so
    await page.click({ role: 'button', name: /Snippet kopieren/ });
    await page.waitForText(/Kopiert/, '#copy-status');
    assert.equal(await clipboard(env), snippet);

    // pasted into a page of the site, it shows the same portrait
    const pasted = await paste(env, snippet);
    await waitForState(pasted, 'cluster-portrait', 'ready');
    assert.deepEqual(await headingOf(pasted, 'cluster-portrait'), { tag: 'h2', text: 'OLEC' });
    assert.match(await pasted.$eval('cluster-portrait >>> [part~="focus"]', (el) => el.innerText), /^Focus/);
  });

  it('offers the link for rich-text fields and the theme set-up; the pasted link on a themed page becomes the portrait', async () => {
    const page = await env.open(BUILDER);
    const origin = env.server.origin;
    await page.waitFor(() => document.querySelector('#cluster option[value="olec"]'));
    // which snippet goes where, said before the choices
    assert.match(
      await page.$eval('#where', (el) => el.innerText),
      /Im Textfeld[^]*Link[^]*Im HTML-Block[^]*Element-Snippet/,
    );

    await page.check({ role: 'radio', name: /Clusterporträt/ });
    await page.select({ label: 'Cluster' }, { label: 'OLEC' });
    await page.select({ label: /Sprache der Bedienelemente/ }, { value: 'en' });
    await page.select({ label: /Überschriftenebene/ }, { value: '2' });
    const url = await page.$eval('#link-snippet', (t) => t.value);
    assert.match(url, /^https:\/\/www\.clusterplattform\.de\/[^\s"]*clusterreportage-olec\.html$/, 'just the URL');
    assert.match(await page.$eval('#setup summary', (s) => s.innerText), /Einmalig im Theme einrichten/);
    await page.click('#setup summary');
    assert.equal(await page.visible('#setup-snippet'), true, 'the set-up opens');
    const setup = await page.$eval('#setup-snippet', (t) => t.value);
    assert.equal(
      setup,
      `<script type="module" src="${origin}/dist/cluster-reportage.js"></script>\n` +
        `<cluster-autolink src="${origin}/demo/feed.json" lang="en" heading-level="2"></cluster-autolink>\n`,
    );

    // the copy button puts the URL as text and as a link on the clipboard
    await page.click({ role: 'button', name: /Link kopieren/ });
    await page.waitForText(/Kopiert/, '#copy-link-status');
    const clip = await richClipboard(env);
    assert.equal(clip.text, url);
    // as the builder wrote it; the browser may add to the tag (WebKit: the computed style as a style attribute)
    assert.match(clip.html, new RegExp(`<a href="${url.replace(/[.?]/g, '\\$&')}"[\\s>]`));
    assert.deepEqual(clip.htmlLinks, [{ href: url, text: url }], 'the HTML is that one link');
    assert.deepEqual(clip.links, [url], 'pasted into a rich-text field, it is a link');

    // a text field stores it alone in a paragraph (tests/cms/ shows CKEditor and WordPress doing so);
    // the theme brings the set-up
    const pasted = await paste(env, `<p>Unsere Partner:</p>\n<p><a href="${url}">${url}</a></p>\n${setup}`);
    await waitForState(pasted, 'cluster-portrait', 'ready');
    assert.deepEqual(await headingOf(pasted, 'cluster-portrait'), { tag: 'h2', text: 'OLEC' });
    assert.match(await pasted.$eval('cluster-portrait >>> [part~="focus"]', (el) => el.innerText), /^Focus/);

    // the journey strip has no link form: the box says so and there is nothing to copy
    await page.check({ role: 'radio', name: /^Reise-Leiste \(journey strip\)/ });
    assert.match(await page.$eval('#link-snippet', (t) => t.value), /nur als Element-Snippet/);
    assert.equal(await page.$eval({ role: 'button', name: /Link kopieren/ }, (b) => b.disabled), true);
  });

  it('links a journey strip and a portrait, with a theme, and the pasted pair works by keyboard', async () => {
    const page = await env.open(BUILDER);
    await page.waitFor(() => document.querySelector('#journey option[value="reportagereise-2021"]'));
    // keyboard only: the element choice is a radio group
    await page.focus({ role: 'radio', name: /Meldung/ });
    for (let i = 0; i < 3; i++) await page.press('ArrowDown');
    assert.equal(await page.$eval({ role: 'radio', name: /mit Porträt/ }, (r) => r.checked), true);
    await page.select({ label: /Gestaltung/ }, { label: 'Wald (forest)' });
    await waitForState(page, '#preview cluster-journey, #preview cluster-portrait', 'ready');
    // the preview wears the theme
    assert.equal(
      await page.$eval('#preview cluster-portrait', (el) =>
        getComputedStyle(el).getPropertyValue('--cluster-accent').trim(),
      ),
      '#1d5e2c',
    );

    const snippet = await page.$eval('#snippet', (t) => t.value);
    assert.match(snippet, /<style>\n\.theme-forest \{\n {2}--cluster-accent: #1d5e2c;/);
    assert.match(snippet, /\.theme-forest cluster-portrait::part\(base\)/);
    assert.doesNotMatch(snippet, /theme-harbour|cluster-news-card/, 'only the rules this snippet needs');
    assert.match(
      snippet,
      /<div class="theme-forest">\n {2}<cluster-journey [^>]*journey="reportagereise-2021" for="portrait-reportagereise-2021"/,
    );
    assert.match(snippet, /<cluster-portrait id="portrait-reportagereise-2021" [^>]*cluster="optence"/);

    const pasted = await paste(env, snippet);
    await waitForState(pasted, 'cluster-journey, cluster-portrait', 'ready');
    assert.equal(
      await pasted.$eval('cluster-portrait', (el) => getComputedStyle(el).getPropertyValue('--cluster-accent').trim()),
      '#1d5e2c',
      'the pasted <style> applies the theme',
    );
    await pasted.focus('cluster-journey >>> [part~="station-current"]');
    await pasted.press('ArrowRight');
    await pasted.press('ArrowRight');
    await pasted.press('Enter');
    await pasted.waitFor(
      () =>
        document.querySelector('cluster-portrait').shadowRoot.querySelector('[part~="title"]')?.textContent.trim() ===
        'OLEC',
    );
  });

  it('builds a list of the latest reportages with a tag filter, and the pasted list shows them', async () => {
    const page = await env.open(BUILDER);
    await page.waitFor(() => document.querySelector('#tag option[value="Energiewende"]'));
    await page.check({ role: 'radio', name: /Neueste Reportagen/ });
    // options that do not apply to a list are not offered
    assert.equal(await page.visible({ label: /Meldung \(item\)/ }), false);
    assert.equal(await page.visible({ role: 'radio', name: /Kompakt/ }), false);
    // the feed's own tags, most used first
    assert.deepEqual((await page.$$eval('#tag option', (os) => os.map((o) => o.textContent))).slice(0, 3), [
      'Alle Einträge (kein Filter)',
      'Clusterreportage (5)',
      'go-cluster (5)',
    ]);
    await page.select({ label: /Art der Einträge/ }, { label: 'Porträts' });
    await page.select({ label: /Nur mit Schlagwort/ }, { value: 'Energiewende' });
    await page.fill({ label: /Anzahl/ }, '2');
    const snippet = await page.$eval('#snippet', (t) => t.value);
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

    const pasted = await paste(env, snippet);
    await waitForState(pasted, 'cluster-news-list', 'ready');
    assert.deepEqual(await titles(pasted), ['OLEC']);
    // the default limit, kind and no tag are left out of the snippet
    await page.fill({ label: /Anzahl/ }, '3');
    await page.select({ label: /Art der Einträge/ }, { label: 'Meldungen' });
    await page.select({ label: /Nur mit Schlagwort/ }, { value: '' });
    assert.match(await page.$eval('#snippet', (t) => t.value), /<cluster-news-list src="[^"]+" heading-level="3">/);
  });

  it('escapes titles full of quotes, brackets and ampersands, so the pasted snippet shows them as text', async () => {
    const page = await env.open(BUILDER);
    await page.waitFor(() => document.querySelector('#cluster option[value="olec"]'));
    const feedUrl = env.server.url(
      `/mock/respond?body=${Buffer.from(JSON.stringify(nastyFeed)).toString('base64url')}`,
    );
    await page.fill({ label: /Adresse des Feeds/ }, feedUrl);
    await page.click({ role: 'button', name: /Laden/ });
    await page.waitForText('Feed geladen: 2 Meldungen, 1 Porträt, 1 Reise.');

    await page.select({ label: /Meldung \(item\)/ }, { label: NASTY.title });
    let snippet = await page.$eval('#snippet', (t) => t.value);
    assert.ok(snippet.includes('item="meldung-&quot;1&quot;&lt;b&gt;&amp;amp;"'), snippet);
    assert.ok(
      snippet.includes(
        '>Tom &amp; &quot;Jerry&quot; &lt;img src=x onerror=&quot;window.hacked=1&quot;&gt;&#39;s Meldung</a>',
      ),
      snippet,
    );
    assert.ok(snippet.includes(`src="${feedUrl}"`), 'the feed URL as given');
    assert.doesNotMatch(snippet, /<img|<b>/);
    let pasted = await paste(env, snippet);
    await waitForState(pasted, 'cluster-news-card', 'ready');
    assert.equal(
      await pasted.$eval('cluster-news-card', (el) => el.getAttribute('item')),
      NASTY.id,
      'the attribute arrives unchanged',
    );
    assert.deepEqual(await headingOf(pasted, 'cluster-news-card'), { tag: 'h3', text: NASTY.title });
    assert.equal(
      await pasted.$eval('cluster-news-card > a', (a) => a.textContent),
      NASTY.title,
      'the fallback link shows the title as text',
    );
    assert.equal(
      await pasted.$eval('cluster-news-card > a', (a) => a.getAttribute('href')),
      'https://example.org/news?x=1&y=%222%22',
    );
    await pasted.close();

    // the portrait's name and the journey's title, with the newest item
    await page.check({ role: 'radio', name: /mit Porträt/ });
    snippet = await page.$eval('#snippet', (t) => t.value);
    assert.ok(snippet.includes('journey="reise&quot;1&quot;" for="portrait-reise-1-"'), snippet);
    assert.ok(
      snippet.includes('<a href="https://example.org/?a=1&amp;b=%222%22">Reise &lt;/textarea&gt;&lt;img'),
      snippet,
    );
    pasted = await paste(env, snippet);
    await waitForState(pasted, 'cluster-journey, cluster-portrait', 'ready');
    assert.deepEqual(await headingOf(pasted, 'cluster-journey'), { tag: 'h3', text: NASTY.journey });
    assert.deepEqual(await headingOf(pasted, 'cluster-portrait'), { tag: 'h3', text: NASTY.cluster });
    const injected = await pasted.evaluate(() => ({
      hacked: typeof window.hacked,
      elements: document.querySelectorAll('body img, body script:not([src]), body b').length,
    }));
    assert.deepEqual(injected, { hacked: 'undefined', elements: 0 }, 'nothing from the feed became markup');
    await pasted.close();

    // the prerendered snippet carries the same text, escaped by the element's own rendering
    await page.check({ label: /Inhalt vorgerendert/ });
    await page.waitFor(() => document.querySelector('#snippet').value.split('<template').length === 3);
    const bare = await pasteWithoutScript(env, await page.$eval('#snippet', (t) => t.value));
    assert.equal(await bare.$eval('cluster-portrait >>> [part~="title"]', (el) => el.innerText), NASTY.cluster);
    const markup = await bare.$$eval('cluster-journey, cluster-portrait', (els) =>
      els.flatMap((el) => [...el.shadowRoot.querySelectorAll('img:not([part]), script, b')].map((n) => n.outerHTML)),
    );
    assert.deepEqual(markup, [], 'nothing from the feed became markup');
  });

  it('offers the news card for an RSS feed (a CMS’s own), and says why not the portrait or the journey', async () => {
    const page = await env.open(BUILDER);
    await page.waitFor(() => document.querySelector('#cluster option[value="olec"]'));
    const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Cluster Nord</title><link>https://cluster-nord.example/</link>
      <item><title>Neues Labor er&#246;ffnet</title><link>https://cluster-nord.example/labor/</link><guid>https://cluster-nord.example/?p=2</guid><pubDate>Tue, 02 Feb 2021 09:00:00 +0100</pubDate><description>Text</description></item>
      <item><title>&#196;ltere Meldung</title><link>https://cluster-nord.example/alt/</link><guid>https://cluster-nord.example/?p=1</guid><pubDate>Mon, 01 Feb 2021 09:00:00 +0100</pubDate></item>
      </channel></rss>`;
    const feedUrl = env.server.url(
      `/mock/respond?type=${encodeURIComponent('application/rss+xml')}&body=${Buffer.from(rss).toString('base64url')}`,
    );
    // the editor is on the portrait, then loads the RSS feed
    await page.check({ role: 'radio', name: /Clusterporträt/ });
    await page.fill({ label: /Adresse des Feeds/ }, feedUrl);
    await page.click({ role: 'button', name: /Laden/ });
    await page.waitForText(
      /^Feed geladen \(RSS\/Atom\): 2 Meldungen\. Porträts und Reisen gibt es nur/,
      '#feed-status',
    );
    for (const name of [/Clusterporträt/, /^Reise-Leiste \(journey strip\)/, /mit Porträt/])
      assert.equal(await page.$eval({ role: 'radio', name }, (r) => r.disabled), true, `${name} is not offered`);
    assert.equal(
      await page.$eval({ role: 'radio', name: /^Meldung/ }, (r) => r.checked),
      true,
      'back on the news card',
    );
    assert.equal(
      await page.evaluate(() => /meldungsliste/i.test(document.body.textContent)),
      false,
      'no news list until the element exists',
    );

    await page.select({ label: /Meldung \(item\)/ }, { label: 'Ältere Meldung' });
    const snippet = await page.$eval('#snippet', (t) => t.value);
    assert.ok(
      snippet.includes(
        `<cluster-news-card src="${feedUrl.replace(/&/g, '&amp;')}" item="https://cluster-nord.example/?p=1"`,
      ),
      snippet,
    );
    assert.ok(snippet.includes('<a href="https://cluster-nord.example/alt/">Ältere Meldung</a>'), snippet);
    await waitForState(page, '#preview cluster-news-card', 'ready');
    const pasted = await paste(env, snippet);
    await waitForState(pasted, 'cluster-news-card', 'ready');
    assert.deepEqual(await headingOf(pasted, 'cluster-news-card'), { tag: 'h3', text: 'Ältere Meldung' });
  });

  it('copies without the clipboard API too (older browsers, plain http), and leaves the snippet selected', async () => {
    const page = await env.open(BUILDER, { init: ['no-clipboard.js'] });
    assert.equal(await page.evaluate(() => typeof navigator.clipboard), 'undefined', 'no clipboard API on this page');
    await page.waitFor(() => document.querySelector('#journey option[value="reportagereise-2021"]'));
    await page.check({ role: 'radio', name: /^Reise-Leiste \(journey strip\)/ });
    await page.check({ label: /Script-Tag einschließen/ }, false);
    const snippet = await page.$eval('#snippet', (t) => t.value);
    assert.match(
      snippet,
      /^<cluster-journey src="[^"]+" journey="reportagereise-2021" heading-level="3">/,
      'without the script tag when the editor says so',
    );
    await page.click({ role: 'button', name: /Snippet kopieren/ });
    await page.waitForText(/Kopiert/, '#copy-status');
    assert.deepEqual(
      await page.$eval('#snippet', (t) => [document.activeElement === t, t.selectionStart, t.selectionEnd]),
      [true, 0, snippet.length],
    );
    // read the clipboard back the way the editor uses it: pasted into another page
    assert.equal(await clipboard(env), snippet);
  });

  it('offers a prerendered snippet that shows the card without JavaScript and once with it', async () => {
    const page = await env.open(BUILDER);
    await page.waitForText('Feed geladen: 1 Meldung, 4 Porträts, 1 Reise.');
    await page.check({ role: 'radio', name: /Clusterporträt/ });
    await page.select({ label: 'Cluster' }, { label: 'OLEC' });
    assert.doesNotMatch(await page.$eval('#snippet', (t) => t.value), /<template/, 'not prerendered unless asked for');
    await page.check({ label: /Inhalt vorgerendert/ });
    await page.waitFor(() => document.querySelector('#snippet').value.includes('<template shadowrootmode'));
    const snippet = await page.$eval('#snippet', (t) => t.value);
    assert.match(snippet, /<cluster-portrait [^>]*cluster="olec"[^>]*><template shadowrootmode="open"><style>/);
    assert.doesNotMatch(snippet, /<!--/, 'no marker comments');
    assert.match(snippet, /<\/template>\n\s*<a href="[^"]+">Clusterreportage OLEC/, 'the fallback link after it');

    // pasted into a page that runs no script: the portrait is there
    const bare = await pasteWithoutScript(env, snippet);
    assert.equal(await bare.$eval('cluster-portrait >>> [part~="title"]', (el) => el.innerText), 'OLEC');
    assert.ok(await bare.visible('cluster-portrait >>> [part~="region"]'), 'the region is shown');
    await bare.close();
    // and with the script, the element takes over: the same title, once
    const pasted = await paste(env, snippet);
    await pasted.waitFor(() => document.querySelector('cluster-portrait').shadowRoot.querySelector('style') === null);
    assert.deepEqual(
      await pasted.$eval('cluster-portrait', (el) =>
        [...el.shadowRoot.querySelectorAll('[part~="title"]')].map((t) => t.textContent),
      ),
      ['OLEC'],
    );
  });

  it('says so when the feed cannot be loaded, and keeps the address it was given', async () => {
    const page = await env.open(BUILDER);
    await page.waitFor(() => document.querySelector('#cluster option[value="olec"]'));
    await page.fill({ label: /Adresse des Feeds/ }, 'javascript:alert(1)');
    await page.click({ role: 'button', name: /Laden/ });
    await page.waitForText(/Bitte eine vollständige Adresse/);
    assert.equal(await page.$eval('#feed-url', (i) => i.getAttribute('aria-invalid')), 'true');
    assert.ok(
      (await page.$eval('#snippet', (t) => t.value)).includes('/demo/feed.json'),
      'the last good snippet stays',
    );

    await page.fill(
      { label: /Adresse des Feeds/ },
      env.server.url('/mock/respond?status=404&type=text/html&body=bm9wZQ'),
    );
    await page.press('Enter');
    await page.waitForText(/Der Feed konnte nicht geladen werden/);
    await waitForState(page, '#preview cluster-news-card', 'error');
    assert.equal(
      await page.$eval('#cluster', (s) => s.options[0].textContent),
      'Feed nicht geladen',
      'no stale choices from the old feed',
    );
    // the browser logs the 404 itself; that one is expected
    page.allow(/404/);
  });
});
