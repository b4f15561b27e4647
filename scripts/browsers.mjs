// Finds the browsers the tests drive, installing Debian's packages when we are
// root on Debian and one is missing. Never downloads a browser build of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * How every test and bench run starts Debian's Chromium: no sandbox (root), and none of the
 * background connections this machine's closed network would refuse.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;

/** engine → how to find it, and the Debian packages that provide it */
export const ENGINES = {
  chromium: {
    find: () =>
      [
        process.env.CHROME_PATH,
        '/usr/bin/chromium',
        which('chromium'),
        which('chromium-browser'),
        which('google-chrome'),
      ].find((p) => p && existsSync(p)),
    packages: ['chromium'],
    env: 'CHROME_PATH',
  },
  firefox: {
    find: () =>
      [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', which('firefox-esr'), which('firefox')].find(
        (p) => p && existsSync(p),
      ),
    packages: ['firefox-esr'],
    env: 'FIREFOX_PATH',
  },
  webkit: {
    // WebKitGTK's MiniBrowser, driven by WebKitWebDriver inside an Xvfb display
    find: () => {
      const browser = [
        process.env.MINIBROWSER_PATH,
        '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      ].find((p) => p && existsSync(p));
      return browser && which('WebKitWebDriver') && which('Xvfb') ? browser : undefined;
    },
    packages: ['webkit2gtk-driver', 'xvfb'],
    env: 'MINIBROWSER_PATH',
  },
};

const isRoot = () => process.getuid?.() === 0;
const onDebian = () => existsSync('/etc/debian_version') && Boolean(which('apt-get'));

let aptUpdated = false;
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

/**
 * Returns { engine: path } for each wanted engine, installing what is missing
 * when it can. Throws with what to install when it cannot.
 */
export function ensureBrowsers(wanted) {
  const found = {};
  const missing = [];
  for (const engine of wanted) {
    const spec = ENGINES[engine];
    if (!spec) throw new Error(`unknown engine "${engine}" (known: ${Object.keys(ENGINES).join(', ')})`);
    let path = spec.find();
    if (!path && isRoot() && onDebian() && !process.env.NO_INSTALL) {
      console.log(`[browsers] ${engine} not found: installing Debian packages ${spec.packages.join(' ')}`);
      try {
        aptInstall(spec.packages);
      } catch (e) {
        console.error(`[browsers] apt-get failed: ${e.message}`);
      }
      path = spec.find();
    }
    if (path) found[engine] = path;
    else missing.push(engine);
  }
  if (missing.length) {
    const pkgs = missing.flatMap((e) => ENGINES[e].packages).join(' ');
    throw new Error(
      `missing browser engine(s): ${missing.join(', ')}.\n` +
        `Install them (Debian/Ubuntu: sudo apt-get install -y ${pkgs}), point ${missing.map((e) => ENGINES[e].env).join('/')} at the binary,\n` +
        `or run only the engines you have, e.g. BROWSERS=chromium npm test (the run then says which engines it left out).`,
    );
  }
  return found;
}
