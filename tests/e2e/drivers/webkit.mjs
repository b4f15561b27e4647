// WebKitGTK's MiniBrowser through WebKitWebDriver (W3C WebDriver classic), inside
// the Xvfb display of scripts/webkit.mjs. Each page is its own session, so its
// own MiniBrowser: a fresh browser context. WebKitWebDriver serves one session at
// a time, so a page opened while others are open gets one more driver.
//
// What WebDriver classic cannot report, and how the page still gets it:
// - requests: each MiniBrowser sends `e2e-page/<id>` in its User-Agent, so the
//   test server knows which page asked for what (`requests`, `response`);
// - page errors and console messages: the server puts init/recorder.js first
//   into every HTML page of such a page, and `log()` reads it back;
// - init scripts: the server puts them first into the page the same way;
// - JavaScript off: MiniBrowser's own setting (`--enable-javascript=false`).
// Not available: the browser's own report of a failed or cancelled request
// (`failed()` is null); the server still sees the connection close.
//
// A small fetch-based client rather than the `webdriver` package: that one
// retries a failed command, and a test driver must not run a page script twice.
/* global fetch, AbortSignal -- Node 20 has both */
import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startWebKit } from '../../../scripts/webkit.mjs';
import { root } from '../server.mjs';

const BINARY = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const RECORDER = '/tests/e2e/init/recorder.js';

/** WebDriver's codes for the keys the suites press (single characters go as they are). */
const KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: '\uE00D',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Meta: '\uE03D',
};
const code = (key) => {
  if (KEYS[key]) return KEYS[key];
  if ([...key].length === 1) return key;
  throw new Error(`no WebDriver code for the key "${key}"`);
};

/** One W3C WebDriver command against the driver on `port`; throws with the driver's error. */
async function command(port, method, path, body) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: body && JSON.stringify(body),
    // a browser that never answers fails the test, it does not stall the run
    signal: AbortSignal.timeout(20_000),
  }).catch((e) => {
    throw new Error(`WebDriver ${method} ${path.replace(/^\/session\/[^/]+/, '')}: ${e.message}`);
  });
  const { value } = await res.json();
  if (!res.ok)
    throw new Error(`WebDriver ${method} ${path.replace(/^\/session\/[^/]+/, '')}: ${value.error}: ${value.message}`);
  return value;
}

export async function launch() {
  const webkit = await startWebKit();
  // also when the test process ends without closing the browser, or is stopped (both by pid)
  process.once('exit', () => webkit.stop());
  for (const signal of ['SIGTERM', 'SIGINT'])
    process.once(signal, () => {
      webkit.stop();
      process.exit(1);
    });
  const drivers = [{ port: webkit.port, busy: false }];
  async function acquire() {
    let d = drivers.find((x) => !x.busy);
    if (!d) drivers.push((d = { port: await webkit.addDriver(), busy: false }));
    d.busy = true;
    return d;
  }

  async function session(d, args) {
    const { sessionId } = await command(d.port, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          // navigation returns at once; the harness waits for what it needs
          pageLoadStrategy: 'none',
          'webkitgtk:browserOptions': { binary: BINARY, args: ['--automation', ...args] },
        },
      },
    });
    const cmd = (method, path, body) => command(d.port, method, `/session/${sessionId}${path}`, body);
    const exec = (script) => cmd('POST', '/execute/sync', { script, args: [] });
    return { cmd, exec, close: () => cmd('DELETE', '') };
  }

  // the browser's own User-Agent, which each page extends by its id
  let userAgent;
  try {
    const d = await acquire();
    const s = await session(d, []);
    userAgent = await s.exec('return navigator.userAgent');
    await s.close();
    d.busy = false;
  } catch (e) {
    webkit.stop();
    throw e;
  }

  async function newPage({ viewport, javaScript, init, server }) {
    const id = randomUUID();
    server.init.set(id, [...(javaScript ? [RECORDER] : []), ...init.map((f) => `/${relative(root, f)}`)]);
    const d = await acquire();
    let s;
    try {
      s = await session(d, [
        // without its toolbar, whose minimum width (447 px) is wider than a phone
        '--full-screen',
        `--user-agent=${userAgent} e2e-page/${id}`,
        ...(javaScript ? [] : ['--enable-javascript=false']),
      ]);
      // the viewport is the window less what MiniBrowser still draws around the page (nothing, in full screen)
      const [iw, ih, ow, oh] = await s.exec('return [innerWidth, innerHeight, outerWidth, outerHeight]');
      await s.cmd('POST', '/window/rect', { width: viewport.width + ow - iw, height: viewport.height + oh - ih });
      // the page may see the new size a little after the window has it
      for (const end = Date.now() + 5000; ; await delay(50)) {
        const [w, h] = await s.exec('return [innerWidth, innerHeight]');
        if (w === viewport.width && h === viewport.height) break;
        if (Date.now() > end)
          throw new Error(`MiniBrowser's viewport is ${w}×${h}, not ${viewport.width}×${viewport.height}`);
      }
    } catch (e) {
      await s?.close().catch(() => {});
      d.busy = false;
      throw e;
    }
    const mine = () => server.requests.filter((r) => r.page === id);
    const keys = (actions) => s.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    let closed;

    return {
      async goto(url, wait) {
        const where = () =>
          s.exec('return [location.href, document.readyState]').then(
            (v) => v,
            (e) => [undefined, e.message],
          );
        const [from] = await where();
        await s.cmd('POST', '/url', { url });
        let seen;
        let again = Date.now() + 5000;
        for (const end = Date.now() + 15_000; ; await delay(50)) {
          const [href, state] = await where();
          if (href === url && (!wait || state === 'complete')) return;
          seen = href ? `${href} (${state})` : `no answer: ${state}`;
          // WebKitWebDriver (pageLoadStrategy none) once lost a navigation on a busy machine: the
          // window stayed where it was. Asked again once, and said so; a page that is slow to
          // arrive is waited for, not asked again.
          if (again && href === from && Date.now() > again) {
            again = 0;
            console.error(`[webkit] ${url}: the window stayed at ${seen} for 5 s; navigating again`);
            await s.cmd('POST', '/url', { url });
          }
          if (Date.now() > end)
            throw new Error(`${url} did not ${wait ? 'load' : 'open'} within 15 s; last seen: ${seen}`);
        }
      },
      evaluate: (expression) => s.exec(`return ${expression}`),
      click(x, y, button = 'left') {
        // pressed, the middle (or right) button arrives; released, WebKitWebDriver sends the left one: mouseup and
        // click with button 0, never auxclick (WebKitGTK 2.50). A silent left click would follow the link in place.
        if (button !== 'left')
          throw new Error(
            `WebKitWebDriver cannot click with the ${button} button: it releases every button as the left one`,
          );
        return s.cmd('POST', '/actions', {
          actions: [
            {
              type: 'pointer',
              id: 'mouse',
              parameters: { pointerType: 'mouse' },
              actions: [
                { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            },
          ],
        });
      },
      wheel: (x, y, deltaY) =>
        s.cmd('POST', '/actions', {
          actions: [
            {
              type: 'wheel',
              id: 'wheel',
              actions: [{ type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: 0, deltaY, origin: 'viewport' }],
            },
          ],
        }),
      // the session's other windows: what the page opened (a link opened in a new tab)
      async tabs() {
        const mine = await s.cmd('GET', '/window');
        const urls = [];
        for (const handle of await s.cmd('GET', '/window/handles')) {
          if (handle === mine) continue;
          await s.cmd('POST', '/window', { handle });
          urls.push(await s.cmd('GET', '/url'));
        }
        await s.cmd('POST', '/window', { handle: mine });
        return urls;
      },
      press: (names) =>
        keys([
          ...names.map((k) => ({ type: 'keyDown', value: code(k) })),
          ...[...names].reverse().map((k) => ({ type: 'keyUp', value: code(k) })),
        ]),
      type: (text) =>
        keys(
          [...text].flatMap((c) => [
            { type: 'keyDown', value: c },
            { type: 'keyUp', value: c },
          ]),
        ),
      async log() {
        const log = JSON.parse(await s.exec('return JSON.stringify(window.__e2eLog ?? null)'));
        if (!log && javaScript) throw new Error('the recorder (init/recorder.js) did not run on this page');
        return log ?? { errors: [], consoleErrors: [], warnings: [] };
      },
      requests: () => mine().map((r) => r.path),
      failed: () => null,
      response: () => {
        const doc = mine()[0];
        return doc && { status: doc.status, headers: doc.headers };
      },
      async close() {
        if (closed) return closed;
        closed = s.close().finally(() => {
          d.busy = false;
          server.init.delete(id);
        });
        return closed;
      },
    };
  }

  return { newPage, close: async () => webkit.stop() };
}
