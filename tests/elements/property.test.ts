// Property-based test of what a visitor sees: for any feed-shaped object (the
// arbitraries of the feed layer's property test), every element settles in a
// state of the contract, shows no programming leftovers and links nowhere unsafe,
// and the page sees no uncaught error.
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements/cluster-journey/define.js';
import '../../src/elements/cluster-news-card/define.js';
import '../../src/elements/cluster-news-list/define.js';
import '../../src/elements/cluster-portrait/define.js';
import type { FeedElement } from '../../src/base/feed-element.js';
import { feedShaped } from '../feed/arbitraries.js';
import { guarded, part, settled, shadow } from '../helpers.js';

const numRuns = 100;
const LEFTOVERS = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|Invalid Date/g;
const SAFE = /^(https?:|mailto:)/;

/** Every element of one fixture, settled. */
async function renderAll(feed: unknown): Promise<FeedElement<unknown>[]> {
  const box = await fixture<HTMLElement>(
    html`<div style="width: 480px">
      <cluster-news-card .feed=${feed}></cluster-news-card>
      <cluster-news-card .feed=${feed} variant="full" lang="en"></cluster-news-card>
      <cluster-portrait .feed=${feed}></cluster-portrait>
      <cluster-journey .feed=${feed} heading-level="2"></cluster-journey>
      <cluster-news-list .feed=${feed} kind="all" limit="50"></cluster-news-list>
    </div>`,
  );
  const els = [...box.children] as FeedElement<unknown>[];
  for (const el of els) await settled(el);
  // the full card's body arrives from the lazily loaded sanitizer
  await new Promise((r) => setTimeout(r, 0));
  for (const el of els) await el.updateComplete;
  return els;
}

/** Every string in a value (keys included), joined: a word the page shows may come from there. */
function stringsOf(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || seen.has(value)) return '';
  seen.add(value);
  const entries: [unknown, unknown][] =
    value instanceof Map ? [...value] : value instanceof Set ? [...value].map((v) => ['', v]) : Object.entries(value);
  return entries.map(([k, v]) => `${stringsOf(k, seen)} ${stringsOf(v, seen)}`).join(' ');
}

function checkSane(el: FeedElement<unknown>, input: string) {
  const where = `<${el.localName}> (${el.state})`;
  expect(el.state, where).to.be.oneOf(['ready', 'empty', 'error']);
  expect(part(el, el.state === 'ready' ? 'base' : el.state), `${where} shows its state's part`).not.to.equal(null);
  if (el.state === 'ready') expect(part(el, 'title')?.textContent?.trim(), `${where} has a title`).not.to.equal('');
  // what the page shows, minus the technical details (they quote the feed on purpose)
  const root = shadow(el);
  const details = [...root.querySelectorAll('details')].map((d) => d.textContent ?? '').join('');
  const shown = (root.textContent ?? '').replace(details, '');
  for (const word of shown.match(LEFTOVERS) ?? [])
    expect(input.includes(word), `${where} shows "${word}" that the feed did not contain`).to.equal(true);
  for (const node of root.querySelectorAll('[href], [src]')) {
    const url = node.getAttribute('href') ?? node.getAttribute('src')!;
    expect(url, `${where} <${node.localName}>`).to.match(SAFE);
  }
}

describe('property: any feed-shaped object renders sanely in every element', () => {
  it(`${numRuns} random feeds: a contract state, no "undefined"/"NaN"/"[object Object]", only http(s)/mailto links, no uncaught error`, async function () {
    this.timeout(numRuns * 500);
    await guarded(() =>
      fc.assert(
        fc.asyncProperty(feedShaped, async (feed) => {
          const input = stringsOf(feed);
          for (const el of await renderAll(feed)) checkSane(el, input);
        }),
        { numRuns },
      ),
    );
  });
});
