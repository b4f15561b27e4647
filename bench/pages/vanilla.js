// The vanilla-DOM baseline of a page load: fetch the same feed (and parse its
// JSON), then build the markup our elements rendered (captured by the
// benchmark, ?desc=) with document.createElement in shadow roots with the same
// stylesheets. No validation, no templating: what the DOM alone costs.
/* global URLSearchParams, location, fetch, CSSStyleSheet */
const q = new URLSearchParams(location.search);
const noop = () => {};
function build(d) {
  if (typeof d === 'string') return document.createTextNode(d);
  const el = d.ns ? document.createElementNS(d.ns, d.t) : document.createElement(d.t);
  for (const [k, v] of d.a) el.setAttribute(k, v);
  for (const c of d.c) el.appendChild(build(c));
  if (d.t === 'img') el.addEventListener('error', noop);
  return el;
}
const [feed, spec] = await Promise.all([
  fetch(q.get('feed')).then((r) => r.json()),
  fetch(q.get('desc')).then((r) => r.json()),
]);
if (!Array.isArray(feed.items)) throw new Error('not a feed');
const sheets = spec.css.map((text) => {
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return s;
});
const box = document.querySelector('.box');
for (const d of spec.descs) {
  const host = document.createElement('div');
  for (const [k, v] of d.attrs) host.setAttribute(k, v);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  for (const x of d.root) root.appendChild(build(x));
  box.appendChild(host);
}
void document.body.offsetHeight;
for (let i = 0; i < spec.descs.length; i++) window.__markRendered?.('vanilla');
