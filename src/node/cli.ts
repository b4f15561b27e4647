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

/** `--name value` and `--flag` options, and the rest in order. */
function parseArgs(args: string[], valued: string[]) {
  const options: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(a);
    if (!m) rest.push(a);
    else if (m[2] !== undefined) options[m[1]!] = m[2];
    else if (valued.includes(m[1]!) && i + 1 < args.length) options[m[1]!] = args[++i]!;
    else options[m[1]!] = true;
  }
  return { options, rest };
}

export const commands: Record<string, Command> = {
  check: {
    usage: 'check <file-or-URL> [--json] [--base URL] [--origin URL] [--timeout ms]',
    summary:
      'Is my feed right? Reads a JSON Feed, RSS or Atom feed as the elements do and, for a URL, checks the headers other sites need. Exit 0: no problems, 1: usable with problems, 2: unusable.',
    async run(args, out) {
      const { options, rest } = parseArgs(args, ['base', 'origin', 'timeout']);
      const unknown = Object.keys(options).filter((k) => !['json', 'base', 'origin', 'timeout'].includes(k));
      if (rest.length !== 1 || unknown.length) {
        out(`${unknown.length ? `unknown option --${unknown[0]}\n` : ''}usage: cluster-reportage ${this.usage}`);
        return 2;
      }
      const text = (k: string) => (typeof options[k] === 'string' ? (options[k] as string) : undefined);
      const result = await check(rest[0]!, {
        base: text('base'),
        origin: text('origin'),
        timeout: text('timeout') ? Number(text('timeout')) : undefined,
      });
      out(options['json'] ? JSON.stringify(result, null, 2) : report(result));
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
