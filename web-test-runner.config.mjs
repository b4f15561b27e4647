import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter, summaryReporter } from '@web/test-runner';
import { countReporter } from './scripts/count-reporter.mjs';
import { mockMiddleware } from './tests/server/mock-routes.mjs';

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['tests/**/*.test.ts', '!tests/e2e/**'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 2,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [mockMiddleware()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter('.test-results/wtr.json')],
};
