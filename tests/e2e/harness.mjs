// Shared set-up for the end-to-end suites, in one engine per run:
// E2E_ENGINE=chromium (default) | firefox | webkit. Each process gets one
// browser (scripts/e2e.mjs runs all suites in one, see all.mjs), each suite
// (`e2e()`) its own server, each page a fresh browser context; after every test
// no page may have thrown an uncaught error or logged a console error. Write a
// suite against this API only, and it runs in all three engines.
//
//   const env = e2e({ mounts })          hooks for the calling suite; env.server (server.mjs:
//                                        requests, serve(path, html, headers), release(key) for
//                                        ?hold=key), env.engine
//   const page = await env.open(path, { viewport, javaScript, wait, init })
//       viewport {width, height} (1024×768), javaScript (true), wait for the load
//       event (true; false: once the document is there), init: files of tests/e2e/init/
//       to run before the page's own scripts
//   page.evaluate(fn, ...args)           fn runs in the page; args and result travel as
//                                        JSON (RegExp args too); fn may be async; in fn,
//                                        find(target) gives the elements, visible(el) a check
//   page.$eval(target, fn, ...args)      fn(first element matching target, ...args)
//   page.$$eval(css, fn, ...args)        fn(all elements matching css, ...args)
//   page.waitFor(fn, ...args)            polls fn in the page until it returns a truthy
//                                        value and returns that (fails after 5 s)
//   page.waitForWithin(ms, fn, ...args)  the same with another limit
//   page.waitForText(text, target)       until target's (default body) visible text has text
//   page.click(target, { button }) page.focus(target) page.check(target, on) page.fill(target, text)
//   page.select(target, { label } | { value }) page.press('Enter' | 'Control+v') page.type(text)
//       clicks and keys are real input events (the mouse at the element's centre, after
//       checking that nothing covers it; button 'left' or 'middle', not in WebKit: its
//       driver releases every button as the left one); select and fill as Playwright does them
//   page.wheel(deltaY)                   a real mouse-wheel scroll by deltaY px, the pointer at the
//                                        viewport's centre (returns before the page has scrolled)
//   page.tabs()                          the addresses of the other tabs of the page's context:
//                                        what it opened (a link opened in a new tab)
//   page.visible(target) page.box(target)
//   page.requests()                      what the page asked for: '/path?query', in order
//   page.waitForRequest(re)              until a request matches; returns it
//   page.failed()                        requests the browser reports as failed or
//                                        cancelled: [{ url, error }]; null in WebKit
//   page.response                        { status, headers } of the document
//   page.log()                           { errors, consoleErrors, warnings } so far
//   page.allow(re)                       errors and console errors matching re are the test's
//                                        own doing (not held against the page after the test)
//   page.settle()                        until no request has been open for 500 ms
//   page.close()
// targets: a CSS selector, 'host >>> css' for css inside host's open shadow root (as
// often as needed), { label: text | RegExp } for the control a <label> names, or
// { role: 'button' | 'radio' | 'checkbox' | 'link', name: text | RegExp } (rendered
// elements only). A text matches exactly, after whitespace is collapsed.
// cannot(t, 'what') says in the test's output what this engine's driver cannot check
// (list it in README.md); waitForState, hits, selectNextStation, currentStation, waitForStation, cspViolations below.
/* global fetch, getComputedStyle, Event, Image, location, innerWidth, innerHeight -- Node 20 has fetch; find() and visible() run in the page */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, afterEach, before } from 'node:test';
import { root, startServer } from './server.mjs';

export const TAGS = ['cluster-news-card', 'cluster-portrait', 'cluster-journey'];
export const ALL = TAGS.join(', ');
export const ENGINE = process.env.E2E_ENGINE || 'chromium';
const ENGINES = ['chromium', 'firefox', 'webkit'];
if (!ENGINES.includes(ENGINE)) throw new Error(`E2E_ENGINE=${ENGINE}: expected one of ${ENGINES.join(', ')}`);

const TIMEOUT = 5000;

/** In the page: the elements `t` names (see the top of this file); with `one`, exactly one, else it throws. */
function find(t, one) {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const named = (text, name) => (name instanceof RegExp ? name.test(norm(text)) : norm(text) === name);
  const shown = (el) =>
    el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== 'hidden' &&
    !el.closest('[aria-hidden="true"]');
  const roles = {
    button: 'button, input[type="button"], input[type="submit"], [role="button"]',
    radio: 'input[type="radio"], [role="radio"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    link: 'a[href], [role="link"]',
  };
  const nameOf = (el) =>
    el.getAttribute('aria-label') ??
    (el.labels?.length ? [...el.labels].map((l) => l.textContent).join(' ') : el.textContent);
  let found;
  if (typeof t === 'string') {
    const [outer, ...inner] = t.split('>>>');
    found = [...document.querySelectorAll(outer)];
    for (const css of inner)
      found = found.flatMap((el) => (el.shadowRoot ? [...el.shadowRoot.querySelectorAll(css)] : []));
  } else if (t.label !== undefined) {
    found = [...document.querySelectorAll('label')].filter((l) => named(l.textContent, t.label)).map((l) => l.control);
    found = found.filter((el, i) => el && found.indexOf(el) === i);
  } else if (roles[t.role]) {
    found = [...document.querySelectorAll(roles[t.role])].filter((el) => shown(el) && named(nameOf(el), t.name));
  } else throw new Error(`not a target: ${JSON.stringify(t)}`);
  if (one && found.length !== 1) {
    const what = typeof t === 'string' ? t : JSON.stringify(t, (k, v) => (v instanceof RegExp ? String(v) : v));
    throw new Error(`${what} matches ${found.length} elements, not one`);
  }
  return one ? found[0] : found;
}

/** In the page: what Playwright calls visible: a non-empty box and not visibility: hidden. */
function visible(el) {
  const box = el?.getBoundingClientRect();
  return !!box && box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** The expression that runs `fn(...args)` in the page and answers with JSON text (the same in every engine). */
function expression(fn, args) {
  const json = JSON.stringify(args, (k, v) => (v instanceof RegExp ? { $re: v.source, flags: v.flags } : v));
  // synchronous unless fn returns a promise: a page without JavaScript (Firefox) runs no promise jobs
  return `(() => {
    const find = ${find}; const visible = ${visible};
    const args = JSON.parse(${JSON.stringify(json)}, (k, v) => v && typeof v === 'object' && typeof v.$re === 'string' ? new RegExp(v.$re, v.flags) : v);
    const value = (${fn})(...args);
    const answer = (v) => JSON.stringify({ value: v });
    return typeof value?.then === 'function' ? value.then(answer) : answer(value);
  })()`;
}

/** The page API above, on top of one engine's driver page (drivers/*.mjs). */
function wrap(raw, { path, server }) {
  const allowed = [];
  const page = {
    path,
    closed: false,
    async evaluate(fn, ...args) {
      return JSON.parse(await raw.evaluate(expression(fn, args))).value;
    },
    $eval(target, fn, ...args) {
      return page.evaluate(
        `(t, ...a) => { const el = find(t)[0]; if (!el) throw new Error(t + ' matches nothing'); return (${fn})(el, ...a); }`,
        target,
        ...args,
      );
    },
    $$eval(css, fn, ...args) {
      return page.evaluate(`(t, ...a) => (${fn})(find(t), ...a)`, css, ...args);
    },
    waitFor: (fn, ...args) => page.waitForWithin(TIMEOUT, fn, ...args),
    async waitForWithin(timeout, fn, ...args) {
      let last;
      for (const end = Date.now() + timeout; ; await delay(50)) {
        try {
          const value = await page.evaluate(fn, ...args);
          if (value) return value;
          last = undefined;
        } catch (e) {
          last = e; // not there yet (a page still loading), or a broken predicate: said below
        }
        if (Date.now() > end)
          throw new Error(
            `waited ${timeout} ms for ${String(fn).replace(/\s+/g, ' ').slice(0, 160)}${last ? `; ${last.message}` : ''}`,
          );
      }
    },
    waitForText: (text, target = 'body') =>
      page.waitFor(
        (t, want) => {
          const seen = (find(t, true).innerText ?? '').replace(/\s+/g, ' ');
          return want instanceof RegExp ? want.test(seen) : seen.includes(want);
        },
        target,
        text,
      ),
    async click(target, { button = 'left' } = {}) {
      const at = await page.evaluate((t) => {
        const el = find(t, true);
        el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
        const box = el.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        let hit = document.elementFromPoint(x, y);
        while (hit?.shadowRoot) {
          const inner = hit.shadowRoot.elementFromPoint(x, y);
          if (!inner || inner === hit) break;
          hit = inner;
        }
        let n = hit;
        while (n && n !== el) n = n.parentNode ?? n.host;
        if (!n) throw new Error(`${el.localName} is covered by ${hit?.outerHTML.slice(0, 80)}`);
        return { x, y };
      }, target);
      await raw.click(at.x, at.y, button);
    },
    async wheel(deltaY) {
      const [width, height] = await page.evaluate(() => [innerWidth, innerHeight]);
      await raw.wheel(width / 2, height / 2, deltaY);
    },
    tabs: () => raw.tabs(),
    focus: (target) => page.evaluate((t) => find(t, true).focus(), target),
    async check(target, on = true) {
      if ((await page.evaluate((t) => find(t, true).checked, target)) !== on) await page.click(target);
      assert.equal(await page.evaluate((t) => find(t, true).checked, target), on, `${JSON.stringify(target)} checked`);
    },
    async fill(target, text) {
      await page.click(target);
      await page.evaluate((t) => find(t, true).select(), target);
      if (text) await raw.type(text);
      else await raw.press(['Backspace']);
      assert.equal(await page.evaluate((t) => find(t, true).value, target), text, 'the field holds what was typed');
    },
    select: (target, option) =>
      page.evaluate(
        (t, o) => {
          const select = find(t, true);
          const opt = [...select.options].find((x) =>
            o.label !== undefined ? x.label === o.label : x.value === o.value,
          );
          if (!opt) throw new Error(`no option ${JSON.stringify(o)} in ${select.id || select.name}`);
          opt.selected = true;
          select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          select.dispatchEvent(new Event('change', { bubbles: true }));
        },
        target,
        option,
      ),
    press: (keys) => raw.press(keys === '+' ? ['+'] : keys.split('+')),
    type: (text) => raw.type(text),
    visible: (target) => page.evaluate((t) => visible(find(t)[0]), target),
    box: (target) =>
      page.evaluate((t) => {
        const b = find(t)[0]?.getBoundingClientRect();
        return b && { x: b.x, y: b.y, width: b.width, height: b.height };
      }, target),
    requests: () => raw.requests(),
    async waitForRequest(re) {
      for (const end = Date.now() + TIMEOUT; ; await delay(20)) {
        const hit = raw.requests().find((r) => re.test(r));
        if (hit) return hit;
        if (Date.now() > end) assert.fail(`no request matched ${re} within ${TIMEOUT} ms: ${raw.requests().join(' ')}`);
      }
    },
    failed: () => raw.failed(),
    get response() {
      return raw.response();
    },
    log: () => raw.log(),
    allow: (re) => allowed.push(re),
    settle: () => server.settle(),
    async close() {
      if (page.closed) return;
      page.closed = true;
      try {
        const { errors, consoleErrors } = await raw.log();
        const mine = (m) => allowed.some((re) => re.test(m));
        page.final = { errors: errors.filter((m) => !mine(m)), consoleErrors: consoleErrors.filter((m) => !mine(m)) };
      } finally {
        await raw.close();
      }
    },
  };
  return page;
}

const drivers = {
  chromium: () => import('./drivers/puppeteer.mjs'),
  firefox: () => import('./drivers/puppeteer.mjs'),
  webkit: () => import('./drivers/webkit.mjs'),
};
/** The file's browser: started by the first suite that needs it, stopped after the last (a root-level hook). */
let browser;
const launch = () => (browser ??= drivers[ENGINE]().then((d) => d.launch(ENGINE)));
after(async () => {
  const b = await browser?.catch(() => undefined);
  await b?.close();
});

/** Registers before/after hooks in the calling suite and returns the handle the tests use. `mounts` as in startServer. */
export function e2e({ mounts } = {}) {
  const env = { engine: ENGINE, server: undefined, open };
  const opened = [];
  let driver;
  before(async () => {
    if (!existsSync(join(root, 'dist/cluster-reportage.js')))
      throw new Error('dist/cluster-reportage.js is missing: run `npx rollup -c` first');
    env.server = await startServer({ mounts });
    driver = await launch();
  });
  after(() => env.server?.close());
  afterEach(async () => {
    const pages = opened.splice(0);
    const closing = await Promise.allSettled(pages.map((p) => p.close()));
    for (const c of closing) if (c.status === 'rejected') throw c.reason;
    for (const p of pages) {
      assert.deepEqual(p.final.errors, [], `uncaught errors on ${p.path}`);
      assert.deepEqual(p.final.consoleErrors, [], `console errors on ${p.path}`);
    }
  });

  async function open(
    path,
    { javaScript = true, wait = true, viewport = { width: 1024, height: 768 }, init = [] } = {},
  ) {
    const raw = await driver.newPage({
      viewport,
      javaScript,
      init: init.map((f) => join(root, 'tests/e2e/init', f)),
      server: env.server,
    });
    const page = wrap(raw, { path, server: env.server });
    opened.push(page);
    const url = env.server.url(path);
    await raw.goto(url, wait);
    await page.waitFor((u) => location.href === u, url);
    return page;
  }

  return env;
}

/** The `state` attribute of every element matching `selector`. */
export const states = (page, selector = ALL) =>
  page.$$eval(selector, (els) => els.map((e) => `${e.localName}${e.id ? `#${e.id}` : ''}=${e.getAttribute('state')}`));

/** Waits until every element matching `selector` has reached `state`; the message names the ones that did not. */
export async function waitForState(page, selector = ALL, state = 'ready', timeout = 8000) {
  try {
    await page.waitForWithin(
      timeout,
      (sel, want) => {
        const els = [...document.querySelectorAll(sel)];
        return els.length > 0 && els.every((e) => e.getAttribute('state') === want);
      },
      selector,
      state,
    );
  } catch {
    assert.fail(
      `expected ${selector} to become ${state}; states: ${(await states(page, selector)).join(', ') || 'none found'}`,
    );
  }
}

/** How many requests the mock `feed` route saw under `key` (from the server, not the page). */
export async function hits(server, key) {
  const res = await fetch(server.url(`/mock/hits?key=${encodeURIComponent(key)}`));
  return (await res.json()).hits;
}

/** Polls `check` until it returns true (node side); fails with `message` after `timeout` ms. */
export async function eventually(check, message, timeout = 4000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(message);
    await delay(50);
  }
}

/**
 * Selects the station after the current one the way a keyboard user does:
 * focus on the selected station, ArrowRight moves focus, Enter selects.
 */
export async function selectNextStation(page, journey = 'cluster-journey') {
  await page.focus(`${journey} >>> [part~="station-current"]`);
  await page.press('ArrowRight');
  await page.press('Enter');
}

/** The index of the station marked `aria-current="step"` and the `current` attribute. */
export const currentStation = (page, journey = 'cluster-journey') =>
  page.$eval(journey, (el) => ({
    current: el.getAttribute('current'),
    ariaCurrent: [...el.shadowRoot.querySelectorAll('[part~="station"]')].findIndex(
      (s) => s.getAttribute('aria-current') === 'step',
    ),
  }));

/**
 * Waits (up to 5 s) until station `n` is the selected one, then returns `currentStation`
 * for the test to assert: an update may wait for the next task (the time slicing of
 * src/base/slice.ts, when a busy task already used its slice), so the press that
 * selected it can return before the attribute and `aria-current` change.
 */
export async function waitForStation(page, n, journey = 'cluster-journey') {
  await page
    .waitFor(
      (j, want) => {
        const el = document.querySelector(j);
        const current = el.shadowRoot.querySelector('[part~="station-current"]');
        return (
          el.getAttribute('current') === String(want) &&
          current?.getAttribute('aria-current') === 'step' &&
          [...el.shadowRoot.querySelectorAll('[part~="station"]')].indexOf(current) === want
        );
      },
      journey,
      n,
    )
    .catch(() => {}); // the assertion on what is there says what is wrong
  return currentStation(page, journey);
}

/** Says in the test's output which assertion this engine's driver cannot make (each is listed in README.md). */
export const cannot = (t, what) => t.diagnostic(`${ENGINE}: not checked, ${what}`);

// Chromium: "Refused to … Content Security Policy", "requires 'TrustedHTML' assignment";
// Firefox: "Content-Security-Policy: The page’s settings blocked …" (as a page error)
const CSP_MESSAGE = /content.security.policy|trusted ?(type|html|script)/i;
/** The address of a violation of the test's own, after all of the page's. */
const MARKER = 'https://e2e-marker.invalid/';

/**
 * The CSP violations recorded on a page that loads pages/csp-watch.js first, once every pending one has
 * arrived, as { seen: events, messages: what the browser said about CSP }; then checks that Trusted Types
 * are enforced and that the watcher sees a violation when there is one (so an empty list means something).
 */
export async function cspViolations(page) {
  await page.settle();
  // violation events are queued as tasks: once one the test causes now is in, the page's earlier ones are too
  await page.evaluate((src) => {
    new Image().src = src;
  }, MARKER);
  await page.waitFor((src) => window.cspViolations.some((v) => v.blocked === src), MARKER);
  const seen = (await page.evaluate(() => window.cspViolations.splice(0)))
    .filter((v) => v.blocked !== MARKER)
    .map((v) => `${v.directive}: ${v.blocked} (from ${v.source ? new URL(v.source).pathname : 'the page'})`);
  const { errors, consoleErrors, warnings } = await page.log();
  const messages = [...errors, ...consoleErrors, ...warnings]
    .filter((m) => CSP_MESSAGE.test(m) && !m.includes(MARKER))
    .map((m) => m.slice(0, 90));
  // the watcher does see a violation when there is one, so an empty list means something
  const blocked = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch {
      return true;
    }
  });
  assert.ok(blocked, 'Trusted Types are enforced on this page');
  await page.waitFor(() => window.cspViolations.some((v) => v.directive === 'require-trusted-types-for'));
  // the browser's reports of these two violations are the test's own
  page.allow(CSP_MESSAGE);
  return { seen, messages };
}
