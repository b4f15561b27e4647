// A real Eleventy 3 build (tests/fixtures/eleventy: Markdown and Nunjucks pages, a layout, the
// README's transform): every page comes out with its elements prerendered.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'parse5';
import { buildSite } from '../fixtures/eleventy/build.mjs';

const isElement = (n) => 'tagName' in n;
function* walk(node) {
  for (const child of node.childNodes ?? []) {
    if (!isElement(child)) continue;
    yield child;
    yield* walk(child.content ?? child);
  }
}
const text = (node) =>
  (node.childNodes ?? []).map((c) => (c.nodeName === '#text' ? c.value : text(c.content ?? c))).join('');
const titleOf = (el) => {
  const shadow = el.childNodes.find((c) => c.tagName === 'template');
  const title =
    shadow && [...walk(shadow.content)].find((n) => n.attrs.some((a) => a.name === 'part' && a.value === 'title'));
  return title && text(title).trim();
};

describe('an Eleventy 3 site with the render transform', () => {
  const out = mkdtempSync(join(tmpdir(), 'cluster-reportage-eleventy-'));
  before(() => buildSite(out));
  after(() => rmSync(out, { recursive: true, force: true }));
  const page = (path) => {
    const errors = [];
    const doc = parse(readFileSync(join(out, path), 'utf8'), { onParseError: (e) => errors.push(e.code) });
    return { errors, els: [...walk(doc)].filter((el) => el.tagName.startsWith('cluster-')) };
  };

  it('writes the Markdown page with all three elements prerendered and valid HTML', () => {
    const { errors, els } = page('index.html');
    assert.deepEqual(errors, []);
    assert.deepEqual(
      els.map((el) => [el.tagName, titleOf(el)]),
      [
        ['cluster-news-card', JSON.parse(readFileSync('demo/feed.json', 'utf8')).items[0].title],
        ['cluster-journey', 'Stationen der Reportagereise'],
        ['cluster-portrait', 'Optence e. V.'],
      ],
    );
  });

  it('takes each page’s language from its layout', () => {
    const { els } = page('english/index.html');
    assert.equal(titleOf(els[0]), 'OLEC');
    assert.match(text(els[0]), /Focus:/);
  });
});
