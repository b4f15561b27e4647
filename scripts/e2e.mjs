// Runs the end-to-end suites (tests/e2e/*.test.mjs, playwright-core against
// pages served by a real local HTTP server) with node's test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';

mkdirSync('.test-results', { recursive: true });
// the suites test the built bundle, as a site would load it
if (!existsSync('dist/cluster-reportage.js')) {
  console.error('dist/cluster-reportage.js is missing: run `npx rollup -c` first');
  process.exit(1);
}
const files = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => `tests/e2e/${f}`);
if (!files.length) {
  console.error('no end-to-end tests found in tests/e2e');
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    // one stuck page must not stall the run
    '--test-timeout=30000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-count-reporter.mjs',
    '--test-reporter-destination=.test-results/e2e.json',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
