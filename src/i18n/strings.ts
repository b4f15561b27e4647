/** UI strings. Add a language by adding a table with the same keys. */
const de = {
  loading: 'Wird geladen …',
  error: 'Die Reportagen konnten nicht geladen werden.',
  errorNetwork: 'Der Reportage-Feed ist nicht erreichbar.',
  errorHttp: 'Der Server hat den Reportage-Feed nicht ausgeliefert.',
  errorTimeout: 'Der Reportage-Feed hat zu lange nicht geantwortet.',
  errorParse: 'Der Reportage-Feed ist nicht lesbar (kein gültiges JSON, RSS oder Atom).',
  errorInvalid: 'Der Reportage-Feed hat ein ungültiges Format.',
  emptyNews: 'Keine Meldung gefunden.',
  emptyPortrait: 'Kein Porträt für diese Clusterinitiative gefunden.',
  emptyJourney: 'Keine Reportagereise gefunden.',
  // RSS and Atom have news items only (Feed.format is not "json")
  noPortraitsInFeed: 'Dieser RSS- oder Atom-Feed enthält keine Porträts.',
  noJourneysInFeed: 'Dieser RSS- oder Atom-Feed enthält keine Reportagereisen.',
  showMore: 'Mehr anzeigen',
  moreAdded: 'Weitere Meldungen: {n}',
  readMore: 'Weiterlesen',
  readReportage: 'Zur Reportage',
  clusterWebsite: 'Website der Clusterinitiative',
  furtherInfo: 'Weiterführende Informationen',
  untitled: 'Ohne Titel',
  details: 'Technische Details',
  journey: 'Reportagereise',
  focus: 'Schwerpunkt',
  stations: 'Stationen',
  stationOf: 'Station {n} von {total}',
};

export type StringKey = keyof typeof de;
type Table = Record<StringKey, string>;

const en: Table = {
  loading: 'Loading …',
  error: 'The reportages could not be loaded.',
  errorNetwork: 'The reportage feed cannot be reached.',
  errorHttp: 'The server did not deliver the reportage feed.',
  errorTimeout: 'The reportage feed took too long to answer.',
  errorParse: 'The reportage feed cannot be read (not valid JSON, RSS or Atom).',
  errorInvalid: 'The reportage feed is not in the expected format.',
  emptyNews: 'No news item found.',
  emptyPortrait: 'No portrait found for this cluster initiative.',
  emptyJourney: 'No journey found.',
  noPortraitsInFeed: 'This RSS or Atom feed has no portraits.',
  noJourneysInFeed: 'This RSS or Atom feed has no journeys.',
  showMore: 'Show more',
  moreAdded: 'More items: {n}',
  readMore: 'Read more',
  readReportage: 'Read the reportage',
  clusterWebsite: 'Cluster website',
  furtherInfo: 'Further information',
  untitled: 'Untitled',
  details: 'Technical details',
  journey: 'Reporting trip',
  focus: 'Focus',
  stations: 'Stations',
  stationOf: 'Station {n} of {total}',
};

const tables: Record<string, Table> = { de, en };

/** The UI language we have strings for: `de-AT` → `de`, anything unknown → `en`. */
export const uiLanguage = (lang: string): 'de' | 'en' => (lang.toLowerCase().startsWith('de') ? 'de' : 'en');

/** The UI string `key` in `lang`, with `{name}` placeholders filled from `values`. */
export const t = (lang: string, key: StringKey, values?: Record<string, string | number>): string => {
  const text = tables[uiLanguage(lang)]![key];
  return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(values[name] ?? m)) : text;
};

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: string): Intl.DateTimeFormat {
  let format = formats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat(uiLanguage(lang), { dateStyle: 'long', timeZone: 'UTC' });
    }
    formats.set(lang, format);
  }
  return format;
}

// German and US English dates are written here, as Intl writes them: the page's first
// Intl.DateTimeFormat loads the browser's locale data, a 30–60 ms task on its own.
const MONTHS = {
  de: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

/**
 * Formats the calendar date the producer wrote ("2021-02-02T23:30:00+01:00" is
 * 2 February wherever the reader is), long form: "2. Februar 2021",
 * "February 2, 2021"; other languages by `Intl` ("2 février 2021").
 */
export function formatDate(rfc3339: string, lang: string): string {
  const [y, m, d] = rfc3339.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (/^de(-de|-ch)?$/i.test(lang)) return `${d}. ${MONTHS.de[m - 1]} ${y}`;
  if (/^en(-us)?$/i.test(lang)) return `${MONTHS.en[m - 1]} ${d}, ${y}`;
  return dateFormat(lang).format(Date.UTC(y, m - 1, d));
}
