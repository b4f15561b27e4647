// A @web/test-runner reporter that writes per-browser counts to a JSON file,
// so `npm test` can print one summary line over every runner.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(suite, into) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) into.skipped++;
    else if (test.passed) into.passed++;
    else into.failed++;
  }
  for (const child of suite.suites ?? []) count(child, into);
}

export function countReporter(file, engine) {
  return {
    onTestRunFinished({ sessions }) {
      const browsers = {};
      for (const session of sessions) {
        const name = engine ?? (session.browser?.name || 'unknown').toLowerCase();
        const c = (browsers[name] ??= { passed: 0, failed: 0, skipped: 0, fileErrors: 0 });
        if (session.testResults) count(session.testResults, c);
        // a file that failed to load or threw outside a test ran nothing: count it as a failure
        if (!session.passed && (session.errors?.length || !session.testResults)) c.fileErrors++;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ browsers }, null, 2));
    },
  };
}
