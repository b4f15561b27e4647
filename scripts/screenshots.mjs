// Screenshots of a page of this repository in the three engines the tests use,
// to look at what we build: `node scripts/screenshots.mjs [path] [--out=dir]`
// (default `/demo/index.html`, into `screenshots/`). Per engine: the top of the
// page and every `#section` the page links to, at 1280 px; the top at 360 px.
// The build is not made here: run `npm run build` first.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { startServer } from '../bench/server.mjs';
import { ensureBrowsers } from './browsers.mjs';
import { startWebKit } from './webkit.mjs';

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--')) ?? '/demo/index.html';
const out = resolve(args.find((a) => a.startsWith('--out='))?.slice(6) ?? 'screenshots');
const SETTLE_MS = 2500; // feed, images, the stations' entrance animation

/** The in-page part, the same for every driver: what to shoot, and scrolling to it. */
const sectionsOf = () =>
  [...document.querySelectorAll('a[href^="#"]')]
    .map((a) => a.getAttribute('href'))
    .filter((h) => h.length > 1 && document.querySelector(h));
const scrollTo = (id) => {
  if (id) document.querySelector(id).scrollIntoView();
  else window.scrollTo(0, 0);
};

/**
 * Shoots with one driver. `page` offers goto, size, run (a function in the page,
 * with one argument) and shot (a file name).
 */
async function shoot(engine, page, url) {
  const files = [];
  await page.size(1280, 900);
  await page.goto(url);
  await sleep(SETTLE_MS);
  for (const id of [undefined, ...(await page.run(sectionsOf))]) {
    await page.run(scrollTo, id ?? null);
    await sleep(300);
    const file = join(out, `${engine}-1280${id ? `-${id.slice(1)}` : ''}.png`);
    await page.shot(file);
    files.push(file);
  }
  await page.size(360, 800);
  await page.run(scrollTo, null);
  await sleep(500);
  const file = join(out, `${engine}-360.png`);
  await page.shot(file);
  return [...files, file];
}

const found = ensureBrowsers(['chromium', 'firefox', 'webkit']);
mkdirSync(out, { recursive: true });
const server = await startServer(resolve('.'));
const url = server.origin + path;
const written = [];
try {
  const cr = await chromium.launch({ executablePath: found.chromium, args: ['--no-sandbox'] });
  try {
    const p = await cr.newPage();
    written.push(
      ...(await shoot(
        'chromium',
        {
          goto: (u) => p.goto(u),
          size: (width, height) => p.setViewportSize({ width, height }),
          run: (fn, a) => p.evaluate(fn, a),
          shot: (f) => p.screenshot({ path: f }),
        },
        url,
      )),
    );
  } finally {
    await cr.close();
  }

  const ff = await puppeteer.launch({ browser: 'firefox', executablePath: found.firefox, headless: true });
  try {
    const p = await ff.newPage();
    written.push(
      ...(await shoot(
        'firefox',
        {
          goto: (u) => p.goto(u),
          size: (width, height) => p.setViewport({ width, height }),
          run: (fn, a) => p.evaluate(fn, a),
          shot: (f) => p.screenshot({ path: f }),
        },
        url,
      )),
    );
  } finally {
    await ff.close();
  }

  const webkit = await startWebKit();
  try {
    const b = await remote({
      hostname: '127.0.0.1',
      port: webkit.port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: found.webkit, args: ['--automation'] },
      },
    });
    try {
      written.push(
        ...(await shoot(
          'webkit',
          {
            goto: (u) => b.url(u),
            size: (w, h) => b.setWindowSize(w, h),
            run: (fn, a) => b.execute(fn, a),
            shot: (f) => b.saveScreenshot(f),
          },
          url,
        )),
      );
    } finally {
      await b.deleteSession();
    }
  } finally {
    webkit.stop();
  }
} finally {
  await server.close();
}
console.log(written.join('\n'));
