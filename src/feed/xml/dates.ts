/**
 * RSS dates (RFC 822 as RSS 2.0 writes them, with whatever zone, day name or
 * none) to RFC 3339, keeping the producer's own offset: the card shows the
 * calendar day the producer wrote. ISO 8601 dates, which many RSS feeds put in
 * `pubDate` and RSS 1.0 puts in `dc:date`, pass through.
 */

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
// German month abbreviations, which German CMS templates write into pubDate
const DE: Record<string, number> = { mär: 2, mrz: 2, mai: 4, okt: 9, dez: 11 };
/** Zones by name, in minutes east of UTC (RFC 822's own and the ones feeds use). */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  cet: 60,
  mez: 60,
  bst: 60,
  west: 60,
  cest: 120,
  mesz: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  jst: 540,
  aest: 600,
  aedt: 660,
};

const RFC822 =
  /^(?:[a-zäöü]+\.?,?\s*)?(\d{1,2})[\s-]+([a-zä]{3})[a-zä]*\.?[\s-]+(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(?:([+-])(\d{2}):?(\d{2})|([a-z]{1,5}))?\s*$/i;
const ISO = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?)?$/;

const two = (n: number) => String(n).padStart(2, '0');

/** An RFC 3339 date for `value`, or a message saying why there is none. */
export function rssDate(value: string): { date: string } | { error: string } {
  const v = value.trim().replace(/\s+/g, ' ');
  if (ISO.test(v)) return { date: v.replace(/ (?=[Zz+-])/, '').replace(' ', 'T') };
  const m = RFC822.exec(v);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  const mo = month >= 0 ? month : m ? DE[m[2]!.toLowerCase()] : undefined;
  const name = m?.[10]?.toLowerCase();
  const zone = m?.[7] ? (m[7] == '-' ? -1 : 1) * (+m[8]! * 60 + +m[9]!) : name ? ZONES[name] : 0;
  if (!m || mo === undefined || zone === undefined)
    return {
      error: `expected an RFC 822 date like "Tue, 02 Feb 2021 09:00:00 +0100"${m && zone === undefined ? ` (unknown zone "${m[10]}")` : ''}, got "${v.slice(0, 40)}"`,
    };
  const year = m[3]!.length == 2 ? (+m[3]! < 50 ? 2000 : 1900) + +m[3]! : +m[3]!;
  const offset = zone ? `${zone < 0 ? '-' : '+'}${two((Math.abs(zone) / 60) | 0)}:${two(Math.abs(zone) % 60)}` : 'Z';
  return {
    date: `${year}-${two(mo + 1)}-${two(+m[1]!)}T${two(+(m[4] ?? 0))}:${m[5] ?? '00'}:${m[6] ?? '00'}${offset}`,
  };
}
