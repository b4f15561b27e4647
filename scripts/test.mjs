// `npm test`: browsers, build, type-check, lint, size budget, every test
// runner; ends with one line `tests: N passed, M failed` summed over runners.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureBrowsers } from './browsers.mjs';

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
    console.log(`${label} ${browser}: ${c.passed} passed, ${failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
    totals.passed += c.passed;
    totals.failed += failed;
    totals.skipped += c.skipped;
  }
}

let browsers;
try {
  browsers = ensureBrowsers(['chromium']);
} catch (e) {
  console.error(`\n✘ ${e.message}`);
  console.log('\ntests: 0 passed, 1 failed');
  process.exit(1);
}
const env = { CHROME_PATH: browsers.chromium };

step('build', 'npm', ['run', '--silent', 'build']);
step('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', 'npx', ['eslint', '.']);
step('size budget', 'npx', ['size-limit']);
step('README API is generated from custom-elements.json', 'node', ['scripts/readme-api.mjs', '--check']);
step('browser tests', 'npx', ['web-test-runner'], env);
if (existsSync('tests/e2e')) {
  step('end-to-end tests', 'node', ['scripts/e2e.mjs'], env);
}

console.log('\n── summary ──');
readCounts(`${results}/wtr.json`, 'browser tests');
if (existsSync('tests/e2e')) readCounts(`${results}/e2e.json`, 'end-to-end');
if (failures.length) console.log(`failed steps: ${failures.join(', ')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failures.length || totals.failed || totals.passed === 0 ? 1 : 0);
