// Injected with page.addInitScript into every page the benchmark opens, so it
// runs before any page script (the bundle included): layout shifts, long
// tasks and the moments elements report a rendered feed.
/* global PerformanceObserver, requestAnimationFrame, customElements */
(() => {
  const w = window;
  w.__t0 = performance.now();
  w.__cls = { value: 0, shifts: [] };
  w.__long = [];
  w.__rendered = []; // { tag, t } after the frame that follows each cluster-feed-load
  const name = (n) =>
    n && n.nodeType === 1
      ? n.localName +
        (n.id ? '#' + n.id : '') +
        (n.className && typeof n.className === 'string' ? '.' + n.className.trim().split(/\s+/).join('.') : '')
      : n
        ? n.nodeName
        : '?';
  const where = (n) => {
    const path = [];
    for (let x = n; x && path.length < 6; x = x.parentNode || x.host) path.push(name(x));
    return path.reverse().join(' > ');
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        w.__cls.value += e.value;
        w.__cls.shifts.push({
          value: e.value,
          at: Math.round(e.startTime),
          sources: (e.sources || []).map((s) => where(s.node)),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // no Layout Instability API: __cls stays 0 with no shifts
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API
  }
  const rendered = (tag) => requestAnimationFrame(() => w.__rendered.push({ tag, t: performance.now() }));
  w.__markRendered = rendered;
  // the rendered markup of some elements, for the vanilla baselines (see vanilla.js)
  const describe = (node) => {
    if (node.nodeType === 3) return node.data;
    if (node.nodeType !== 1) return null;
    const d = { t: node.localName, a: [...node.attributes].map((a) => [a.name, a.value]), c: [] };
    if (node.namespaceURI !== 'http://www.w3.org/1999/xhtml') d.ns = node.namespaceURI;
    for (const c of node.childNodes) {
      const x = describe(c);
      if (x !== null) d.c.push(x);
    }
    return d;
  };
  w.__capture = (selector, limit = Infinity) => {
    const els = [...document.querySelectorAll(selector)].slice(0, limit);
    const sheets = els[0] ? customElements.get(els[0].localName).elementStyles.map((s) => s.styleSheet || s) : [];
    return JSON.stringify({
      descs: els.map((e) => ({
        attrs: [...e.attributes].map((a) => [a.name, a.value]),
        root: [...e.shadowRoot.childNodes].map(describe).filter((x) => x !== null),
      })),
      css: sheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')),
    });
  };
  w.__loaded = []; // performance.now() when each cluster-feed-load fired
  document.addEventListener(
    'cluster-feed-load',
    (e) => {
      w.__loaded.push(performance.now());
      rendered(e.target.localName);
    },
    true,
  );
})();
