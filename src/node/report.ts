import type { FeedFormat } from '../feed/types.js';
import type { CheckResult } from './check.js';

const FORMATS: Record<FeedFormat, string> = { json: 'JSON Feed', rss: 'RSS 2.0', rdf: 'RSS 1.0', atom: 'Atom 1.0' };
const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** `check`'s result as the lines a producer reads: HTTP, problems by path, a summary, the verdict. */
export function report(r: CheckResult): string {
  const lines = [`Checking ${r.source}`];
  if (r.http) {
    lines.push(
      '',
      'HTTP',
      `  ${r.http.status < 300 ? '✔' : '✘'} status ${r.http.status}${r.http.url !== r.source ? ` (from ${r.http.url})` : ''}`,
    );
    for (const c of r.http.checks) {
      lines.push(`  ${c.ok ? '✔' : '✘'} ${c.header}: ${c.message}`);
      if (!c.ok && c.fix) lines.push(`      add: ${c.fix}`);
    }
  }
  if (r.problems.length) {
    lines.push('', 'Feed');
    for (const p of r.problems) lines.push(`  ${p.path}: ${p.message}`);
  }
  lines.push('');
  if (r.items && r.format) {
    const kinds = [r.items.news && n(r.items.news, 'news item'), r.items.portraits && n(r.items.portraits, 'portrait')]
      .filter(Boolean)
      .join(', ');
    const skipped = [n(r.skipped!.items, 'item'), r.skipped!.journeys ? n(r.skipped!.journeys, 'journey') : '']
      .filter(Boolean)
      .join(' and ');
    lines.push(
      `${FORMATS[r.format]} "${r.title}": ${n(r.items.total, 'item')}${kinds ? ` (${kinds})` : ''}, ${n(r.journeys!, 'journey')}, ${skipped} skipped, ${n(r.problems.length, 'problem')}.`,
    );
    if (!r.source.match(/^https?:/) && r.problems.some((p) => /URL/.test(p.message)))
      lines.push(`(relative URLs were resolved against ${r.base}; --base URL gives the address the feed is served at)`);
  }
  const headers = r.http?.checks.filter((c) => !c.ok).length ?? 0;
  lines.push(
    r.exitCode === 2
      ? `Not usable: ${r.error?.kind}: ${r.error?.message}`
      : r.exitCode === 1
        ? `Usable, with problems${headers ? ` (${n(headers, 'header')} to fix)` : ''}.`
        : 'Usable, no problems.',
  );
  return lines.join('\n');
}
