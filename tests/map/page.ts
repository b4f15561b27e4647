// The map's look-at page (scripts/map-shots.mjs): the seed journey in German and
// English, twelve stations around Berlin, stations abroad and without geo.
import { html, render } from 'lit';
import { BERLIN, SEED, station } from './fixture.js';

const ABROAD = [
  SEED[0]!,
  station('Wiener Cluster', 'Wien', { lat: 48.2082, lon: 16.3738 }),
  station('Alsace BioValley', 'Strasbourg', { lat: 48.5734, lon: 7.7521 }),
  station('Ohne Ort', undefined, undefined),
  SEED[3]!,
];
const cases: [string, unknown[], string, number][] = [
  ['Reportagereise (de)', SEED, 'de', 0],
  ['Reporting trip (en), station 3 selected', SEED, 'en', 2],
  ['Zwölf Stationen in Berlin', BERLIN, 'de', 4],
  ['Wien, Straßburg und eine Station ohne Ort', ABROAD, 'de', 1],
];
const dark = new URLSearchParams(location.search).has('dark');
document.documentElement.classList.toggle('dark', dark);
render(
  html`${cases.map(
    ([title, stations, locale, index]) =>
      html`<section>
        <h2>${title}</h2>
        <map-host .stations=${stations} .index=${index} .locale=${locale}></map-host>
      </section>`,
  )}`,
  document.body,
);
