// Runs @web/test-runner in one engine: `node scripts/wtr.mjs <engine> [wtr args]`.
// For WebKit it starts Xvfb and WebKitWebDriver first and stops both (by pid) after.
import { spawn } from 'node:child_process';
import { startWebKit } from './webkit.mjs';

const [engine = 'chromium', ...args] = process.argv.slice(2);
let webkit;

let code = 1;
try {
  const env = { ...process.env, WTR_ENGINE: engine };
  if (engine === 'webkit') {
    webkit = await startWebKit();
    env.WEBKIT_WEBDRIVER_PORT = String(webkit.port);
    console.log(
      `[wtr] Xvfb ${webkit.display} (pid ${webkit.pids[0]}), WebKitWebDriver on port ${webkit.port} (pid ${webkit.pids[1]})`,
    );
  }
  const wtr = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...args], {
    stdio: 'inherit',
    env,
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => wtr.kill(sig));
  code = await new Promise((resolve) => wtr.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
} catch (e) {
  console.error(`[wtr] ${engine}: ${e.message}`);
} finally {
  webkit?.stop();
}
process.exit(code);
