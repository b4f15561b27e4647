// Server rendering in Node: `render()` from `cluster-reportage/ssr` (the package's own export)
// and the `cluster-reportage render` command. The output is read back with parse5, the HTML
// parser Lit's server renderer and jsdom use, as a browser would read it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, parseFragment } from 'parse5';
import { render } from 'cluster-reportage/ssr';

const FEED_FILE = 'demo/feed.json';
const feed = () => JSON.parse(readFileSync(FEED_FILE, 'utf8'));
const NEWS_TITLE = feed().items[0].title;
const quiet = { onWarning: () => {} };

const isElement = (n) => 'tagName' in n;
function* walk(node) {
  for (const child of node.childNodes ?? []) {
    if (!isElement(child)) continue;
    yield child;
    yield* walk(child);
    if (child.content) yield* walk(child.content);
  }
}
const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;
const text = (node) =>
  (node.childNodes ?? [])
    .map((c) => (c.nodeName === '#text' ? c.value : isElement(c) ? text(c.content ?? c) : ''))
    .join('');
const byPart = (root, part) => [...walk(root)].filter((el) => (attr(el, 'part') ?? '').split(' ').includes(part));

/** Each element of ours in `html`, as parse5 reads it: its shadow root template, the nodes after it. */
function read(html, page = true) {
  const errors = [];
  const doc = (page ? parse : parseFragment)(html, { onParseError: (e) => errors.push(e.code) });
  const els = [...walk(doc)].filter((el) => /^cluster-/.test(el.tagName));
  return {
    errors,
    els: els.map((el) => {
      const [first, ...rest] = el.childNodes.filter((c) => c.nodeName !== '#text' || c.value.trim());
      const shadow = first?.tagName === 'template' ? first : undefined;
      return { el, shadow, mode: shadow && attr(shadow, 'shadowrootmode'), light: rest, state: attr(el, 'state') };
    }),
  };
}

const PAGE = `<!doctype html>
<html lang="de">
  <head><meta charset="utf-8"><title>Seite &amp; Feed</title></head>
  <body>
    <h1>Clusterreportagen</h1>
    <cluster-news-card src="/demo/feed.json"><a href="https://www.clusterplattform.de/">Clusterreportagen</a></cluster-news-card>
    <cluster-journey src="/demo/feed.json" for="portrait" current="2"></cluster-journey>
    <cluster-portrait id="portrait" src="/demo/feed.json" cluster="optence"><a href="https://www.optence.de">Optence e. V.</a></cluster-portrait>
    <cluster-news-list src="/demo/feed.json" kind="all" limit="2" heading-level="2"><a href="https://www.clusterplattform.de/">Alle Reportagen</a></cluster-news-list>
    <template id="later"><cluster-portrait src="/demo/feed.json"></cluster-portrait></template>
    <p>Ende &lt;3</p>
  </body>
</html>
`;
const BASE = 'https://www.example.org/reportagen/index.html';

describe('render() from cluster-reportage/ssr', () => {
  it('gives every element a declarative shadow root with its styles and ready state, and keeps its fallback', async () => {
    const out = await render(PAGE, { feed: feed(), baseUrl: BASE, ...quiet });
    const { errors, els } = read(out);
    assert.deepEqual(errors, [], 'the output parses without an HTML parse error');
    const [card, journey, portrait, list, inTemplate] = els;
    for (const { el, shadow, mode, state } of [card, journey, portrait, list]) {
      assert.equal(mode, 'open', `<${el.tagName}> starts with <template shadowrootmode="open">`);
      assert.equal(state, 'ready');
      const style = [...walk(shadow.content)].find((n) => n.tagName === 'style');
      assert.match(text(style), /--cluster-accent/, `<${el.tagName}> carries its own styles`);
      assert.equal(byPart(shadow.content, 'title').length, el === list.el ? 2 : 1);
      assert.doesNotMatch(out, /lit-part|lit-node/, 'no hydration markers');
    }
    assert.equal(text(byPart(card.shadow.content, 'title')[0]), NEWS_TITLE);
    assert.equal(text(byPart(card.shadow.content, 'date')[0]), '2. Februar 2021');
    assert.equal(byPart(journey.shadow.content, 'station').length, 4);
    // the light-DOM fallback comes after the shadow root, as it was written
    assert.deepEqual(
      card.light.map((n) => [n.tagName, attr(n, 'href')]),
      [['a', 'https://www.clusterplattform.de/']],
    );
    assert.deepEqual(
      portrait.light.map((n) => text(n)),
      ['Optence e. V.'],
    );
    assert.deepEqual(
      list.light.map((n) => text(n)),
      ['Alle Reportagen'],
    );
    // inside a <template> (inert until a script clones it) nothing is rendered
    assert.equal(inTemplate.shadow, undefined);
  });

  it('passes everything outside the elements through byte for byte', async () => {
    const out = await render(PAGE, { feed: feed(), baseUrl: BASE, ...quiet });
    const outside = (html) =>
      html.replace(/<cluster-(news-card|journey|portrait|news-list)[\s\S]*?<\/cluster-\1>/g, '¶');
    assert.equal(outside(out), outside(PAGE));
    assert.ok(out.includes('<title>Seite &amp; Feed</title>') && out.includes('<p>Ende &lt;3</p>'));
  });

  it('resolves the feed’s relative URLs against the URL the element’s src points at, as the browser does', async () => {
    const out = await render(PAGE, { feed: feed(), baseUrl: BASE, ...quiet });
    const img = [...walk(read(out).els[0].shadow.content)].find((n) => n.tagName === 'img');
    assert.equal(attr(img, 'src'), 'https://www.example.org/demo/images/news-clusterreportagen.svg');
  });

  it('points the journey’s portrait at the selected station, as the journey does in the browser', async () => {
    const { els } = read(await render(PAGE, { feed: feed(), baseUrl: BASE, ...quiet }));
    assert.equal(attr(els[2].el, 'cluster'), 'olec', 'current="2" is the third station');
    assert.equal(text(byPart(els[2].shadow.content, 'title')[0]), 'OLEC');
  });

  it('renders the list’s entries newest first, their headings at heading-level, and “more” while more items match', async () => {
    const { els } = read(await render(PAGE, { feed: feed(), baseUrl: BASE, ...quiet }));
    const list = els[3].shadow.content;
    const entries = byPart(list, 'entry');
    assert.equal(byPart(list, 'list')[0].tagName, 'ul');
    assert.deepEqual(
      entries.map((li) => [li.tagName, byPart(li, 'title').map((h) => [h.tagName, text(h)])[0]]),
      [
        ['li', ['h2', NEWS_TITLE]],
        ['li', ['h2', 'Optence e. V.']],
      ],
      'kind="all" limit="2": the news and the first portrait, in feed order for the same date',
    );
    assert.deepEqual(
      entries.map((li) => attr(byPart(li, 'link')[0], 'href')),
      [feed().items[0].url, feed().items[1].url],
    );
    assert.equal(text(byPart(entries[1], 'region')[0]), 'Rheinhessen · Mainz');
    assert.equal(text(byPart(list, 'more')[0]), 'Mehr anzeigen', 'three more portraits match');
    // four portraits, all shown: no "more"
    const all = read(
      await render('<cluster-news-list src="f.json" kind="portrait" limit="4"></cluster-news-list>', {
        feed: feed(),
        baseUrl: BASE,
        ...quiet,
      }),
      false,
    ).els[0];
    assert.deepEqual(
      byPart(all.shadow.content, 'title').map((h) => [h.tagName, text(h)]),
      [
        ['h3', 'Optence e. V.'],
        ['h3', 'BioCon Valley®'],
        ['h3', 'OLEC'],
        ['h3', 'BioEconomy'],
      ],
    );
    assert.equal(byPart(all.shadow.content, 'more').length, 0);
  });

  it('renders the list’s empty message when no item carries its tag, and warns', async () => {
    const warnings = [];
    const out = await render('<cluster-news-list src="f.json" tag="Raumfahrt"></cluster-news-list>', {
      feed: feed(),
      baseUrl: BASE,
      onWarning: (m) => warnings.push(m),
    });
    const [{ shadow, state }] = read(out, false).els;
    assert.equal(state, 'empty');
    assert.equal(byPart(shadow.content, 'entry').length, 0);
    assert.equal(byPart(shadow.content, 'empty').length, 1);
    assert.match(warnings.join('\n'), /<cluster-news-list src="f.json" tag="Raumfahrt">: nothing in the feed/);
  });

  it('reads the same feed from a file path as from the object', async () => {
    assert.equal(
      await render(PAGE, { feed: FEED_FILE, baseUrl: BASE, ...quiet }),
      await render(PAGE, { feed: feed(), baseUrl: BASE, ...quiet }),
    );
  });

  it('writes UI strings and dates in the page’s language, the element’s own lang first, else the lang option', async () => {
    const html = `<div lang="en"><cluster-news-card src="f.json"></cluster-news-card><cluster-news-card src="f.json" lang="de"></cluster-news-card></div>`;
    const { els } = read(await render(html, { feed: feed(), baseUrl: BASE, ...quiet }), false);
    assert.deepEqual(
      els.map(({ shadow }) => text(byPart(shadow.content, 'date')[0])),
      ['February 2, 2021', '2. Februar 2021'],
    );
    const snippet = `<cluster-news-card src="f.json"></cluster-news-card>`;
    const en = read(await render(snippet, { feed: feed(), baseUrl: BASE, lang: 'en', ...quiet }), false);
    assert.match(text(byPart(en.els[0].shadow.content, 'link')[0]), /^Read more/);
  });

  it('sanitizes the full card’s article body with the elements’ policy', async () => {
    const hostile = feed();
    hostile.items[0].content_html =
      '<h2>Zwischentitel</h2><p onclick="x()">Text <a href="javascript:alert(1)">böse</a> <a href="/gut">gut</a></p><script>alert(1)</script><img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe>';
    const out = await render(`<cluster-news-card src="/demo/feed.json" variant="full"></cluster-news-card>`, {
      feed: hostile,
      baseUrl: BASE,
      ...quiet,
    });
    const [{ shadow }] = read(out, false).els;
    const content = byPart(shadow.content, 'content')[0];
    const nodes = [...walk(content)];
    assert.deepEqual(
      nodes.map((n) => n.tagName),
      ['div', 'h4', 'p', 'a', 'img'],
      'no script, no iframe; the heading moved below the card’s h3; the javascript: link is text',
    );
    assert.ok(
      nodes.every((n) => n.attrs.every((a) => !/^on/.test(a.name))),
      'no event handler',
    );
    const link = nodes.find((n) => n.tagName === 'a');
    assert.equal(attr(link, 'href'), 'https://www.clusterplattform.de/gut');
    assert.equal(attr(link, 'rel'), 'noopener noreferrer');
    assert.match(text(content), /Text böse gut/);
  });

  it('changes nothing when run on its own output, and leaves a page without our elements as it is', async () => {
    const once = await render(PAGE, { feed: feed(), baseUrl: BASE, ...quiet });
    assert.equal(await render(once, { feed: feed(), baseUrl: BASE, ...quiet }), once);
    const plain = '<!doctype html><p>Nichts zu tun</p>';
    assert.equal(await render(plain), plain);
  });

  it('leaves an element in <svg> or <math> alone, as the browser upgrades none there', async () => {
    const html =
      '<svg><cluster-news-card src="f.json"></cluster-news-card></svg><math><cluster-portrait src="f.json" cluster="olec"></cluster-portrait></math>';
    assert.equal(await render(html, { feed: feed(), baseUrl: BASE, ...quiet }), html);
  });

  it('leaves an element without src alone when there is no feed option, and says so', async () => {
    const warnings = [];
    const html = '<cluster-portrait cluster="olec"></cluster-portrait>';
    assert.equal(await render(html, { onWarning: (m) => warnings.push(m) }), html);
    assert.match(warnings.join('\n'), /<cluster-portrait> has no src/);
  });

  it('renders the empty message for an item the feed does not have, and warns', async () => {
    const warnings = [];
    const out = await render('<cluster-news-card src="f.json" item="gibt-es-nicht"></cluster-news-card>', {
      feed: feed(),
      baseUrl: BASE,
      onWarning: (m) => warnings.push(m),
    });
    const [{ shadow, state }] = read(out, false).els;
    assert.equal(state, 'empty');
    assert.equal(byPart(shadow.content, 'empty').length, 1);
    assert.match(warnings.join('\n'), /item="gibt-es-nicht".*nothing in the feed/);
  });

  describe('a feed that cannot be used', () => {
    const card = '<cluster-news-card src="/feed.json"></cluster-news-card>';
    it('rejects a feed object that is no JSON Feed, naming the path', async () => {
      await assert.rejects(render(card, { feed: { items: [] }, baseUrl: BASE }), {
        message: /^the feed option is not a usable feed: version: expected "https:\/\/jsonfeed\.org\/version\/1\.1"/,
      });
    });
    it('rejects a feed file that is missing or not JSON', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ssr-bad-'));
      writeFileSync(join(dir, 'broken.json'), '{"version": ');
      try {
        await assert.rejects(render(card, { feed: join(dir, 'missing.json'), baseUrl: BASE }), {
          message: /the feed file .*missing\.json cannot be read/,
        });
        await assert.rejects(render(card, { feed: join(dir, 'broken.json'), baseUrl: BASE }), {
          message: /the feed file .*broken\.json is not valid JSON/,
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    it('rejects a relative src without a base URL to resolve it against', async () => {
      await assert.rejects(render(card), {
        message: /<cluster-news-card src="\/feed.json">: cannot resolve src without a base URL/,
      });
    });
    it('rejects a non-string html', async () => {
      await assert.rejects(render(undefined), TypeError);
    });
  });
});

describe('render() fetching each element’s src', () => {
  let server;
  let origin;
  const requests = [];
  before(async () => {
    server = createServer((req, res) => {
      requests.push(req.url);
      if (req.url === '/feeds/reportagen.json') {
        res.writeHead(200, { 'content-type': 'application/feed+json' });
        return res.end(readFileSync(FEED_FILE));
      }
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((ok) => server.close(ok)));

  it('fetches the feed once for all elements and resolves its URLs against the feed’s own URL', async () => {
    requests.length = 0;
    const html = `<cluster-news-card src="/feeds/reportagen.json"></cluster-news-card>
<cluster-portrait src="../feeds/reportagen.json" cluster="olec"></cluster-portrait>`;
    const out = await render(html, { baseUrl: `${origin}/seiten/start.html`, ...quiet });
    assert.deepEqual(requests, ['/feeds/reportagen.json']);
    const { els } = read(out, false);
    assert.deepEqual(
      els.map((e) => e.state),
      ['ready', 'ready'],
    );
    const img = [...walk(els[1].shadow.content)].find((n) => n.tagName === 'img');
    assert.equal(attr(img, 'src'), `${origin}/feeds/images/portrait-olec.svg`);
  });

  it('rejects with the element, the URL and the server’s answer when the feed is not there', async () => {
    await assert.rejects(render('<cluster-portrait src="/nope.json"></cluster-portrait>', { baseUrl: origin }), {
      message: new RegExp(
        `^<cluster-portrait src="/nope.json">: the feed ${origin}/nope.json could not be used: the server answered 404`,
      ),
    });
  });
});

describe('cluster-reportage render (the command)', () => {
  const cli = (args, input) =>
    spawnSync(process.execPath, ['bin/cluster-reportage.js', 'render', ...args], { input, encoding: 'utf8' });

  it('renders stdin to stdout with --feed and --base, exit status 0', async () => {
    const r = cli(['--feed', FEED_FILE, '--base', BASE], PAGE);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, await render(PAGE, { feed: FEED_FILE, baseUrl: BASE, ...quiet }));
  });

  it('exits 1 with the warnings on stderr when it rendered something with nothing to show', () => {
    const r = cli(
      ['--feed', FEED_FILE, '--base', BASE],
      '<cluster-portrait cluster="gibt-es-nicht"></cluster-portrait>',
    );
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^warning: .*nothing in the feed/m);
    assert.match(r.stdout, /state="empty"/);
  });

  it('exits 2 with a clear message and writes nothing when the feed is unusable', () => {
    const r = cli(['--feed', 'package.json', '--base', BASE], '<cluster-portrait src="f.json"></cluster-portrait>');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^cluster-reportage render: the feed package\.json is not a usable feed: version: expected/);
  });

  it('exits 2 with the usage for an unknown option or a base that is no URL', () => {
    const unknown = cli(['--fed', FEED_FILE], '');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown option '--fed'[\s\S]*Usage: cluster-reportage render/);
    const base = cli(['--base', 'www.example.org'], '');
    assert.equal(base.status, 2);
    assert.match(base.stderr, /--base www\.example\.org is not an absolute URL/);
  });
});
