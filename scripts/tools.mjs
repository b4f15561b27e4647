// The command-line tools the tests need besides the browsers: PHP and Debian's `wordpress`
// package, for the tests that run WordPress's real content filters (tests/cms/wordpress.test.ts).
// Installed like the browsers: as root on Debian, from Debian's packages; elsewhere `npm test`
// says what to install and those tests fail (they never skip).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = [
  { name: 'php', found: () => spawnSync(process.env.PHP_PATH || 'php', ['-v']).status === 0, packages: ['php-cli'] },
  {
    name: 'WordPress',
    found: () => existsSync(`${process.env.WORDPRESS_DIR || '/usr/share/wordpress'}/wp-includes/kses.php`),
    packages: ['wordpress'],
  },
  // the README's Apache block is run for real (tests/node/publishing.test.mjs)
  { name: 'Apache', found: () => existsSync('/usr/sbin/apache2'), packages: ['apache2'] },
];

/** Installs what is missing when it can; returns the names of the tools still missing. */
export function ensureTools() {
  const missing = () => TOOLS.filter((t) => !t.found());
  const need = missing();
  const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version') && !process.env.NO_INSTALL;
  if (need.length && canInstall) {
    const packages = need.flatMap((t) => t.packages);
    console.log(`[tools] installing Debian packages ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
        stdio: 'inherit',
        env,
      });
    } catch (e) {
      console.error(`[tools] apt-get failed: ${e.message}`);
    }
  }
  const left = missing();
  if (left.length)
    console.error(
      `\n✘ missing: ${left.map((t) => t.name).join(', ')} (Debian: sudo apt-get install -y ${left.flatMap((t) => t.packages).join(' ')}); the WordPress tests will fail.`,
    );
  return left.map((t) => t.name);
}
