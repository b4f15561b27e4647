// WebKitGTK for scripts: an Xvfb display and WebKitWebDriver on a free port,
// both stopped (by pid) with `stop()`. Used by wtr.mjs, screenshots.mjs and the
// end-to-end harness (which needs `addDriver()`: WebKitWebDriver serves one
// session at a time, and an end-to-end test may have several pages open).
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

/**
 * The child's stderr, forwarded through a pipe of ours rather than inherited: an
 * inherited stderr would keep the caller's output pipe open after the caller died
 * (node's test runner waits for it to close), if the child outlived it.
 */
function forward(child) {
  child.stderr.on('data', (d) => process.stderr.write(d));
  child.stderr.unref?.();
}

function startXvfb() {
  // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it is ready;
  // -noreset: without it the server resets when its last client (a browser) goes away,
  // and a browser that connects during that reset gets "cannot open display"
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-noreset', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  children.push(xvfb);
  forward(xvfb);
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
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DISPLAY: display },
  });
  children.push(wd);
  forward(wd);
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
    /** One more WebKitWebDriver on the same display; resolves with its port once it is ready. */
    const addDriver = async () => {
      const more = await freePort();
      await startWebKitWebDriver(display, more);
      return more;
    };
    return { display, port, pids: children.map((c) => c.pid), stop: stopAll, addDriver };
  } catch (e) {
    stopAll();
    throw e;
  }
}
