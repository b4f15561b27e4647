import { expect } from '@open-wc/testing';
import { formatDate, t } from '../../src/i18n/strings.js';

describe('formatDate', () => {
  it('writes German and US English dates exactly as Intl does, every month', () => {
    for (const lang of ['de', 'de-DE', 'de-CH', 'DE-de', 'en', 'en-US']) {
      const intl = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) {
        const day = m === 2 ? 28 : m + 1;
        const date = `2024-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}T23:30:00+01:00`;
        expect(formatDate(date, lang), `${lang} ${date}`).to.equal(intl.format(Date.UTC(2024, m - 1, day)));
      }
    }
    expect(formatDate('2021-02-02T23:30:00+01:00', 'de')).to.equal('2. Februar 2021');
    expect(formatDate('2021-02-02', 'en')).to.equal('February 2, 2021');
  });

  it('uses Intl for every other language, and its UI language when the tag is unknown to Intl', () => {
    expect(formatDate('2021-02-02', 'fr')).to.equal(
      new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2021, 1, 2)),
    );
    expect(formatDate('2021-01-02', 'de-AT')).to.contain('Jänner');
    expect(formatDate('2021-02-02', 'en-GB')).to.equal('2 February 2021');
    expect(formatDate('2021-02-02', 'not a tag!')).to.equal('February 2, 2021');
  });
});

describe('t', () => {
  it('falls back to English for languages without a table and fills placeholders', () => {
    expect(t('de-AT', 'stationOf', { n: 2, total: 5 })).to.equal('Station 2 von 5');
    expect(t('fr', 'readMore')).to.equal('Read more');
  });
});
