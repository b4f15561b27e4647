// A node:test reporter that writes { browsers: { <engine>: counts } } like
// count-reporter.mjs, so scripts/test.mjs sums both runners the same way.
export default async function* countReporter(source) {
  const c = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // a suite that failed in a hook ran none of its tests: count it
      if (event.type === 'test:fail' && event.data.details?.error?.failureType === 'hookFailed') c.failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) c.skipped++;
    else if (event.type === 'test:pass') c.passed++;
    else c.failed++;
  }
  yield JSON.stringify({ browsers: { [process.env.COUNT_LABEL || process.env.E2E_ENGINE || 'chromium']: c } }, null, 2);
}
