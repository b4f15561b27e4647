// Runs the end-to-end suites (tests/e2e/*.test.mjs: real pages from a local
// HTTP server, driven in a real browser) with node's test runner, once per
// engine: `node scripts/e2e.mjs [chromium] [firefox] [webkit]`, by default the
// engines of BROWSERS=… or all three. Counts go to .test-results/e2e-<engine>.json.
// A browser that is missing fails the run; it is never skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { ENGINES, ensureBrowsers } from './browsers.mjs';

mkdirSync('.test-results', { recursive: true });
// the suites test the built bundle, as a site would load it
if (!existsSync('dist/cluster-reportage.js')) {
  console.error('dist/cluster-reportage.js is missing: run `npx rollup -c` first');
  process.exit(1);
}
if (!readdirSync('tests/e2e').some((f) => f.endsWith('.test.mjs'))) {
  console.error('no end-to-end tests found in tests/e2e');
  process.exit(1);
}

const args = process.argv.slice(2);
const engines = args.length
  ? args
  : process.env.BROWSERS
    ? process.env.BROWSERS.split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean)
    : Object.keys(ENGINES);
let browsers;
try {
  browsers = ensureBrowsers(engines);
} catch (e) {
  console.error(`✘ end-to-end: ${e.message}`);
  process.exit(1);
}

let failed = false;
for (const engine of engines) {
  console.log(`\n▶ end-to-end in ${engine} (${browsers[engine]})`);
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      '--test',
      // the whole engine's run; a stuck page fails sooner (every wait in the harness gives up after
      // 5 s, every driver command after 20 s)
      '--test-timeout=300000',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-count-reporter.mjs',
      `--test-reporter-destination=.test-results/e2e-${engine}.json`,
      // all suites in one process, with one browser (tests/e2e/all.mjs imports every *.test.mjs)
      'tests/e2e/all.mjs',
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, E2E_ENGINE: engine, [ENGINES[engine].env]: browsers[engine] },
    },
  );
  console.log(
    `${r.status === 0 ? '✔' : '✘'} end-to-end in ${engine} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
