import { parseArgs } from 'node:util';
import { render } from './ssr.js';

/** Where the command reads and writes: `process` by default, streams in tests. */
export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const USAGE = `Usage: cluster-reportage render [--feed FILE] [--base URL] [--lang LANG] < page.html > prerendered.html

Renders every cluster-reportage element in the HTML on stdin into its ready state (a declarative
shadow root) and writes the page to stdout; everything else passes through unchanged.

  --feed FILE   the JSON Feed to render every element from (else each element's src is fetched)
  --base URL    the page's URL: src and the feed's relative URLs resolve against it
  --lang LANG   the language of the page a snippet goes into (without a lang in the HTML)

Exit status: 0 rendered; 1 rendered, with warnings on stderr (an element with nothing to show,
items the feed skipped); 2 nothing written (a feed that cannot be read or used, bad arguments).
`;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += chunk as string;
  return text;
}

/** `cluster-reportage render …` (argv without the command name); resolves to the exit status. */
export async function main(argv: string[], io: CommandIo = process): Promise<number> {
  let values: { feed?: string; base?: string; lang?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        feed: { type: 'string' },
        base: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    io.stderr.write(`cluster-reportage render: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.base !== undefined && !URL.canParse(values.base)) {
    io.stderr.write(`cluster-reportage render: --base ${values.base} is not an absolute URL\n`);
    return 2;
  }
  let warnings = 0;
  try {
    const html = await readAll(io.stdin);
    const out = await render(html, {
      ...(values.feed !== undefined ? { feed: values.feed } : {}),
      ...(values.base !== undefined ? { baseUrl: values.base } : {}),
      ...(values.lang ? { lang: values.lang } : {}),
      onWarning: (message) => {
        warnings++;
        io.stderr.write(`warning: ${message}\n`);
      },
    });
    io.stdout.write(out);
  } catch (e) {
    io.stderr.write(`cluster-reportage render: ${(e as Error).message}\n`);
    return 2;
  }
  return warnings ? 1 : 0;
}
