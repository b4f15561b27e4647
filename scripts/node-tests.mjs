// Runs the Node suites (tests/node/*.test.mjs: what runs without a browser — the
// built library imported in Node, the command-line tools, the JSON Schema) with
// node's test runner; counts go to .test-results/node.json for npm test's summary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';

mkdirSync('.test-results', { recursive: true });
if (!existsSync('dist/lib/index.js')) {
  console.error('dist/lib/index.js is missing: run `npm run build` first');
  process.exit(1);
}
const files = readdirSync('tests/node')
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => `tests/node/${f}`);
if (!files.length) {
  console.error('no Node tests found in tests/node');
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    '--test-timeout=60000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-count-reporter.mjs',
    '--test-reporter-destination=.test-results/node.json',
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, COUNT_LABEL: 'node' } },
);
process.exit(r.status ?? 1);
