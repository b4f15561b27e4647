// `npm test`: browsers, build, type-check, lint, size budget, every test
// runner; ends with one line `tests: N passed, M failed` summed over runners.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ENGINES, ensureBrowsers } from './browsers.mjs';
import { ensureTools } from './tools.mjs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
const failures = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

function readCounts(file, label) {
  if (!existsSync(file)) {
    console.log(`✘ ${label}: no results written (the runner did not finish)`);
    totals.failed++;
    return;
  }
  const { browsers } = JSON.parse(readFileSync(file, 'utf8'));
  for (const [browser, c] of Object.entries(browsers)) {
    const failed = c.failed + (c.fileErrors ?? 0);
    console.log(
      `${label}${browser === 'node' ? '' : ` ${browser}`}: ${c.passed} passed, ${failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`,
    );
    totals.passed += c.passed;
    totals.failed += failed;
    totals.skipped += c.skipped;
  }
}

// BROWSERS=chromium,firefox (any subset) runs only those engines, and says so loudly.
const ALL = Object.keys(ENGINES);
const chosen = process.env.BROWSERS
  ? process.env.BROWSERS.split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean)
  : ALL;
let browsers;
try {
  browsers = ensureBrowsers(chosen);
} catch (e) {
  console.error(`\n✘ ${e.message}`);
  console.log('\ntests: 0 passed, 1 failed');
  process.exit(1);
}
// PHP and WordPress for the tests of what WordPress keeps of a pasted snippet
ensureTools();
const left = ALL.filter((e) => !chosen.includes(e));
const env = {
  CHROME_PATH: browsers.chromium ?? '',
  FIREFOX_PATH: browsers.firefox ?? '',
  MINIBROWSER_PATH: browsers.webkit ?? '',
};

step('build', 'npm', ['run', '--silent', 'build']);
step('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', 'npx', ['eslint', '.']);
step('format', 'npm', ['run', '--silent', 'format:check']);
step('size budget', 'npx', ['size-limit']);
step('README API is generated from custom-elements.json', 'node', ['scripts/readme-api.mjs', '--check']);
step('Node tests', 'node', ['scripts/node-tests.mjs']);
for (const engine of chosen) step(`browser tests in ${engine}`, 'node', ['scripts/wtr.mjs', engine], env);
if (existsSync('tests/e2e'))
  for (const engine of chosen) step(`end-to-end tests in ${engine}`, 'node', ['scripts/e2e.mjs', engine], env);

console.log('\n── summary ──');
readCounts(`${results}/node.json`, 'Node tests');
for (const engine of chosen) readCounts(`${results}/wtr-${engine}.json`, 'browser tests');
if (existsSync('tests/e2e')) for (const engine of chosen) readCounts(`${results}/e2e-${engine}.json`, 'end-to-end');
if (left.length) {
  console.log(
    `\n!!! NOT RUN in ${left.join(', ')}: BROWSERS=${process.env.BROWSERS} chose only ${chosen.join(', ')}. This run proves nothing about ${left.join(', ')}. !!!`,
  );
}
if (failures.length) console.log(`failed steps: ${failures.join(', ')}`);
console.log(
  `\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(failures.length || totals.failed || totals.passed === 0 ? 1 : 0);
