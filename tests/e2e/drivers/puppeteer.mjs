// Chromium (over the DevTools protocol) and Firefox ESR (over WebDriver BiDi)
// through puppeteer-core: the system browsers, never a download. Both report
// page errors, console messages and every request themselves.
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../../../scripts/browsers.mjs';

// a protocol call that hangs fails the test after 20 s, not puppeteer's 180
const options = (engine) =>
  engine === 'firefox'
    ? {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
        headless: true,
        protocolTimeout: 20_000,
      }
    : {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
        protocolTimeout: 20_000,
      };

/** A path and query for http(s) URLs (as the server records them), the URL itself for data: and the like. */
const local = (url) => {
  const u = new URL(url);
  return u.protocol.startsWith('http') ? u.pathname + u.search : url;
};

export async function launch(engine) {
  const browser = await puppeteer.launch(options(engine));
  // Firefox's BiDi has no per-page switch for JavaScript (emulation.setScriptingEnabled is
  // unknown to Firefox 153): pages without it get a second Firefox with the preference off
  let noScript;

  async function newPage({ viewport, javaScript, init }) {
    const owner =
      javaScript || engine === 'chromium'
        ? browser
        : await (noScript ??= puppeteer.launch({
            ...options(engine),
            extraPrefsFirefox: { 'javascript.enabled': false },
          }));
    const context = await owner.createBrowserContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewport(viewport);
    if (!javaScript && engine === 'chromium') await page.setJavaScriptEnabled(false);
    for (const file of init) await page.evaluateOnNewDocument(readFileSync(file, 'utf8'));

    const log = { errors: [], consoleErrors: [], warnings: [] };
    const requests = [];
    const failed = [];
    page.on('pageerror', (e) => log.errors.push(String(e?.stack ?? e)));
    page.on('console', (m) => {
      if (m.type() === 'error') log.consoleErrors.push(m.text());
      if (m.type() === 'warn' || m.type() === 'warning') log.warnings.push(m.text());
    });
    page.on('request', (r) => requests.push(local(r.url())));
    page.on('requestfailed', (r) => failed.push({ url: r.url(), error: r.failure()?.errorText }));

    let response;
    return {
      async goto(url, wait) {
        const navigation = page.goto(url, { waitUntil: 'load' });
        if (!wait) return void navigation.catch(() => {});
        const r = await navigation;
        response = r && { status: r.status(), headers: r.headers() };
      },
      evaluate: (expression) => page.evaluate(expression),
      click: (x, y, button) => page.mouse.click(x, y, { button }),
      async wheel(x, y, deltaY) {
        await page.mouse.move(x, y);
        await page.mouse.wheel({ deltaY });
      },
      // the other tabs of this page's context: what it opened (a link opened in a new tab)
      tabs: async () => (await context.pages()).filter((p) => p !== page).map((p) => p.url()),
      async press(keys) {
        for (const k of keys) await page.keyboard.down(k);
        for (const k of [...keys].reverse()) await page.keyboard.up(k);
      },
      // Chromium: the text as one insertion (Input.insertText, as Playwright's fill did), not a
      // key pair per character over the protocol; Firefox's BiDi sends all keys in one command
      type: (text) => (engine === 'chromium' ? page.keyboard.sendCharacter(text) : page.keyboard.type(text)),
      log: async () => log,
      requests: () => requests,
      failed: () => failed,
      response: () => response,
      close: () => context.close(),
    };
  }

  return {
    newPage,
    async close() {
      await browser.close();
      await (await noScript)?.close();
    },
  };
}
