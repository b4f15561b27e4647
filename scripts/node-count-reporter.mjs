// A node:test reporter that writes { browsers: { <engine>: counts } } like
// count-reporter.mjs, so scripts/test.mjs sums both runners the same way.
export default async function* countReporter(source) {
  const c = { passed: 0, failed: 0, skipped: 0 };
  // whether a test was counted inside the suite now open at each nesting level
  const counted = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const level = event.data.nesting;
    if (event.data.details?.type === 'suite') {
      // a suite that failed in a hook counts once, unless its tests were already counted
      // (node reports each of them as failed, cancelled by the parent)
      const hook = event.type === 'test:fail' && event.data.details?.error?.failureType === 'hookFailed';
      if (hook && !counted[level]) c.failed++;
      counted[level] = false;
      continue;
    }
    for (let i = 0; i < level; i++) counted[i] = true;
    if (event.data.skip || event.data.todo) c.skipped++;
    else if (event.type === 'test:pass') c.passed++;
    else c.failed++;
  }
  yield JSON.stringify({ browsers: { [process.env.COUNT_LABEL || process.env.E2E_ENGINE || 'chromium']: c } }, null, 2);
}
