// Autolink harness, driven by bench/run.mjs through page.evaluate: the time one <cluster-autolink>
// takes to scan a page of 2 000 links, against a plain querySelectorAll('a') loop over the same page.
//
// The feed is loaded (and shared) before the clock starts, so a run is the element's own work:
// from inserting <cluster-autolink> (and getting its scanner chunk, cached after the warm-ups) to
// the end of its scan: a microtask after its one query of the whole page, when the loop over what
// the query found has run.
/* global Element, queueMicrotask */
import { loadFeed, resolveFeedUrl } from '/dist/cluster-reportage.js';

const FEED = resolveFeedUrl('/demo/feed.json');
const OLEC = 'https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Reportagen/clusterreportage-olec.html';
const nextTask = () => new Promise((r) => setTimeout(r, 0));

/** 2 000 standalone links, `matching` of them (spread evenly) to an item of the feed. */
function page(n, matching) {
  const box = document.createElement('main');
  const every = matching ? Math.floor(n / matching) : Infinity;
  const rows = [];
  for (let i = 0, made = 0; i < n; i++)
    rows.push(
      i % every === 0 && made++ < matching
        ? `<p><a href="${OLEC}">OLEC ${i}</a></p>`
        : `<p><a href="https://example.org/artikel/${i}">Artikel ${i}</a></p>`,
    );
  box.innerHTML = rows.join('');
  document.body.append(box);
  return box;
}

async function ours(n, matching) {
  const box = page(n, matching);
  const autolink = document.createElement('cluster-autolink');
  autolink.setAttribute('src', FEED);
  // the end of the scan: its one query of the whole page, then (a microtask later) the loop over
  // what it found is done; this includes getting the scanner chunk (cached after the warm-ups)
  let end;
  const original = Element.prototype.querySelectorAll;
  Element.prototype.querySelectorAll = function (selector) {
    if (selector === 'a[href],p,li,div,dd' && this === document.documentElement)
      queueMicrotask(() => (end ??= performance.now()));
    return original.call(this, selector);
  };
  try {
    await nextTask();
    const t0 = performance.now();
    document.body.append(autolink);
    while (end === undefined) await nextTask();
    const cards = box.querySelectorAll('cluster-news-card, cluster-portrait').length;
    return { ms: end - t0, cards };
  } finally {
    Element.prototype.querySelectorAll = original;
    autolink.remove();
    box.remove();
  }
}

async function baseline(n) {
  const box = page(n, 0);
  await nextTask();
  const t0 = performance.now();
  let found = 0;
  await Promise.resolve().then(() => {
    for (const a of document.querySelectorAll('a')) if (a.href) found++;
  });
  await nextTask();
  const ms = performance.now() - t0;
  box.remove();
  return { ms, found };
}

/**
 * The element's candidate queries in one run: on the whole page (its scan), and on nodes added
 * later (the cards it made, looked at once more in the next frame).
 */
async function scans(n, matching) {
  const original = Element.prototype.querySelectorAll;
  const count = { page: 0, added: 0 };
  Element.prototype.querySelectorAll = function (selector) {
    if (selector === 'a[href],p,li,div,dd') count[this === document.documentElement ? 'page' : 'added']++;
    return original.call(this, selector);
  };
  try {
    await ours(n, matching);
  } finally {
    Element.prototype.querySelectorAll = original;
  }
  return count;
}

window.bench = { ready: false, ours, baseline, scans };
loadFeed(FEED).then(() => {
  window.bench.ready = true;
});
