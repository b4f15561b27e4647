// WebKitGTK for scripts: an Xvfb display and WebKitWebDriver on a free port,
// both stopped (by pid) with `stop()`. Used by wtr.mjs and screenshots.mjs.
/* global fetch */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

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
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
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
  const wd = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DISPLAY: display },
  });
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

/** Starts Xvfb and WebKitWebDriver; `stop()` ends both. When one fails to start, neither is left running. */
export async function startWebKit() {
  try {
    const display = await startXvfb();
    const port = await freePort();
    await startWebKitWebDriver(display, port);
    return { display, port, pids: children.map((c) => c.pid), stop: stopAll };
  } catch (e) {
    stopAll();
    throw e;
  }
}
