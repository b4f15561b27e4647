// Screenshots of the map's look-at page (tests/map/page.ts) in headless Chromium at
// 1280 and 375 px, light and dark: `node scripts/map-shots.mjs [--out=dir]` (default
// screenshots/map). The page is bundled here with rollup; nothing is fetched.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import resolvePlugin from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';

const out = resolve(process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'screenshots/map');
mkdirSync(out, { recursive: true });
const bundle = await rollup({
  input: 'tests/map/page.ts',
  plugins: [
    resolvePlugin({ browser: true }),
    typescript({
      tsconfig: './tsconfig.json',
      noEmit: false,
      declaration: false,
      outDir: 'dist/.map-page',
      include: ['src/**/*.ts', 'tests/**/*.ts'],
    }),
  ],
  onwarn: () => {},
});
const { output } = await bundle.generate({ format: 'es' });
const files = {
  '/': ['text/html', await readFile('tests/map/page.html')],
  '/page.css': ['text/css', await readFile('tests/map/page.css')],
  '/page.js': ['text/javascript', output[0].code],
};
const requests = [];
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  requests.push(path);
  const file = files[path];
  res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
  res.end(file?.[1] ?? 'not found');
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(`${origin}/${scheme === 'dark' ? '?dark' : ''}`);
      await page.waitForFunction(() => document.querySelectorAll('map-host').length > 0);
      await page.waitForTimeout(300);
      const file = join(out, `map-${scheme}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      // each map alone too, at full resolution, to look at the details
      const hosts = await page.locator('map-host').all();
      for (const [n, host] of hosts.entries())
        await host.screenshot({ path: join(out, `map-${scheme}-${width}-${n + 1}.png`) });
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
const others = requests.filter((p) => !(p in files) && p !== '/favicon.ico');
if (others.length) {
  console.error(`unexpected requests: ${others.join(', ')}`);
  process.exitCode = 1;
}
