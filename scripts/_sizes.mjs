import { rollup } from 'rollup';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import config from '../rollup.config.mjs';
const c = config[0];
const b = await rollup({ ...c, plugins: c.plugins.slice(0, 2), onwarn() {} });
const { output } = await b.generate({ ...c.output, sourcemap: false });
for (const chunk of output) {
  if (chunk.type !== 'chunk') continue;
  const rows = [];
  for (const [id, m] of Object.entries(chunk.modules)) {
    if (!m.code) continue;
    const min = (await minify(m.code, { module: true, compress: { passes: 2 } })).code ?? '';
    rows.push([gzipSync(min, { level: 9 }).length, min.length, id.replace(process.cwd() + '/', '')]);
  }
  rows.sort((a, b) => b[0] - a[0]);
  console.log('==', chunk.fileName);
  for (const r of rows) console.log(r.join('\t'));
}
