// Property-based tests: for any input, the feed layer returns a clean model or a typed
// error, and no URL of an unsafe scheme gets through.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FeedError } from '../../src/feed/errors.js';
import { MAX_TEXT, parseFeed } from '../../src/feed/parse.js';
import { decodeEntities, excerpt } from '../../src/feed/text.js';
import type { Feed } from '../../src/feed/types.js';
import { safeUrl } from '../../src/feed/url.js';
import { anyValue, feedShaped, urlish } from './arbitraries.js';

const base = 'https://feeds.example.org/news/feed.json';
const numRuns = 300;

/** parseFeed's result, or the FeedError it threw; anything else fails the property. */
function parse(json: unknown): Feed | FeedError {
  try {
    return parseFeed(json, base);
  } catch (e) {
    if (!(e instanceof FeedError)) throw new Error(`parseFeed threw ${String(e)}`);
    expect(e.kind).to.equal('invalid');
    expect(e.path).to.be.a('string').and.not.equal('');
    expect(e.message.startsWith(`${e.path}: `)).to.equal(true);
    return e;
  }
}

const HTTP = /^https?:\/\/[^\s<>]+$/;
const HTTP_OR_MAIL = /^(https?:\/\/|mailto:)[^\s<>]*$/;

/** Every invariant the elements rely on. */
function checkModel(feed: Feed) {
  const optionalText = (obj: object, keys: string[]) => {
    for (const key of keys) {
      const v = (obj as Record<string, unknown>)[key];
      if (key in obj) expect(v, key).to.be.a('string').and.not.equal('');
      if (typeof v === 'string') expect(v.length, key).to.be.at.most(MAX_TEXT);
    }
  };
  const urls = (obj: object, keys: string[], pattern: RegExp) => {
    for (const key of keys) if (key in obj) expect((obj as Record<string, string>)[key], key).to.match(pattern);
  };
  expect(feed.title).to.be.a('string');
  optionalText(feed, ['language']);
  urls(feed, ['home_page_url', 'feed_url'], HTTP);
  const ids = new Set<string>();
  for (const i of feed.items) {
    expect(i.id).to.be.a('string').and.not.equal('');
    expect(ids.has(i.id), 'unique id').to.equal(false);
    ids.add(i.id);
    expect(i.kind).to.be.oneOf(['news', 'portrait']);
    for (const [k, v] of Object.entries(i)) expect(v == null, k).to.equal(false);
    optionalText(i, [
      'title',
      'summary',
      'content_text',
      'image_credit',
      'image_caption',
      'language',
      'date_published',
      'date_modified',
    ]);
    if ('content_html' in i) expect(i.content_html).to.be.a('string').and.not.equal('');
    if ('image_alt' in i) expect(i.image_alt).to.be.a('string');
    for (const d of [i.date_published, i.date_modified])
      if (d) expect(d).to.match(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([Tt ]([01]\d|2[0-3]):[0-5]\d|$)/);
    urls(i, ['url', 'external_url', 'image', 'banner_image'], HTTP);
    expect(i.tags.every((t) => typeof t === 'string' && t !== '')).to.equal(true);
    for (const a of i.authors) {
      expect(Boolean(a.name || a.url)).to.equal(true);
      optionalText(a, ['name']);
      urls(a, ['url'], HTTP_OR_MAIL);
      urls(a, ['avatar'], HTTP);
    }
    for (const l of i.links) {
      expect(l.title).to.be.a('string').and.not.equal('');
      expect(l.url).to.match(HTTP_OR_MAIL);
    }
    if (i.kind === 'portrait') {
      expect(i.cluster!.slug).to.match(/^[a-z0-9-]+$/);
      expect(i.cluster!.name).to.be.a('string').and.not.equal('');
      optionalText(i.cluster!, ['region', 'place', 'focus']);
      urls(i.cluster!, ['url', 'logo'], HTTP);
      if (i.cluster!.geo)
        expect(Math.abs(i.cluster!.geo.lat) <= 90 && Math.abs(i.cluster!.geo.lon) <= 180).to.equal(true);
    } else expect(i).not.to.have.property('cluster');
  }
  const portraits = new Set(feed.items.filter((i) => i.kind === 'portrait').map((i) => i.id));
  for (const j of feed.journeys) {
    expect(j.id).to.be.a('string').and.not.equal('');
    for (const s of j.stations) expect(portraits.has(s.item), s.item).to.equal(true);
  }
  for (const p of feed.problems) {
    expect(p.path).to.be.a('string');
    expect(p.message).to.be.a('string').and.not.equal('');
    expect(p.message).not.to.match(/\ba undefined\b|\ba object\b|\[object Object\]/);
  }
}

describe('property: parseFeed returns a clean model or a FeedError of kind "invalid", nothing else', () => {
  it('for any JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => void parse(JSON.parse(text))),
      { numRuns },
    );
  });

  it('for any JavaScript value (the `feed` property takes one)', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const result = parse(value);
        if (!(result instanceof FeedError)) checkModel(result);
      }),
      { numRuns },
    );
  });

  it('for any feed-shaped object: every invariant holds and every URL is http(s) (mailto only for links and authors)', () => {
    let models = 0;
    fc.assert(
      fc.property(feedShaped, (json) => {
        const result = parse(json);
        if (result instanceof FeedError) return;
        models++;
        checkModel(result);
      }),
      { numRuns },
    );
    // the generator must mostly produce feeds that get past the top-level checks
    expect(models).to.be.greaterThan(numRuns * 0.6);
  });

  it('never changes its input', () => {
    const snapshot = (v: unknown) =>
      JSON.stringify(v, (_, x) =>
        typeof x === 'bigint' ? `${x}n` : x instanceof Map || x instanceof Set ? [...x] : x,
      );
    fc.assert(
      fc.property(feedShaped, (json) => {
        const before = snapshot(json);
        parse(json);
        expect(snapshot(json)).to.equal(before);
      }),
      { numRuns: 100 },
    );
  });
});

describe('property: safeUrl lets only http(s) through (and mailto where allowed)', () => {
  it('for strings made of URL pieces, entities and invisible characters', () => {
    fc.assert(
      fc.property(urlish, (value) => {
        const strict = safeUrl(value, base);
        if (strict !== undefined) {
          expect(strict).to.match(HTTP);
          expect(new URL(strict).protocol).to.be.oneOf(['http:', 'https:']);
        }
        const mail = safeUrl(value, base, true);
        if (mail !== undefined) expect(new URL(mail).protocol).to.be.oneOf(['http:', 'https:', 'mailto:']);
        // allowing mailto never changes what happens to an http(s) URL
        if (strict !== undefined) expect(mail).to.equal(strict);
      }),
      { numRuns: numRuns * 3 },
    );
  });

  it('never lets a written javascript:, data:, vbscript: or blob: scheme through, however it is disguised', () => {
    const noise = fc.constantFrom(
      '',
      '\u0000',
      '\t',
      '\n',
      '\r',
      ' ',
      '\u200b',
      '\u00ad',
      '\ufeff',
      '&Tab;',
      '&NewLine;',
      '&#9;',
      '&#x0A;',
    );
    const disguise = (word: string) =>
      fc
        .array(noise, { minLength: word.length + 1, maxLength: word.length + 1 })
        .chain((gaps) =>
          fc
            .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
            .map(
              (upper) =>
                [...word].map((ch, i) => gaps[i] + (upper[i] ? ch.toUpperCase() : ch)).join('') + gaps[word.length],
            ),
        );
    const colon = fc.constantFrom(':', '&colon;', '&#58;', '&#x3A;', '&#x3a', '&#0058;');
    fc.assert(
      fc.property(
        fc.constantFrom('javascript', 'data', 'vbscript', 'blob').chain(disguise),
        colon,
        fc.string({ maxLength: 10 }),
        (scheme, c, rest) => {
          // dropped, or (when the disguise breaks the scheme, as "&#x3a" + "0" is "Π") a harmless path on the feed's server
          const url = safeUrl(`${scheme}${c}${rest}`, base, true);
          if (url !== undefined) expect(url.startsWith('https://feeds.example.org/news/'), url).to.equal(true);
          if (c === ':' || /^[^0-9a-f]/i.test(rest)) expect(url).to.equal(undefined);
        },
      ),
      { numRuns },
    );
  });
});

describe('property: text helpers never throw', () => {
  it('decodeEntities and excerpt take any string; excerpt stays within its length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 400 }), (s, max) => {
        expect(decodeEntities(s)).to.be.a('string');
        expect(excerpt(s, max).length).to.be.at.most(max + 1);
      }),
      { numRuns },
    );
  });
});
