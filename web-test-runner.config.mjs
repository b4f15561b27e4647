import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter, summaryReporter } from '@web/test-runner';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_ARGS } from './scripts/browsers.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { mockMiddleware } from './tests/server/mock-routes.mjs';
import { wordpressPlugin } from './tests/server/wordpress.mjs';

// One engine per run: scripts/test.mjs runs each engine in turn.
const engine = process.env.WTR_ENGINE || 'chromium';

const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  firefox: () =>
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
        headless: true,
      },
    }),
  webkit: () => {
    const launcher = webdriverLauncher({
      hostname: '127.0.0.1',
      port: Number(process.env.WEBKIT_WEBDRIVER_PORT || 4444),
      capabilities: {
        // 'MiniBrowser' is the only name WebKitWebDriver accepts; classic WebDriver, because
        // webdriverio would otherwise ask for BiDi, which WebKitWebDriver refuses
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary: process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation'],
        },
      },
    });
    const initialize = launcher.initialize.bind(launcher);
    launcher.initialize = async (...args) => {
      await initialize(...args);
      launcher.name = 'WebKit';
    };
    return launcher;
  },
};
if (!launchers[engine]) throw new Error(`WTR_ENGINE=${engine}: expected one of ${Object.keys(launchers).join(', ')}`);

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  // one page at a time: puppeteer's Firefox loses sessions with two, WebKit's driver
  // cannot do more, and keyboard-focus tests need the page to have focus
  concurrency: 1,
  testsFinishTimeout: 300_000,
  // GREP=… runs only the tests whose names match (mocha's grep)
  testFramework: { config: { timeout: 10_000, ...(process.env.GREP ? { grep: process.env.GREP } : {}) } },
  middleware: [mockMiddleware()],
  // wordpressPlugin: WordPress's real content filters for the tests of what editors can paste
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), wordpressPlugin()],
  browsers: [launchers[engine]()],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countReporter(`.test-results/wtr-${engine}.json`, engine),
  ],
};
