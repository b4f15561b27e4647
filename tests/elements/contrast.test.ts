// Text contrast (WCAG 2.2 AA, 1.4.3) measured on the rendered elements: every
// piece of text against the background it is painted on, in the light and the
// dark colour scheme, and with a partner's colours.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/elements/cluster-journey/define.js';
import '../../src/elements/cluster-news-card/define.js';
import '../../src/elements/cluster-news-list/define.js';
import '../../src/elements/cluster-portrait/define.js';
import type { FeedElement } from '../../src/base/feed-element.js';
import { isChromium, mockUrl, SAMPLE_URL, settled, shadow } from '../helpers.js';

type RGBA = [number, number, number, number];

/** A computed colour: `rgb()`/`rgba()`, or `color(srgb …)` (what `color-mix()` computes to). */
function parseColor(value: string): RGBA {
  const n = value.match(/-?[\d.]+(e-?\d+)?/g)!.map(Number);
  if (value.startsWith('color(srgb')) return [n[0]! * 255, n[1]! * 255, n[2]! * 255, n[3] ?? 1];
  if (/^rgba?\(/.test(value)) return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
  throw new Error(`unexpected colour ${value}`);
}

const luminance = ([r, g, b]: RGBA) => {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const ratio = (a: RGBA, b: RGBA) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
/** `top` painted over the opaque `bottom`. */
const over = (top: RGBA, bottom: RGBA): RGBA =>
  [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as RGBA;

/** The opaque colour behind `el`: its and its ancestors' backgrounds (across the shadow boundary), over the page's. */
function backgroundOf(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (
    let node: Element | null = el;
    node;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null
  ) {
    const c = parseColor(getComputedStyle(node).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] === 1) break;
  }
  return layers.reverse().reduce((bottom, top) => over(top, bottom), [255, 255, 255, 1] as RGBA);
}

/** Every element with its own visible text in `root`, with its contrast and what it needs (3:1 for large text). */
function textContrasts(root: ShadowRoot) {
  const out: { where: string; ratio: number; needs: number }[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!own || el.closest('.visually-hidden, [part~="credit"], [aria-hidden="true"]') || !el.getClientRects().length)
      continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const fg = parseColor(style.color);
    const bg = backgroundOf(el);
    out.push({
      where: `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : `.${el.className}`} "${el.textContent!.trim().slice(0, 30)}"`,
      ratio: ratio(over(fg, bg), bg),
      needs: large ? 3 : 4.5,
    });
  }
  return out;
}

async function renderStates(style = '') {
  const box = await fixture<HTMLElement>(
    html`<div style=${`width: 700px; ${style}`}>
      <cluster-news-card src=${SAMPLE_URL}></cluster-news-card>
      <cluster-portrait src=${SAMPLE_URL} cluster="olec"></cluster-portrait>
      <cluster-journey src=${SAMPLE_URL} current="1"></cluster-journey>
      <cluster-news-list src=${SAMPLE_URL} kind="all"></cluster-news-list>
      <cluster-portrait src=${SAMPLE_URL} cluster="nope"></cluster-portrait>
      <cluster-news-card src=${mockUrl('respond', { status: 500 })}></cluster-news-card>
    </div>`,
  );
  const els = [...box.children] as FeedElement<unknown>[];
  for (const el of els) await settled(el);
  expect(els.map((e) => e.state)).to.deep.equal(['ready', 'ready', 'ready', 'ready', 'empty', 'error']);
  return els;
}

function expectReadable(els: FeedElement<unknown>[]) {
  const checked = els.flatMap((el) =>
    textContrasts(shadow(el)).map((c) => ({ ...c, where: `<${el.localName}> ${c.where}` })),
  );
  expect(checked.length, 'text found to check').to.be.above(25);
  const low = checked.filter((c) => c.ratio < c.needs).map((c) => `${c.where}: ${c.ratio.toFixed(2)} < ${c.needs}`);
  expect(low).to.deep.equal([]);
}

describe('text contrast (WCAG 1.4.3) in every state', () => {
  afterEach(() => (isChromium ? emulateMedia({ colorScheme: 'light' }) : undefined));

  it('in the light scheme every text has at least 4.5:1 (3:1 when large)', async () => {
    // media emulation needs Chromium's DevTools protocol; elsewhere the browser's own scheme is tested
    if (isChromium) await emulateMedia({ colorScheme: 'light' });
    expectReadable(await renderStates());
  });

  it('in the dark scheme the cards turn dark, and every text keeps at least 4.5:1', async () => {
    // only Chromium can switch the scheme from a test; the other engines check the scheme they report
    if (isChromium) await emulateMedia({ colorScheme: 'dark' });
    const els = await renderStates();
    if (!matchMedia('(prefers-color-scheme: dark)').matches) return expectReadable(els);
    const surface = backgroundOf(shadow(els[0]!).querySelector('[part~="base"]')!);
    expect(luminance(surface), 'a dark surface').to.be.below(0.05);
    expectReadable(els);
  });

  it('with a partner’s colours set through the custom properties', async () => {
    const els = await renderStates('--cluster-accent: #7a1f3d; --cluster-text: #222; --cluster-surface: #fdf8ef;');
    expect(getComputedStyle(shadow(els[0]!).querySelector('[part~="base"]')!).backgroundColor).to.equal(
      'rgb(253, 248, 239)',
    );
    expectReadable(els);
  });
});
