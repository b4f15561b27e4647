// For any stations in and around Germany, any names and any width from 280 to 1200 px:
// no label covers another label or a marker, none leaves the map, none is cut short.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { station } from './fixture.js';
import { collisions, mount, root, shown } from './geometry.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ äöüßÄÖÜ WMmw 0123456789 ().-®&éèçñ';
const text = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 28 })
  .map((chars) => chars.join('').trim() || 'X');
const stationArb = fc.record({
  name: text,
  place: fc.option(text, { nil: undefined }),
  lat: fc.double({ min: 47.3, max: 55, noNaN: true }),
  lon: fc.double({ min: 5.9, max: 15, noNaN: true }),
});

describe('map: labels for any journey', () => {
  it('never cover each other or a marker, never leave the map, never get cut short', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stationArb, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 280, max: 1200 }),
        async (list, width) => {
          const el = await mount(
            list.map((s) => station(s.name, s.place, { lat: s.lat, lon: s.lon })),
            { width },
          );
          expect(collisions(el)).to.deep.equal([]);
          for (const line of root(el).querySelectorAll<HTMLElement>('.spot .label > *'))
            if (shown(line)) expect(line.scrollWidth, line.textContent!).to.be.at.most(line.clientWidth + 1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
