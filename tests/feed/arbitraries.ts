// fast-check arbitraries for feed-shaped input: what the property tests of the feed
// layer (tests/feed/property.test.ts) and of the elements (tests/elements/property.test.ts) feed in.
import fc from 'fast-check';

/** Strings built from the pieces that hostile and broken URLs are made of. */
export const urlish = fc.oneof(
  fc.webUrl(),
  fc
    .array(
      fc.constantFrom(
        'java',
        'JaVa',
        'script',
        'vbscript',
        'data',
        'blob',
        'file',
        'mailto',
        'http',
        's',
        ':',
        '&colon;',
        '&#58;',
        '&#x3a;',
        '&#106;',
        '&Tab;',
        '&NewLine;',
        '&amp;',
        '&',
        '#',
        ';',
        '/',
        '//',
        '\\',
        '%3A',
        '?',
        '=',
        '@',
        '.',
        'x',
        'alert(1)',
        ' ',
        '\t',
        '\n',
        '\u0000',
        '\u0001',
        '\u001f',
        '\u007f',
        '\u00a0',
        '\u200b',
        '\u2028',
        '\ufeff',
        '<',
        '>',
        'example.org',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

export const anyValue = fc.anything({
  maxDepth: 2,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
});
export const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', '  ', '&amp;', 'a&#x27;b', '&#0;', '&#x110000;', '\ud800'),
  anyValue,
);
// most of fc.date's range has years beyond four digits (invalid in RFC 3339): give real ones weight
const realDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2039-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const date = fc.oneof(
  { weight: 3, arbitrary: realDate },
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2021-02-31', '2021-02-02T24:00:00Z', '23096-23-09T90:2323:00+00:00', '2021-02-02'),
  text,
);
const ids = fc.oneof(fc.constantFrom('a', 'b', 'portrait-a', 'portrait-b'), fc.integer(), text);
const record = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) =>
  fc.oneof({ weight: 6, arbitrary: fc.record(shape, { requiredKeys: [] }) }, { weight: 1, arbitrary: anyValue });

const cluster = record({
  slug: fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,8}$/), text),
  name: text,
  region: text,
  place: text,
  focus: text,
  url: urlish,
  logo: urlish,
  geo: record({ lat: fc.oneof(fc.double(), text), lon: fc.oneof(fc.double(), text) }),
});
const item = record({
  id: ids,
  title: text,
  summary: text,
  content_text: text,
  content_html: text,
  url: urlish,
  external_url: urlish,
  image: urlish,
  banner_image: urlish,
  date_published: date,
  date_modified: date,
  language: fc.oneof(fc.constantFrom('de', 'de-DE', 'en-GB', 'x'), text),
  tags: fc.oneof(fc.array(text, { maxLength: 3 }), text),
  authors: fc.oneof(fc.array(record({ name: text, url: urlish, avatar: urlish }), { maxLength: 3 }), text),
  author: record({ name: text, url: urlish, avatar: urlish }),
  _reportage: record({
    kind: fc.oneof(fc.constantFrom('news', 'portrait', 'portrait'), text),
    image_alt: text,
    image_credit: text,
    image_caption: text,
    links: fc.oneof(fc.array(record({ title: text, url: urlish }), { maxLength: 3 }), text),
    cluster,
  }),
});
export const feedShaped = fc.record(
  {
    version: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('https://jsonfeed.org/version/1.1', 'https://jsonfeed.org/version/1') },
      { weight: 1, arbitrary: text },
    ),
    title: text,
    home_page_url: urlish,
    feed_url: urlish,
    language: text,
    items: fc.oneof({ weight: 8, arbitrary: fc.array(item, { maxLength: 6 }) }, { weight: 1, arbitrary: anyValue }),
    _reportage: record({
      journeys: fc.oneof(
        fc.array(
          record({
            id: ids,
            title: text,
            summary: text,
            stations: fc.oneof(fc.array(record({ item: ids, label: text }), { maxLength: 4 }), text),
          }),
          { maxLength: 2 },
        ),
        text,
      ),
    }),
  },
  { requiredKeys: ['version', 'items'] },
);
