// Watches a page from its first byte, before its own scripts (an init script: harness `init`), for
// prerendered.test.mjs and eleventy.test.mjs; the test reads window.__watch:
// - shifts: layout shifts as the browser reports them (PerformanceObserver 'layout-shift', the
//   Layout Instability API behind CLS); null where the browser has no such entry type (Firefox, WebKit);
// - moves: what the watcher saw move itself, in every engine: in every frame (requestAnimationFrame)
//   the layout position of each element's host box, of every [part] in its shadow root, of the
//   heading and of the text after the elements; an entry for each box that was in the previous frame
//   and is now laid out at least 3 px away (what a visitor sees jump; as Chromium counts a layout
//   shift: a move of its starting point by 3 CSS px or more, transforms and scrolling left out);
// - placeholders: nodes added to one of our shadow roots that are or hold a loading placeholder;
// - events: the elements' cluster-feed-load and cluster-feed-error events;
// - parsed: what the page showed once its HTML was parsed, before deferred and module scripts ran.
/* global customElements, PerformanceObserver, MutationObserver, Element, HTMLElement, requestAnimationFrame */
(() => {
  const TAGS = 'cluster-news-card, cluster-journey, cluster-portrait, cluster-news-list';
  const w = (window.__watch = { shifts: null, moves: [], frames: 0, placeholders: 0, events: [], parsed: undefined });

  if (PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) {
    w.shifts = [];
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) w.shifts.push(e.value);
    });
    po.observe({ type: 'layout-shift', buffered: true });
    w.flush = () => po.takeRecords().forEach((e) => e.hadRecentInput || w.shifts.push(e.value));
  } else w.flush = () => {};

  /**
   * Where each box a visitor could see jump is laid out, by a name that stays the same when the
   * content is rendered anew: its offset chain, which (like CLS) leaves out transforms (the
   * journey's stations rise into place by a translate animation) and scrolling.
   */
  const boxes = () => {
    const out = new Map();
    const add = (key, el) => {
      if (!(el instanceof HTMLElement) || !el.offsetWidth || !el.offsetHeight) return;
      let x = 0;
      let y = 0;
      for (let n = el; n; n = n.offsetParent) {
        x += n.offsetLeft;
        y += n.offsetTop;
      }
      out.set(key, { x, y });
    };
    for (const sel of ['h1', '#after']) {
      const el = document.querySelector(sel);
      if (el) add(sel, el);
    }
    document.querySelectorAll(TAGS).forEach((host, i) => {
      add(`${host.localName}#${i}`, host);
      const seen = new Map();
      for (const el of host.shadowRoot?.querySelectorAll('[part]') ?? []) {
        const part = el.getAttribute('part');
        const n = seen.get(part) ?? 0;
        seen.set(part, n + 1);
        add(`${host.localName}#${i} [part="${part}"]#${n}`, el);
      }
    });
    return out;
  };
  /** Chromium's layout shift tracker ignores smaller moves (kMovementThreshold, in CSS px). */
  const MOVED = 3;
  let last = new Map();
  const frame = () => {
    const now = boxes();
    w.frames++;
    for (const [key, at] of now) {
      const was = last.get(key);
      if (was && Math.max(Math.abs(was.x - at.x), Math.abs(was.y - at.y)) >= MOVED && w.moves.length < 20)
        w.moves.push(`${key}: (${was.x}, ${was.y}) → (${at.x}, ${at.y})`);
    }
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  for (const type of ['cluster-feed-load', 'cluster-feed-error'])
    document.addEventListener(type, (e) => w.events.push(`${e.target.localName}:${type}`));

  const placeholders = new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.nodeType === 1 && (n.matches('[part~="loading"]') || n.querySelector('[part~="loading"]')))
          w.placeholders++;
  });
  const observe = (root) => placeholders.observe(root, { childList: true, subtree: true });
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
    const els = [...document.querySelectorAll(TAGS)];
    for (const el of els) if (el.shadowRoot) observe(el.shadowRoot);
    w.parsed = {
      defined: els.some((el) => customElements.get(el.localName)),
      titles: els.map((el) => el.shadowRoot?.querySelector('[part~="title"]')?.textContent.trim() ?? ''),
      body: document.querySelector('cluster-news-card')?.shadowRoot?.querySelector('[part~="content"]')?.innerHTML,
    };
  });
})();
