import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const sources = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });

const ts = (options = {}) =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', '**/src/**/*.ts'],
    rootDir: 'src',
    sourceMap: true,
    declaration: false,
    ...options,
  });

export default [
  // For a CDN <script type="module">: one self-contained, minified entry, Lit
  // inlined; the HTML sanitizer is a lazy chunk beside it.
  {
    input: 'src/index.ts',
    output: {
      file: undefined,
      dir: 'dist',
      entryFileNames: 'cluster-reportage.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      format: 'es',
      sourcemap: true,
    },
    plugins: [
      // a clean dist/ (when building, not when this file is imported): old hashed chunks
      // would pile up and be counted by the size budget
      { name: 'clean-dist', buildStart: () => rmSync('dist', { recursive: true, force: true }) },
      resolve({ browser: true }),
      ts({ outDir: 'dist' }),
      // Lit's html`` and css`` templates are strings terser cannot see into
      minifyLiterals(),
      terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } }),
    ],
  },
  // For npm: one ES module per source module with .d.ts files; Lit, DOMPurify
  // stay dependencies so an app bundles them once. src/node/ is for Node only
  // (server rendering, the command line): its packages and node: built-ins too.
  {
    input: sources('src'),
    external: (id) => /^(lit|@lit|@lit-labs\/ssr|dompurify|parse5|jsdom|@xmldom\/xmldom)(\/|$)|^node:/.test(id),
    output: {
      dir: 'dist/lib',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
    plugins: [resolve({ browser: true }), ts({ outDir: 'dist/lib', declaration: true, declarationDir: 'dist/lib' })],
  },
];
