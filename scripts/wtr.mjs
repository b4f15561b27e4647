// Runs @web/test-runner in one engine: `node scripts/wtr.mjs <engine> [wtr args]`.
/* global fetch */
// For WebKit it starts Xvfb and WebKitWebDriver first and stops both (by pid) after.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const [engine = 'chromium', ...args] = process.argv.slice(2);
const children = [];

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      })
      .on('error', reject);
  });

function startXvfb() {
  // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it is ready
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
  children.push(xvfb);
  return new Promise((resolve, reject) => {
    let buf = '';
    xvfb.stdio[3].on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve(`:${buf.trim()}`);
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited early (${code})`)));
    setTimeout(() => reject(new Error('Xvfb did not report a display within 10 s')), 10_000).unref();
  });
}

async function startWebKitWebDriver(display, port) {
  const wd = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DISPLAY: display } });
  children.push(wd);
  for (let i = 0; i < 150; i++) {
    if (wd.exitCode !== null) throw new Error(`WebKitWebDriver exited (${wd.exitCode})`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if ((await r.json()).value?.ready) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('WebKitWebDriver was not ready within 15 s');
}

function stopAll() {
  for (const c of children.reverse()) {
    if (c.exitCode === null && c.signalCode === null) {
      try {
        process.kill(c.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

let code = 1;
try {
  const env = { ...process.env, WTR_ENGINE: engine };
  if (engine === 'webkit') {
    const display = await startXvfb();
    const port = await freePort();
    await startWebKitWebDriver(display, port);
    env.WEBKIT_WEBDRIVER_PORT = String(port);
    console.log(`[wtr] Xvfb ${display} (pid ${children[0].pid}), WebKitWebDriver on port ${port} (pid ${children[1].pid})`);
  }
  const wtr = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...args], { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => wtr.kill(sig));
  code = await new Promise((resolve) => wtr.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
} catch (e) {
  console.error(`[wtr] ${engine}: ${e.message}`);
} finally {
  stopAll();
}
process.exit(code);
