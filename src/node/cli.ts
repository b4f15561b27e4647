import { parseArgs } from 'node:util';
import { check } from './check.js';
import { report } from './report.js';

/**
 * `npx cluster-reportage <command>`: the tools for people who publish feeds.
 * Each command is a function of its arguments that returns the exit status;
 * add one to `commands`.
 */

interface Command {
  usage: string;
  summary: string;
  run(args: string[], out: (text: string) => void): Promise<number>;
}

export const commands: Record<string, Command> = {
  check: {
    usage: 'check <file-or-URL> [--json] [--base URL] [--origin URL] [--timeout ms]',
    summary:
      'Is my feed right? Reads a JSON Feed, RSS or Atom feed as the elements do and, for a URL, checks the headers other sites need. Exit 0: no problems, 1: usable with problems, 2: unusable.',
    async run(args, out) {
      let parsed;
      try {
        parsed = parseArgs({
          args,
          allowPositionals: true,
          options: {
            json: { type: 'boolean' },
            base: { type: 'string' },
            origin: { type: 'string' },
            timeout: { type: 'string' },
          },
        });
      } catch (e) {
        out(`${(e as Error).message}\nusage: cluster-reportage ${this.usage}`);
        return 2;
      }
      const { values: options, positionals: rest } = parsed;
      if (rest.length !== 1) {
        out(`usage: cluster-reportage ${this.usage}`);
        return 2;
      }
      const result = await check(rest[0]!, {
        base: options.base,
        origin: options.origin,
        timeout: options.timeout ? Number(options.timeout) : undefined,
      });
      out(options.json ? JSON.stringify(result, null, 2) : report(result));
      return result.exitCode;
    },
  },
  render: {
    usage: 'render [--feed FILE] [--base URL] [--lang LANG] < page.html > prerendered.html',
    summary:
      'Server rendering: the HTML on stdin with each element prerendered (a declarative shadow root) to stdout. Exit 0: rendered, 1: rendered with warnings, 2: nothing written.',
    async run(args) {
      const { main: render } = await import('./render-command.js');
      return render(args);
    },
  },
};

function help(): string {
  return [
    'usage: cluster-reportage <command> [options]',
    '',
    ...Object.values(commands).flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
  ].join('\n');
}

/** Runs the command line `args` (without `node` and the script); resolves to the exit status. */
export async function main(args: string[], out: (text: string) => void = (t) => console.log(t)): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(help());
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    out(`unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  return command.run(rest, out);
}
