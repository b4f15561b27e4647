// Byte figures: min+gzip and min+brotli of the built bundle and of every chunk
// it loads lazily, next to "Lit alone" (bench/baseline/lit-alone.js) built
// here with the same resolve + minify plugins as the bundle.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotli = (buf) =>
  brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
const sizes = (buf) => ({ min: buf.length, gzip: gzip(buf), brotli: brotli(buf) });

/** Files the entry loads lazily: `import("./…")` in it, followed through the chunks it reaches. */
export function lazyChunks(entry) {
  const found = [];
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift();
    const code = readFileSync(file, 'utf8');
    const dynamic = file === entry;
    // from the entry only its import("…") calls; from a chunk also its static imports of other chunks
    const re = dynamic
      ? /import\(\s*["'`](\.\.?\/[^"'`]+)["'`]\s*\)/g
      : /(?:import\(\s*|from\s*|import\s*)["'`](\.\.?\/[^"'`]+)["'`]/g;
    for (const m of code.matchAll(re)) {
      const target = resolvePath(dirname(file), m[1]);
      if (seen.has(target) || !existsSync(target)) continue;
      seen.add(target);
      found.push(target);
      queue.push(target);
    }
  }
  return found;
}

/**
 * Where the main bundle's minified bytes come from, by source module, read from
 * its source map. gzip per module is estimated as its share of the minified
 * bytes times the bundle's gzip size. Undefined when the map or the decoder is
 * missing (the decoder is a transitive dependency of the build tools).
 */
async function byModule(file) {
  let decode;
  try {
    ({ decode } = await import('@jridgewell/sourcemap-codec'));
  } catch {
    return undefined;
  }
  if (!existsSync(`${file}.map`)) return undefined;
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = readFileSync(file, 'utf8').split('\n');
  const counts = new Map();
  decode(map.mappings).forEach((segments, l) => {
    const line = lines[l] ?? '';
    let col = 0;
    let src = 'unmapped';
    for (const seg of segments) {
      counts.set(src, (counts.get(src) ?? 0) + Buffer.byteLength(line.slice(col, seg[0])));
      col = seg[0];
      if (seg.length > 1) src = map.sources[seg[1]];
    }
    counts.set(src, (counts.get(src) ?? 0) + Buffer.byteLength(line.slice(col)) + 1);
  });
  const name = (src) =>
    src === 'unmapped' ? '(unmapped: glue, newlines)' : src.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [...counts]
    .map(([src, min]) => ({ module: name(src), min, share: min / total }))
    .sort((a, b) => b.min - a.min);
}

export async function measureBytes(root, tmp) {
  const { rollup } = await import('rollup');
  const config = (await import(join(root, 'rollup.config.mjs'))).default;
  // the bundle's own plugins, minus TypeScript: identical resolve and minify settings
  const plugins = () => config[0].plugins.filter((p) => p && p.name !== 'typescript' && p.name !== 'clean-dist');

  const entry = join(root, 'dist/cluster-reportage.js');
  const files = [entry, ...lazyChunks(entry)].map((file) => ({
    name: relative(root, file),
    lazy: file !== entry,
    ...sizes(readFileSync(file)),
  }));

  // written to the temp dir and read back: the bytes a server would send
  const build = async (input, name) => {
    const bundle = await rollup({ input, plugins: plugins(), onwarn() {} });
    const file = join(tmp, name);
    await bundle.write({ file, format: 'es', sourcemap: false, inlineDynamicImports: true });
    await bundle.close();
    return readFileSync(file);
  };

  const lit = sizes(await build(join(root, 'bench/baseline/lit-alone.js'), 'lit-alone.js'));
  // the feed layer alone (validation, loading, URL gate, text), as the npm build emits it
  const feedEntry = join(root, 'dist/lib/feed/load.js');
  const feed = existsSync(feedEntry) ? sizes(await build(feedEntry, 'feed-layer.js')) : undefined;
  const litVersion = JSON.parse(readFileSync(join(root, 'node_modules/lit/package.json'), 'utf8')).version;
  const modules = await byModule(entry);
  return { files, lit, litVersion, feed, modules };
}
