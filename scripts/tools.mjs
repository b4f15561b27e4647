// The command-line tools the tests need besides the browsers: PHP and Debian's `wordpress`
// package, for the tests that run WordPress's real content filters (tests/cms/wordpress.test.ts)
// and its feed headers, and the web servers whose README blocks are run for real.
// Installed like the browsers: as root on Debian, from Debian's packages; elsewhere `npm test`
// says what to install and those tests fail (they never skip).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';

const TOOLS = [
  { name: 'php', found: () => spawnSync(process.env.PHP_PATH || 'php', ['-v']).status === 0, packages: ['php-cli'] },
  {
    name: 'WordPress',
    found: () => existsSync(`${process.env.WORDPRESS_DIR || '/usr/share/wordpress'}/wp-includes/kses.php`),
    packages: ['wordpress'],
  },
  // the README's Apache and nginx blocks are run for real (tests/node/publishing.test.mjs)
  { name: 'Apache', found: () => existsSync('/usr/sbin/apache2'), packages: ['apache2'] },
  { name: 'nginx', found: () => existsSync('/usr/sbin/nginx'), packages: ['nginx'] },
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
    // the tests start their own servers on free ports: the packages' services are not started
    // (two web servers on port 80 would fail the second package's configuration)
    const policy = '/usr/sbin/policy-rc.d';
    const ownPolicy = !existsSync(policy);
    if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
        stdio: 'inherit',
        env,
      });
    } catch (e) {
      console.error(`[tools] apt-get failed: ${e.message}`);
    } finally {
      if (ownPolicy) rmSync(policy, { force: true });
    }
  }
  const left = missing();
  if (left.length)
    console.error(
      `\n✘ missing: ${left.map((t) => t.name).join(', ')} (Debian: sudo apt-get install -y ${left.flatMap((t) => t.packages).join(' ')}); the tests that need them will fail.`,
    );
  return left.map((t) => t.name);
}
