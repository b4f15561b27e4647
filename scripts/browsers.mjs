// Finds the browsers the tests drive, installing Debian's packages when we are
// root on Debian and one is missing. Never downloads a browser build of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;

/** engine → how to find it, and the Debian packages that provide it */
export const ENGINES = {
  chromium: {
    find: () => [process.env.CHROME_PATH, '/usr/bin/chromium', which('chromium'), which('chromium-browser'), which('google-chrome')].find((p) => p && existsSync(p)),
    packages: ['chromium'],
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
    if (!path && isRoot() && onDebian()) {
      console.log(`[browsers] ${engine} not found: installing Debian packages ${spec.packages.join(' ')}`);
      aptInstall(spec.packages);
      path = spec.find();
    }
    if (path) found[engine] = path;
    else missing.push(engine);
  }
  if (missing.length) {
    const pkgs = missing.flatMap((e) => ENGINES[e].packages).join(' ');
    throw new Error(
      `missing browser engine(s): ${missing.join(', ')}.\n` +
        `Install them (Debian/Ubuntu: sudo apt-get install -y ${pkgs}), or point CHROME_PATH at a Chromium binary.`,
    );
  }
  return found;
}
