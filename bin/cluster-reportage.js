#!/usr/bin/env node
// The command line (see README, "Server rendering"). A minimal dispatcher for `render`; the
// integrator merges it with src/node/cli.ts (the `check` command).
const [command, ...args] = process.argv.slice(2);
if (command === 'render') {
  const { main } = await import('../dist/lib/node/render-command.js');
  process.exitCode = await main(args);
} else {
  process.stderr.write(
    `Usage: cluster-reportage render [--feed FILE] [--base URL] [--lang LANG] < in.html > out.html\n`,
  );
  process.exitCode = command === undefined || command === '--help' ? 0 : 2;
}
