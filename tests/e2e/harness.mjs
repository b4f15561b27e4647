// Shared set-up for the end-to-end suites: one local server and one Chromium
// per test file, a fresh browser context per page, and a check after every
// test that no page threw an uncaught error or logged a console error.
/* global fetch -- Node 20 has fetch */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';
import { root, startServer } from './server.mjs';

export const TAGS = ['cluster-news-card', 'cluster-portrait', 'cluster-journey'];
export const ALL = TAGS.join(', ');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/**
 * Registers before/after hooks in the calling suite and returns the handle the
 * tests use: `open(path, options)` gives a page with its records, `server`
 * and `browser` once `before` ran. `mounts` as in startServer.
 */
export function e2e({ mounts } = {}) {
  const env = { server: undefined, browser: undefined, open, opened: [] };
  before(async () => {
    if (!existsSync(join(root, 'dist/cluster-reportage.js')))
      throw new Error('dist/cluster-reportage.js is missing: run `npx rollup -c` first');
    env.server = await startServer({ mounts });
    env.browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  afterEach(async () => {
    const pages = env.opened.splice(0);
    await Promise.all(pages.map((p) => p.context.close()));
    for (const p of pages) {
      assert.deepEqual(p.errors, [], `uncaught errors on ${p.path}`);
      assert.deepEqual(p.consoleErrors, [], `console errors on ${p.path}`);
    }
  });

  /** Opens `path` in a new context; waits for the load event unless `wait: false`; `init` runs in the page before its own scripts. */
  async function open(
    path,
    { javaScriptEnabled = true, wait = true, viewport = { width: 1024, height: 768 }, init } = {},
  ) {
    const context = await env.browser.newContext({ javaScriptEnabled, viewport });
    const page = await context.newPage();
    // fail fast: the whole end-to-end run has to stay well under a minute
    page.setDefaultTimeout(5000);
    const rec = { path, context, page, errors: [], consoleErrors: [], warnings: [], requests: [], failed: [] };
    env.opened.push(rec);
    page.on('pageerror', (e) => rec.errors.push(String(e?.stack ?? e)));
    page.on('console', (m) => {
      if (m.type() === 'error') rec.consoleErrors.push(m.text());
      if (m.type() === 'warning') rec.warnings.push(m.text());
    });
    page.on('request', (r) => rec.requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
    page.on('requestfailed', (r) => rec.failed.push({ url: r.url(), error: r.failure()?.errorText }));
    if (init) await page.addInitScript(init);
    rec.response = await page.goto(env.server.url(path), { waitUntil: wait ? 'load' : 'commit' });
    return rec;
  }

  return env;
}

/** The `state` attribute of every element matching `selector`. */
export const states = (page, selector = ALL) =>
  page.$$eval(selector, (els) => els.map((e) => `${e.localName}${e.id ? `#${e.id}` : ''}=${e.getAttribute('state')}`));

/** Waits until every element matching `selector` has reached `state`; the message names the ones that did not. */
export async function waitForState(page, selector = ALL, state = 'ready', timeout = 8000) {
  try {
    await page.waitForFunction(
      ([sel, want]) => {
        const els = [...document.querySelectorAll(sel)];
        return els.length > 0 && els.every((e) => e.getAttribute('state') === want);
      },
      [selector, state],
      { timeout, polling: 50 },
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
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Selects the station after the current one the way a keyboard user does:
 * focus on the selected station, ArrowRight moves focus, Enter selects.
 */
export async function selectNextStation(page, journey = 'cluster-journey') {
  await page.locator(`${journey} [part~="station-current"]`).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
}

/** The index of the station marked `aria-current="step"` and the `current` attribute. */
export const currentStation = (page, journey = 'cluster-journey') =>
  page.$eval(journey, (el) => ({
    current: el.getAttribute('current'),
    ariaCurrent: [...el.shadowRoot.querySelectorAll('[part~="station"]')].findIndex(
      (s) => s.getAttribute('aria-current') === 'step',
    ),
  }));

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
