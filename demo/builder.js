// The snippet builder: a CMS editor picks an element and its options from the
// feed's own entries, sees the real element, and copies HTML that works with
// no JavaScript of their own. Preview and snippet come from one description
// (`describe()`), so what the preview shows is exactly what gets pasted.
//
// The feed's items come from the preview element itself (its
// `cluster-feed-load` event carries them validated, with safe absolute URLs);
// the journeys are not in that event, so the raw JSON is read for them. An RSS
// or Atom feed (a CMS's own) has news items only: the builder offers the news
// card for it, and says why portraits and journeys are not offered.
/* global fetch, navigator, location, Option, ClipboardItem, Blob */
import { esc, linkSnippet, setupSnippet } from './snippets.js';

const $ = (id) => document.getElementById(id);
const form = $('builder');
const input = $('feed-url');
const preview = $('preview');
const snippetBox = $('snippet');
const linkBox = $('link-snippet');
const setupBox = $('setup-snippet');
const feedStatus = $('feed-status');
const copyStatus = $('copy-status');
const selects = { item: $('item'), cluster: $('cluster'), journey: $('journey'), tag: $('tag') };

/** The bundle this page runs, as an absolute URL: the snippet loads the same file. */
const BUNDLE = document.querySelector('script[src*="cluster-reportage.js"]').src;

/** Only http(s) links go into the snippet (the elements' own feed layer already checked item URLs). */
function httpUrl(value, base) {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** What is known about the loaded feed; `items` from the element, the rest from the raw body (`xml`: RSS or Atom). */
const feed = { src: '', items: undefined, journeys: undefined, title: '', home: undefined, error: '', xml: false };
/** Elements that need the JSON Feed's `_reportage`: not offered for RSS and Atom. */
const REPORTAGE_ONLY = ['portrait', 'journey', 'pair'];

/** The theme rules of themes.css by class name, read once. */
const themes = {};
fetch(new URL('themes.css', import.meta.url))
  .then((r) => (r.ok ? r.text() : ''))
  .then((css) => {
    for (const [, selector, body] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const name = /^\s*\.(theme-[\w-]+)/.exec(selector)?.[1];
      if (!name) continue;
      const decls = body
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean);
      (themes[name] ??= []).push({
        selector: selector.trim(),
        text: `${selector.trim()} {\n${decls.map((d) => `  ${d};\n`).join('')}}`,
      });
    }
    update();
  })
  .catch(() => {});

const time = (item) => Date.parse(item.date_published ?? item.date_modified ?? '') || 0;
const news = () => (feed.items ?? []).filter((i) => i.kind === 'news').sort((a, b) => time(b) - time(a));
const portraits = () => (feed.items ?? []).filter((i) => i.kind === 'portrait' && i.cluster);
const itemById = (id) => feed.items?.find((i) => i.id === id);

/** A fallback link (or text) shown inside the element before its script runs. */
const fallback = (href, text) => (text ? { href, text } : href ? { href, text: href } : undefined);

/** The snippet as data: an optional theme and the elements with their attributes and fallback. */
function describe() {
  const kind = form.elements.element.value;
  const shared = [];
  if ($('lang').value) shared.push(['lang', $('lang').value]);
  shared.push(['heading-level', $('heading-level').value]);
  const elements = [];
  const journey = feed.journeys?.find((j) => j.id === selects.journey.value);

  if (kind === 'list') {
    elements.push({
      tag: 'cluster-news-list',
      attrs: [['src', feed.src], ...shared],
      link: fallback(feed.home, feed.title),
    });
  }

  if (kind === 'news') {
    const attrs = [['src', feed.src]];
    let link;
    const id = selects.item.value;
    if (id) {
      attrs.push(['item', id]);
      const item = itemById(id);
      link = fallback(item?.url ?? item?.external_url, item?.title);
    } else {
      // "the newest" changes over time: link to the site of the feed rather than to today's item
      const newest = news()[0];
      link = feed.home ? fallback(feed.home, feed.title) : fallback(newest?.url, newest?.title);
    }
    if (form.elements.variant.value === 'full') attrs.push(['variant', 'full']);
    elements.push({ tag: 'cluster-news-card', attrs: [...attrs, ...shared], link });
  }

  if (kind === 'list') {
    // only what differs from the element's defaults (limit 3, kind news, every tag)
    const attrs = [['src', feed.src]];
    const limit = Math.trunc(Number($('limit').value));
    if (limit >= 1 && limit !== 3) attrs.push(['limit', String(limit)]);
    if ($('kind').value !== 'news') attrs.push(['kind', $('kind').value]);
    if (selects.tag.value) attrs.push(['tag', selects.tag.value]);
    // the list changes over time: its fallback links to the feed's site
    elements.push({ tag: 'cluster-news-list', attrs: [...attrs, ...shared], link: fallback(feed.home, feed.title) });
  }

  let portraitId;
  if (kind === 'journey' || kind === 'pair') {
    const attrs = [['src', feed.src]];
    if (journey) attrs.push(['journey', journey.id]);
    if (kind === 'pair') {
      portraitId = `portrait-${(journey?.id ?? 'reise').replace(/[^\w-]/g, '-')}`;
      attrs.push(['for', portraitId]);
    }
    elements.push({
      tag: 'cluster-journey',
      attrs: [...attrs, ...shared],
      link: fallback(feed.home, journey?.title ?? feed.title),
    });
  }

  if (kind === 'portrait' || kind === 'pair') {
    // the pair's portrait starts at the journey's first station; the journey moves it on
    const first = journey?.stations.map(itemById).find((i) => i?.cluster);
    const slug = kind === 'pair' ? first?.cluster.slug : selects.cluster.value;
    const item = portraits().find((i) => i.cluster.slug === slug);
    const attrs = portraitId ? [['id', portraitId]] : [];
    attrs.push(['src', feed.src]);
    if (slug) attrs.push(['cluster', slug]);
    const link = item ? fallback(item.url ?? item.cluster.url, item.title ?? item.cluster.name) : undefined;
    elements.push({ tag: 'cluster-portrait', attrs: [...attrs, ...shared], link });
  }

  const theme = $('theme').value;
  const tags = elements.map((e) => e.tag);
  // only the rules that reach something in this snippet
  const rules = (themes[theme] ?? []).filter(
    (r) => !/cluster-[a-z-]+/.test(r.selector) || tags.some((t) => r.selector.includes(t)),
  );
  return { theme, css: rules.map((r) => r.text).join('\n'), elements };
}

/**
 * For rich-text fields: the link to the chosen item (news card or portrait; the journey strip has
 * none) and the theme's one-time set-up, whose <cluster-autolink> carries the display options.
 */
function describeLink() {
  const kind = form.elements.element.value;
  let item;
  if (kind === 'news') item = itemById(selects.item.value) ?? news()[0];
  else if (kind === 'portrait') item = portraits().find((i) => i.cluster.slug === selects.cluster.value);
  const url = item && (item.url ?? item.external_url);
  const attrs = [['src', feed.src]];
  if ($('lang').value) attrs.push(['lang', $('lang').value]);
  attrs.push(['heading-level', $('heading-level').value]);
  if (kind === 'news' && form.elements.variant.value === 'full') attrs.push(['variant', 'full']);
  return { kind, url, setup: setupSnippet(BUNDLE, attrs) };
}

/**
 * The preview element's ready state as a declarative shadow root, for HTML blocks that keep
 * `<template>`: the element's own styles and its rendered markup (already escaped and sanitized
 * by the element), without Lit's marker comments.
 */
function shadowOf(el) {
  if (el.state !== 'ready') return '';
  const css = el.constructor.elementStyles.map((s) => s.cssText).join('\n');
  const content = el.shadowRoot.innerHTML.replace(/<!--[\s\S]*?-->/g, '');
  return `<template shadowrootmode="open"><style>${css}</style>${content}</template>`;
}

function toHtml({ theme, css, elements }, shadows = []) {
  const pad = theme ? '  ' : '';
  const els = elements.map(({ tag, attrs, link }, i) => {
    const open = `${pad}<${tag}${attrs.map(([n, v]) => ` ${n}="${esc(v)}"`).join('')}>${shadows[i] ?? ''}`;
    if (!link) return `${open}</${tag}>`;
    const inner = link.href ? `<a href="${esc(link.href)}">${esc(link.text)}</a>` : esc(link.text);
    return `${open}\n${pad}  ${inner}\n${pad}</${tag}>`;
  });
  const lines = [];
  if ($('with-script').checked) lines.push(`<script type="module" src="${esc(BUNDLE)}"></script>`);
  if (theme) {
    if (css) lines.push(`<style>\n${css}\n</style>`);
    lines.push(`<div class="${esc(theme)}">`, ...els, '</div>');
  } else lines.push(...els);
  return lines.join('\n') + '\n';
}

/** The same description as real elements (DOM APIs only: the page runs under a strict CSP). */
function toDom({ theme, elements }) {
  const root = document.createElement('div');
  if (theme) root.className = theme;
  for (const { tag, attrs, link } of elements) {
    const el = document.createElement(tag);
    for (const [n, v] of attrs) el.setAttribute(n, v);
    if (link?.href) {
      const a = document.createElement('a');
      a.href = link.href;
      a.textContent = link.text;
      el.append(a);
    } else if (link) el.append(link.text);
    root.append(el);
  }
  return root;
}

let shown = '';
let prerendering = 0;
/** Brings the form's visible fields, the snippet and the preview up to date; the preview only when the elements changed. */
function update() {
  const kind = form.elements.element.value;
  for (const el of form.querySelectorAll('[data-show]')) el.hidden = !el.dataset.show.split(' ').includes(kind);
  if (!feed.src) return;
  const spec = describe();
  const html = toHtml(spec);
  snippetBox.value = html;
  snippetBox.rows = Math.min(Math.max(html.split('\n').length, 6), 30);
  const link = describeLink();
  linkBox.value = link.url
    ? linkSnippet(link.url).text
    : !feed.items
      ? ''
      : link.kind === 'news' || link.kind === 'portrait'
        ? 'Dieser Eintrag hat keine Adresse: nehmen Sie das Element-Snippet.'
        : 'Die Reise-Leiste gibt es nur als Element-Snippet für einen HTML-Block.';
  linkBox.dataset.url = link.url ?? '';
  $('copy-link').disabled = !link.url;
  setupBox.value = link.setup;
  const key = JSON.stringify([spec.theme, spec.elements]);
  if (key !== shown) {
    shown = key;
    preview.replaceChildren(toDom(spec));
  }
  if (!$('prerender').checked) return;
  // the prerendered snippet is the preview's own rendering, once it has rendered
  const run = ++prerendering;
  const els = [...preview.querySelectorAll('cluster-news-card, cluster-journey, cluster-portrait')];
  Promise.all(els.map((el) => el.updateComplete)).then(() => {
    if (run === prerendering) snippetBox.value = toHtml(spec, els.map(shadowOf));
  });
}

/** Replaces the options of `select`, keeping its value when it is still offered. */
function fill(select, options) {
  const keep = select.value;
  select.replaceChildren(
    ...options.map(([value, label, disabled]) => Object.assign(new Option(label, value), { disabled: !!disabled })),
  );
  if (options.some(([v]) => v === keep)) select.value = keep;
}

/** Offers the elements this feed can fill; a choice that went away falls back to the news card. */
function offerElements() {
  for (const radio of form.elements.element) radio.disabled = feed.xml && REPORTAGE_ONLY.includes(radio.value);
  const chosen = [...form.elements.element].find((r) => r.checked);
  if (chosen?.disabled) form.elements.element.value = 'news';
}

function fillLists() {
  const loaded = feed.items !== undefined;
  const wait = [['', feed.error ? 'Feed nicht geladen' : 'Feed wird geladen …', true]];
  const none = (what) => [['', feed.xml ? `RSS/Atom: keine ${what}` : `Keine ${what} im Feed`, true]];
  fill(selects.item, [['', 'Neueste Meldung (Standard)'], ...news().map((i) => [i.id, i.title ?? i.id])]);
  const clusters = portraits().map((i) => [i.cluster.slug, i.cluster.name]);
  fill(selects.cluster, !loaded ? wait : clusters.length ? clusters : none('Porträts'));
  // the feed's tags, most used first
  const tags = new Map();
  for (const i of feed.items ?? []) for (const t of i.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
  fill(selects.tag, [
    ['', 'Alle Einträge (kein Filter)'],
    ...[...tags].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t, n]) => [t, `${t} (${n})`]),
  ]);
  const journeys = (feed.journeys ?? []).map((j) => [j.id, j.title]);
  fill(selects.journey, !loaded || !feed.journeys ? wait : journeys.length ? journeys : none('Reisen'));
  offerElements();
  if (loaded && feed.journeys && !feed.error) {
    const n = (count, one, many) => `${count} ${count === 1 ? one : many}`;
    feedStatus.textContent = feed.xml
      ? `Feed geladen (RSS/Atom): ${n(news().length, 'Meldung', 'Meldungen')}. Porträts und Reisen gibt es nur in einem JSON Feed mit Reportage-Daten.`
      : `Feed geladen: ${n(news().length, 'Meldung', 'Meldungen')}, ${n(clusters.length, 'Porträt', 'Porträts')}, ${n(journeys.length, 'Reise', 'Reisen')}.`;
  }
}

function load() {
  let url;
  try {
    url = new URL(input.value.trim(), location.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError();
  } catch {
    input.setAttribute('aria-invalid', 'true');
    feedStatus.textContent = 'Bitte eine vollständige Adresse eingeben, die mit https:// beginnt.';
    input.focus();
    return;
  }
  url.hash = ''; // as the elements resolve `src`: the event's url then matches
  input.removeAttribute('aria-invalid');
  Object.assign(feed, {
    src: url.href,
    items: undefined,
    journeys: undefined,
    title: '',
    home: undefined,
    error: '',
    xml: false,
  });
  feedStatus.textContent = 'Feed wird geladen …';
  fillLists();
  shown = ''; // a fresh preview element, whose cluster-feed-load brings the items
  update();
  const src = url.href;
  fetch(src)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((text) => {
      if (feed.src !== src) return;
      // told by content, as the elements do: RSS and Atom start with "<"
      if (/^\s*</.test(text.replace(/^\ufeff/, ''))) {
        feed.xml = true;
        feed.journeys = [];
        return;
      }
      const json = JSON.parse(text);
      const raw = Array.isArray(json?._reportage?.journeys) ? json._reportage.journeys : [];
      feed.journeys = raw
        .filter((j) => typeof j?.id === 'string' && j.id)
        .map((j) => ({
          id: j.id,
          title: typeof j.title === 'string' && j.title.trim() ? j.title : j.id,
          stations: Array.isArray(j.stations)
            ? j.stations.map((s) => s?.item).filter((s) => typeof s === 'string')
            : [],
        }));
      feed.title = typeof json?.title === 'string' ? json.title : '';
      feed.home = typeof json?.home_page_url === 'string' ? httpUrl(json.home_page_url, src) : undefined;
    })
    .catch(() => {
      if (feed.src === src) feed.journeys = [];
    })
    .finally(() => {
      if (feed.src !== src) return;
      fillLists();
      update();
    });
}

preview.addEventListener('cluster-feed-load', (e) => {
  // a preview element that has rendered its feed has something to prerender
  if ($('prerender').checked && feed.items) return update();
  if (e.detail.url !== feed.src || feed.items) return;
  feed.items = e.detail.items;
  fillLists();
  update();
});
preview.addEventListener('cluster-feed-error', (e) => {
  if (e.detail.url !== feed.src) return;
  const message = e.detail.error?.message;
  feed.error = message || 'error';
  feedStatus.textContent = `Der Feed konnte nicht geladen werden${message ? `: ${message}` : '.'} Die Vorschau zeigt, was Besucher dann sehen.`;
  fillLists();
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  load();
});
form.addEventListener('input', (e) => {
  if (e.target !== input) return update();
  input.removeAttribute('aria-invalid');
  if (feed.src && httpUrl(input.value.trim(), location.href) !== feed.src)
    feedStatus.textContent = 'Neue Adresse: mit „Laden“ übernehmen.';
});

/** Copies what `box` shows (and, for a link, the link itself as HTML, so a rich-text field gets a link). */
async function copy(box, status, html) {
  const text = box.value;
  status.textContent = '';
  let ok = false;
  try {
    if (html && typeof ClipboardItem === 'function') {
      const blob = (type, value) => new Blob([value], { type });
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': blob('text/plain', text), 'text/html': blob('text/html', html) }),
      ]);
    } else await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    // no clipboard API (plain http, old browser, no permission): copy the selected text
    box.focus();
    box.select();
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
  }
  // a fresh text each time, so a screen reader announces a second copy too
  setTimeout(() => {
    status.textContent = ok
      ? 'Kopiert (copied). Jetzt im CMS einfügen.'
      : 'Kopieren ging nicht: der Code ist markiert, bitte mit Strg+C (Cmd+C) kopieren.';
  }, 50);
}

$('copy').addEventListener('click', () => copy(snippetBox, copyStatus));
$('copy-link').addEventListener('click', () =>
  copy(linkBox, $('copy-link-status'), linkBox.dataset.url && linkSnippet(linkBox.dataset.url).html),
);
$('copy-setup').addEventListener('click', () => copy(setupBox, $('copy-setup-status')));

input.value = new URL('feed.json', location.href).href;
fillLists();
load();
