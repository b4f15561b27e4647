// Every module of the library imports in Node, with no DOM but Lit's own server
// shim (@lit-labs/ssr-dom-shim, what @lit-labs/ssr provides): server rendering
// and the command-line tools depend on it. DOM access belongs in lifecycle
// callbacks and event handlers, never at module top level or in render().
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { customElements, CustomEvent, Element, Event, HTMLElement } from '@lit-labs/ssr-dom-shim';

Object.assign(globalThis, { customElements, CustomEvent, Element, Event, HTMLElement });

const lib = 'dist/lib';
const modules = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? modules(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : [],
  );

describe('the library in Node, without a DOM', () => {
  it('imports dist/lib/index.js and registers every element with the shim registry', async () => {
    assert.equal(typeof globalThis.document, 'undefined', 'this test must run without a DOM');
    const lib = await import(pathToFileURL('dist/lib/index.js').href);
    for (const tag of [
      'cluster-news-card',
      'cluster-portrait',
      'cluster-journey',
      'cluster-news-list',
      'cluster-autolink',
    ]) {
      assert.ok(customElements.get(tag), `<${tag}> is registered`);
    }
    assert.equal(typeof lib.parseFeed, 'function');
  });

  it('imports every module of dist/lib without throwing', async () => {
    const files = modules(lib).filter((f) => !f.includes(`${join(lib, 'node')}`));
    assert.ok(files.length > 20, `found ${files.length} modules`);
    for (const file of files) {
      await assert.doesNotReject(import(pathToFileURL(file).href), `${relative(lib, file)} imports in Node`);
    }
  });

  it('creates each element and renders its ready state from a feed object, as a server renderer would', async () => {
    const { readFileSync } = await import('node:fs');
    const feed = JSON.parse(readFileSync('demo/feed.json', 'utf8'));
    for (const tag of ['cluster-news-card', 'cluster-portrait', 'cluster-journey', 'cluster-news-list']) {
      const Ctor = customElements.get(tag);
      const el = new Ctor();
      el.feed = feed;
      // what @lit-labs/ssr's LitElementRenderer calls: willUpdate with the changed properties, then render
      el.willUpdate(new Map([['feed', undefined]]));
      const result = el.render();
      assert.equal(el.state, 'ready', `<${tag}> is ready`);
      assert.ok(result && typeof result === 'object' && 'strings' in result, `<${tag}> renders a template`);
    }
  });
});
