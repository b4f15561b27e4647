// Render harness, driven by bench/run.mjs through page.evaluate.
//
// "ours": N elements of the built bundle get the same already-parsed feed
// object (`feed` property) and distinct `item`s; timed from creating and
// inserting them to every `updateComplete` resolved plus a forced layout.
//
// "baseline": the same markup built with document.createElement: for every
// element, a plain custom element whose connectedCallback attaches a shadow
// root, adopts the very same stylesheets and builds the same elements,
// attributes and text nodes (captured from one of our runs, so the markup
// matches node for node, whatever the elements render today) — what the DOM
// alone costs, with no templating, no data mapping, no feed validation.
/* global HTMLElement, customElements, requestAnimationFrame, fetch */
const HTML = 'http://www.w3.org/1999/xhtml';
const noop = () => {};

function describe(node) {
  if (node.nodeType === 3) return node.data;
  if (node.nodeType !== 1) return null; // Lit's comment markers are not markup
  const d = { t: node.localName, a: [...node.attributes].map((a) => [a.name, a.value]), c: [] };
  if (node.namespaceURI !== HTML) d.ns = node.namespaceURI;
  for (const child of node.childNodes) {
    const x = describe(child);
    if (x !== null) d.c.push(x);
  }
  return d;
}

function build(d) {
  if (typeof d === 'string') return document.createTextNode(d);
  const el = d.ns ? document.createElementNS(d.ns, d.t) : document.createElement(d.t);
  for (const [k, v] of d.a) el.setAttribute(k, v);
  for (const c of d.c) el.appendChild(build(c));
  if (d.t === 'img') el.addEventListener('error', noop); // our cards listen for broken images too
  return el;
}

class VanillaHost extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = this.sheets;
    for (const d of this.desc) root.appendChild(build(d));
  }
}
customElements.define('vanilla-host', VanillaHost);

/** Elements and text nodes, shadow trees included (comments left out). */
function countNodes(node) {
  let n = node.nodeType === 1 || node.nodeType === 3 ? 1 : 0;
  if (node.shadowRoot) n += countNodes(node.shadowRoot);
  for (const c of node.childNodes) n += countNodes(c);
  return n;
}

let box;
function freshBox() {
  box?.remove();
  box = document.createElement('div');
  box.className = 'box';
  document.body.append(box);
  return box;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
async function settle() {
  box?.remove();
  box = undefined;
  globalThis.gc?.();
  await frame();
  await frame();
}

const scenarios = {};

async function settled(el) {
  while (!(await el.updateComplete));
}

async function ours(name) {
  const s = scenarios[name];
  const parent = freshBox();
  const t0 = performance.now();
  const els = [];
  for (let i = 0; i < s.n; i++) {
    const el = document.createElement(s.tag);
    if (s.item) el.item = `${s.item}-${i}`;
    Object.assign(el, s.props);
    el.feed = s.feed;
    parent.appendChild(el);
    els.push(el);
  }
  await Promise.all(els.map(settled));
  void document.body.offsetHeight;
  const ms = performance.now() - t0;
  return { ms, els };
}

async function baseline(name) {
  const s = scenarios[name];
  const parent = freshBox();
  const t0 = performance.now();
  for (const d of s.descs) {
    const host = document.createElement('vanilla-host');
    host.sheets = s.sheets;
    host.desc = d.root;
    for (const [k, v] of d.attrs) host.setAttribute(k, v);
    parent.appendChild(host);
  }
  void document.body.offsetHeight;
  return performance.now() - t0;
}

let parseFeed;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

window.bench = {
  ready: true,
  /** The markup and stylesheet texts of a scenario, for the vanilla page-load baseline. */
  export(name) {
    const s = scenarios[name];
    return JSON.stringify({
      descs: s.descs,
      css: s.sheets.map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('\n')),
    });
  },
  /** Loads the feed once (JSON.parse happens here, outside every timing) and captures the markup. */
  async prepare(name, { tag, n, feedUrl, item, props }) {
    const feed = await (await fetch(feedUrl)).json();
    await customElements.whenDefined(tag);
    scenarios[name] = { tag, n, feed, item, props };
    const { ms, els } = await ours(name);
    // what one element spends validating the feed (the bundle exports parseFeed); after one run, so warm
    parseFeed ??= (await import('/dist/cluster-reportage.js')).parseFeed;
    const parseMs = [];
    for (let i = 0; i < 5 && parseFeed; i++) {
      const t0 = performance.now();
      parseFeed(feed, document.baseURI);
      parseMs.push(performance.now() - t0);
    }
    const states = els.map((e) => e.getAttribute('state'));
    const ready = states.filter((s) => s === 'ready').length;
    const cls = customElements.get(tag);
    scenarios[name].sheets = cls.elementStyles.map((s) => s.styleSheet ?? s);
    scenarios[name].descs = els.map((e) => ({
      attrs: [...e.attributes].map((a) => [a.name, a.value]),
      root: [...e.shadowRoot.childNodes].map(describe).filter((x) => x !== null),
    }));
    const nodes = els.reduce((sum, e) => sum + countNodes(e), 0);
    const firstHtml = els[0]?.shadowRoot?.innerHTML.replace(/<!--[^]*?-->/g, '').slice(0, 400);
    await settle();
    const bms = await baseline(name);
    const baseNodes = [...box.children].reduce((sum, e) => sum + countNodes(e), 0);
    await settle();
    return {
      parseMs: parseMs.length ? median(parseMs) : null,
      ready,
      n: els.length,
      states: [...new Set(states)],
      nodes,
      baseNodes,
      firstMs: ms,
      firstBaseMs: bms,
      firstHtml,
    };
  },
  async ours(name) {
    const { ms } = await ours(name);
    await settle();
    return ms;
  },
  async baseline(name) {
    const ms = await baseline(name);
    await settle();
    return ms;
  },
};
