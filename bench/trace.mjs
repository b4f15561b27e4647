// A trace of one page load in headless Chromium, summarised: every main-thread
// task over 30 ms with the events that took its time. For finding what a long
// task is made of (`node bench/trace.mjs /gen/cards.html?n=50`).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const path = process.argv[2] ?? '/gen/cards.html?n=50';
const server = await startServer(root);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: readFileSync(join(root, 'bench/pages/probe.js'), 'utf8') });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(server.origin + path);
  await page.waitForTimeout(1500);
  const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const main = trace.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const events = trace.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.dur > 30_000);
  for (const t of tasks) {
    const inside = events.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    const by = new Map();
    for (const e of inside) by.set(e.name, (by.get(e.name) ?? 0) + e.dur);
    const top = [...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.TOP ?? 8))
      .map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`);
    console.log(`task ${(t.dur / 1000).toFixed(1)} ms: ${top.join(', ')}`);
  }
  if (process.env.LAYOUTS)
    for (const e of events.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree'))
      console.log(
        e.name,
        (e.dur / 1000).toFixed(1),
        JSON.stringify(e.args?.beginData ?? {}).slice(0, 160),
        JSON.stringify(e.args?.elementCount ?? e.args?.endData ?? '').slice(0, 100),
      );
  console.log('long tasks (observer):', JSON.stringify(await page.evaluate(() => window.__long)));
} finally {
  await browser.close();
  await server.close();
}
