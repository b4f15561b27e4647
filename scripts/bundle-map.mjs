// Which source module the bytes of the minified bundle come from (via its
// source map): `node scripts/bundle-map.mjs [dist/cluster-reportage.js]`.
// Gzip is estimated per module by compressing its bytes alone.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

const file = process.argv[2] ?? 'dist/cluster-reportage.js';
const code = readFileSync(file, 'utf8');
const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
const bytes = new Map();
const lines = code.split('\n');
lines.forEach((line, l) => {
  let last = 'unmapped';
  for (let c = 0; c < line.length; c++) {
    const pos = originalPositionFor(map, { line: l + 1, column: c });
    if (pos.source) last = pos.source.replace(/^.*node_modules\//, '~/').replace(/^(\.\.\/)+/, '');
    bytes.set(last, (bytes.get(last) ?? '') + line[c]);
  }
});
const rows = [...bytes]
  .map(([src, text]) => [src, text.length, gzipSync(text, { level: 9 }).length])
  .sort((a, b) => b[1] - a[1]);
for (const [src, min, gz] of rows) console.log(`${String(min).padStart(7)} ${String(gz).padStart(6)}  ${src}`);
console.log(
  `${String(code.length).padStart(7)} ${String(gzipSync(code, { level: 9 }).length).padStart(6)}  TOTAL (min, gzip)`,
);
