// A @web/test-runner plugin: the browser tests' `executeServerCommand('wordpress', html)` runs
// WordPress's real wp_kses_post() and wpautop() on `html` (tests/tools/wordpress.php) and answers
// {version, saved, shown}. Without PHP or WordPress it fails with what to install: never a skip.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), '../tools/wordpress.php');
const INSTALL = "install Debian's packages: apt-get install php-cli wordpress (npm test does it when run as root)";

/** Runs the WordPress filters on `html`; rejects with a readable reason. */
export function wordpress(html) {
  return new Promise((resolve, reject) => {
    const php = spawn(process.env.PHP_PATH || 'php', [script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    php.stdout.on('data', (c) => (out += c));
    php.stderr.on('data', (c) => (err += c));
    php.on('error', (e) => reject(new Error(`php could not be started (${e.code ?? e.message}): ${INSTALL}`)));
    php.on('close', (code) => {
      if (code !== 0)
        return reject(new Error(`WordPress's filters did not run (php exit ${code}: ${err.trim()}): ${INSTALL}`));
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`unexpected output from ${script}: ${out.slice(0, 200)}`));
      }
    });
    php.stdin.end(String(html));
  });
}

export function wordpressPlugin() {
  return {
    name: 'wordpress',
    async executeCommand({ command, payload }) {
      if (command !== 'wordpress') return undefined;
      return wordpress(payload);
    },
  };
}
