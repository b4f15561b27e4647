// Server rendering of a page with <cluster-autolink>: render() turns the page's standalone links to
// the feed's items into cards, by the autolink's own rules, and prerenders those cards; the rest of
// the page passes through byte for byte. The output is read back with parse5, as a browser reads it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { parse } from 'parse5';
import { render } from 'cluster-reportage/ssr';

const FEED_FILE = 'demo/feed.json';
const feed = () => JSON.parse(readFileSync(FEED_FILE, 'utf8'));
const BASE = 'https://www.example.org/reportagen/index.html';
const FEED_URL = 'https://www.example.org/feeds/reportagen.json';
const NEWS =
  'https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Kurzmeldungen/2021/02/2021-02-02-clusterreportagen.html';
const NEWS_ID = 'meldung-2021-02-02-clusterreportagen';
const OLEC = 'https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Reportagen/clusterreportage-olec.html';
const OPTENCE = 'https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Reportagen/clusterreportage-optence.html';

const isElement = (n) => 'tagName' in n;
function* walk(node) {
  for (const child of node.childNodes ?? []) {
    if (!isElement(child)) continue;
    yield child;
    yield* walk(child);
  }
}
const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;
const text = (node) =>
  (node.childNodes ?? [])
    .map((c) => (c.nodeName === '#text' ? c.value : isElement(c) ? text(c.content ?? c) : ''))
    .join('');

/** The cards in `html`, as a browser reads them: tag, attributes, title, and the fallback's text. */
function cards(html) {
  const errors = [];
  const doc = parse(html, { onParseError: (e) => errors.push(e.code) });
  assert.deepEqual(errors, [], 'the output parses without an HTML parse error');
  return [...walk(doc)]
    .filter((el) => /^cluster-(news-card|portrait)$/.test(el.tagName))
    .map((el) => {
      const shadow = el.childNodes.find((c) => c.tagName === 'template' && attr(c, 'shadowrootmode') === 'open');
      const title = shadow && [...walk(shadow.content)].find((n) => attr(n, 'part')?.split(' ').includes('title'));
      return {
        tag: el.tagName,
        attrs: Object.fromEntries(el.attrs.map((a) => [a.name, a.value])),
        title: title && [title.tagName, text(title)],
        fallback: text({ childNodes: el.childNodes.filter((c) => c !== shadow) }).trim(),
      };
    });
}

/** `html` with every card of ours replaced by its fallback: what the page was before render(). */
const unwrap = (html) =>
  html.replace(
    /<cluster-(news-card|portrait) [^>]*><template shadowroot[\s\S]*?<\/template>([\s\S]*?)<\/cluster-\1>/g,
    '$2',
  );

const page = (body, autolink = '<cluster-autolink src="/feeds/reportagen.json"></cluster-autolink>') =>
  `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Blog &amp; mehr</title></head>
<body>
<nav><p><a href="${OLEC}">OLEC</a></p></nav>
<main class="entry-content">
${body}
</main>
${autolink}
</body>
</html>
`;

const EDITOR = `<p>Unsere Reportage über <a href="${OLEC}">OLEC</a> ist online.</p>
<p><a href="${NEWS}">${NEWS}</a></p>
<h2><a href="${OLEC}">OLEC</a></h2>
<ul><li><strong><a href="${OPTENCE.replace('https://www.', 'HTTPS://WWW.')}/?utm_source=mail#oben">Optence</a></strong></li></ul>
<blockquote><a href="${OLEC}">OLEC</a></blockquote>
<p>&nbsp;<a href="${OLEC}">Das OLEC &amp; die Energiewende</a> </p>
<div>${OPTENCE}</div>
<p><a href="https://example.org/anderswo">anderswo</a></p>`;

const quiet = { onWarning: () => {} };
const rendered = (html, options = {}) => render(html, { feed: feed(), baseUrl: BASE, ...quiet, ...options });

describe('render() with <cluster-autolink>', () => {
  it('makes a prerendered card of every standalone link to a feed item, with the link inside as its fallback', async () => {
    const out = await rendered(page(EDITOR));
    assert.deepEqual(cards(out), [
      {
        tag: 'cluster-news-card',
        attrs: { src: FEED_URL, item: NEWS_ID, variant: 'compact', state: 'ready' },
        title: ['h3', feed().items[0].title],
        fallback: NEWS,
      },
      {
        tag: 'cluster-portrait',
        attrs: { src: FEED_URL, cluster: 'optence', state: 'ready' },
        title: ['h3', 'Optence e. V.'],
        fallback: 'Optence',
      },
      {
        tag: 'cluster-portrait',
        attrs: { src: FEED_URL, cluster: 'olec', state: 'ready' },
        title: ['h3', 'OLEC'],
        fallback: 'Das OLEC & die Energiewende',
      },
      {
        tag: 'cluster-portrait',
        attrs: { src: FEED_URL, cluster: 'optence', state: 'ready' },
        title: ['h3', 'Optence e. V.'],
        fallback: OPTENCE,
      },
    ]);
    // what the autolink wrapped: the paragraph, the bold wrapper in a list item, the bare URL in a <div>
    assert.ok(out.includes(`<cluster-portrait src="${FEED_URL}" cluster="optence" state="ready"><template`));
    assert.match(out, /<\/template><p><a href="[^"]+">https:[^<]+<\/a><\/p><\/cluster-news-card>/);
    assert.match(out, /<li><cluster-portrait [^>]+><template[\s\S]*?<\/template><strong><a /);
    assert.match(
      out,
      /<div><cluster-portrait [^>]+><template[\s\S]*?<\/template>https:[^<]+<\/cluster-portrait><\/div>/,
    );
  });

  it('passes everything else through byte for byte: running text, headings, quotes, navigation, other links', async () => {
    const source = page(EDITOR);
    const out = await rendered(source);
    assert.equal(unwrap(out), source, 'with each card taken out again, the page is what it was');
    const crlf = source.replaceAll('\n', '\r\n');
    assert.equal(unwrap(await rendered(crlf)), crlf, 'also with CR LF line ends');
    assert.ok(out.includes(`<p>Unsere Reportage über <a href="${OLEC}">OLEC</a> ist online.</p>`));
    assert.ok(out.includes(`<h2><a href="${OLEC}">OLEC</a></h2>`));
    assert.ok(out.includes(`<blockquote><a href="${OLEC}">OLEC</a></blockquote>`));
    assert.ok(out.includes(`<nav><p><a href="${OLEC}">OLEC</a></p></nav>`));
  });

  it('never upgrades a javascript:, data: or disguised link, whatever URL it ends in', async () => {
    const hostile = [
      `javascript:alert(1)//${OLEC}`,
      `JaVaScRiPt:alert(1)//${OLEC}`,
      `java&#x09;script:alert(1)//${OLEC}`,
      ` javascript:alert(1)//${OLEC}`,
      `data:text/html,<script>alert(1)</script>${OLEC}`,
      `vbscript:msgbox(1)//${OLEC}`,
    ];
    const source = page(
      hostile.map((href) => `<p><a href="${href.replaceAll('"', '&quot;')}">OLEC</a></p>`).join('\n'),
    );
    const out = await rendered(source);
    assert.equal(out, source);
  });

  it('upgrades only links inside `scope`, and passes lang, heading-level and (to news cards) variant on', async () => {
    const body = `<div class="sidebar"><p><a href="${OLEC}">OLEC</a></p></div>
<article class="post"><p><a href="${NEWS}">News</a></p><p><a href="${OLEC}">OLEC</a></p></article>`;
    const out = await rendered(
      page(
        body,
        '<cluster-autolink src="/feeds/reportagen.json" scope=".post" lang="en" heading-level="2" variant="full"></cluster-autolink>',
      ),
    );
    assert.deepEqual(
      cards(out).map((c) => [c.tag, c.attrs, c.title]),
      [
        [
          'cluster-news-card',
          { src: FEED_URL, item: NEWS_ID, lang: 'en', 'heading-level': '2', variant: 'full', state: 'ready' },
          ['h2', feed().items[0].title],
        ],
        [
          'cluster-portrait',
          { src: FEED_URL, cluster: 'olec', lang: 'en', 'heading-level': '2', state: 'ready' },
          ['h2', 'OLEC'],
        ],
      ],
    );
    assert.ok(out.includes(`<div class="sidebar"><p><a href="${OLEC}">OLEC</a></p></div>`), 'outside the scope');
    assert.match(out, /part="content"/, 'the full card has its article body');
  });

  it('finds a lone standalone link on a page however the editor wrote it', async () => {
    // one link per page: the quick look that spares pages without a match the DOM must find each
    const shapes = [
      `<p><a href="${OLEC}">OLEC</a></p>`,
      `<p><a href='${OLEC.replace('https://www.clusterplattform.de', 'HTTPS://WWW.CLUSTERPLATTFORM.DE')}/?utm_medium=x#top'>OLEC</a></p>`,
      `<ul><li><em><a href=${OLEC}>OLEC</a></em></li></ul>`,
      `<dl><dd><span class="link"><b><a href="${OLEC}">OLEC</a></b></span></dd></dl>`,
      `<div>\n  ${OLEC}\n</div>`,
      `<!-- wp:paragraph -->\n<p>${OLEC}</p>\n<!-- /wp:paragraph -->`,
      `<p><a href="${OLEC}?a=1&amp;b=2">OLEC</a></p>`,
    ];
    const withQuery = feed();
    withQuery.items[3].url = `${OLEC}?a=1&b=2`;
    for (const shape of shapes) {
      // no other link that could match (the navigation of page() has one)
      const source = `<!doctype html><html><body>${shape}<cluster-autolink src="/feeds/reportagen.json"></cluster-autolink>`;
      const found = cards(await rendered(source, { feed: shape.includes('?a=1') ? withQuery : feed() }));
      assert.deepEqual(
        found.map((c) => c.attrs.cluster),
        ['olec'],
        shape,
      );
    }
  });

  it('changes nothing when run on its own output', async () => {
    const once = await rendered(page(EDITOR));
    assert.equal(await rendered(once), once);
  });

  it('resolves relative links against the page (and its <base>) as the browser does', async () => {
    const rel = '/CLUSTER/Redaktion/DE/Reportagen/clusterreportage-olec.html';
    const body = `<p><a href="${rel}">OLEC</a></p>`;
    const onSite = await rendered(page(body), { baseUrl: 'https://www.clusterplattform.de/blog/' });
    assert.deepEqual(
      cards(onSite).map((c) => c.attrs.cluster),
      ['olec'],
    );
    assert.deepEqual(cards(await rendered(page(body))), [], 'on another host it is another URL');
    const based = page(body).replace('<head>', '<head><base href="https://www.clusterplattform.de/">');
    assert.deepEqual(
      cards(await rendered(based)).map((c) => c.attrs.cluster),
      ['olec'],
    );
  });

  it('leaves links in cards’ fallbacks and in <template>s alone, and a second autolink changes nothing', async () => {
    const body = `<cluster-portrait src="/feeds/reportagen.json" cluster="optence"><p><a href="${OLEC}">OLEC</a></p></cluster-portrait>
<template><p><a href="${OLEC}">OLEC</a></p></template>
<p><a href="${NEWS}">News</a></p>`;
    const two =
      '<cluster-autolink src="/feeds/reportagen.json"></cluster-autolink><cluster-autolink src="/feeds/reportagen.json"></cluster-autolink>';
    const out = await rendered(page(body, two));
    assert.deepEqual(
      cards(out).map((c) => [c.tag, c.attrs.cluster ?? c.attrs.item, c.fallback]),
      [
        ['cluster-portrait', 'optence', 'OLEC'],
        ['cluster-news-card', NEWS_ID, 'News'],
      ],
    );
    assert.ok(out.includes(`<template><p><a href="${OLEC}">OLEC</a></p></template>`));
  });

  it('closes the paragraphs the source leaves open, and leaves a link in an unclosed <b> for the browser, warning', async () => {
    const warnings = [];
    const body = `<p>Intro
<p><a href="${NEWS}">News</a>
<p><b><a href="${OLEC}">OLEC</a>
<p>Weiter.</p>`;
    const out = await rendered(page(body), { onWarning: (m) => warnings.push(m) });
    assert.deepEqual(
      cards(out).map((c) => [c.tag, c.fallback]),
      [['cluster-news-card', 'News']],
    );
    assert.match(out, /<p>Intro\n<\/p><cluster-news-card /, 'the paragraph before, which the link’s <p> closed');
    assert.match(out, /<\/template><p><a href="[^"]+">News<\/a>\n<\/p><\/cluster-news-card><p><b><a href/);
    assert.deepEqual(warnings, [
      `<cluster-autolink>: the link to ${OLEC} stays a link in the HTML, as an element in or around it has no end tag; the script makes it a card in the browser`,
    ]);
  });

  it('warns and leaves every link for an invalid scope or a missing src, and throws nothing', async () => {
    for (const autolink of [
      '<cluster-autolink src="/feeds/reportagen.json" scope="&gt;&gt;&gt;"></cluster-autolink>',
      '<cluster-autolink scope=".post"></cluster-autolink>',
    ]) {
      const warnings = [];
      const source = page(EDITOR, autolink);
      assert.equal(await rendered(source, { onWarning: (m) => warnings.push(m) }), source);
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(
        warnings[0],
        /^<cluster-autolink( src="\/feeds\/reportagen.json">: .*its links were left as they are|> has no src)/,
      );
    }
  });

  it('rejects, naming the autolink, when its feed cannot be used', async () => {
    await assert.rejects(rendered(page(EDITOR), { feed: { items: [] } }), {
      message: /^the feed option is not a usable feed/,
    });
    await assert.rejects(render(page(EDITOR), quiet), {
      message: /^<cluster-autolink src="\/feeds\/reportagen.json">: cannot resolve src without a base URL/,
    });
  });
});

describe('render() with <cluster-autolink>, fetching its src', () => {
  let server;
  let origin;
  const requests = [];
  before(async () => {
    server = createServer((req, res) => {
      requests.push(req.url);
      res.writeHead(200, { 'content-type': 'application/feed+json' });
      res.end(readFileSync(FEED_FILE));
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((ok) => server.close(ok)));

  it('fetches the feed once for the autolink and the cards it made', async () => {
    requests.length = 0;
    const out = await render(page(`<p><a href="${NEWS}">News</a></p><p><a href="${OLEC}">OLEC</a></p>`), {
      baseUrl: `${origin}/reportagen/`,
      ...quiet,
    });
    assert.deepEqual(requests, ['/feeds/reportagen.json']);
    assert.deepEqual(
      cards(out).map((c) => [c.attrs.src, c.attrs.state]),
      [
        [`${origin}/feeds/reportagen.json`, 'ready'],
        [`${origin}/feeds/reportagen.json`, 'ready'],
      ],
    );
  });
});

describe('cluster-reportage render on a page with <cluster-autolink>', () => {
  it('writes the page with the cards made and prerendered, exit status 0', async () => {
    const source = page(EDITOR);
    const r = spawnSync(process.execPath, ['bin/cluster-reportage.js', 'render', '--feed', FEED_FILE, '--base', BASE], {
      input: source,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(cards(r.stdout).length, 4);
    assert.equal(r.stdout, await rendered(source));
  });
});
