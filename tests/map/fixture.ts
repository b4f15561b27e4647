// A stand-in for <cluster-journey layout="map"> in the map's tests and screenshots: it
// hands renderMap what the journey hands it and adopts the map's styles the same way.
import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { adoptMapStyles, renderMap, type MapStation } from '../../src/map/map.js';
import { tokens } from '../../src/styles/tokens.js';
import { t } from '../../src/i18n/strings.js';

export class MapHost extends LitElement {
  static override styles = [
    tokens,
    css`
      .frame {
        padding: var(--_gap);
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    stations: { attribute: false },
    index: { type: Number },
    stop: { type: Number },
    locale: {},
  };
  stations: MapStation[] = [];
  index = 0;
  stop = -1;
  locale = 'de';

  override connectedCallback() {
    super.connectedCallback();
    adoptMapStyles(this.renderRoot as ShadowRoot);
  }

  override render() {
    return html`<div class="frame" lang=${this.locale}>
      ${renderMap(this.stations, {
        lit: { html, nothing },
        index: this.index,
        stop: this.stop < 0 ? this.index : this.stop,
        locale: this.locale,
        uiLang: nothing,
        t: (key, values) => t(this.locale, key, values),
      })}
    </div>`;
  }
}
if (!customElements.get('map-host')) customElements.define('map-host', MapHost);

declare global {
  interface HTMLElementTagNameMap {
    'map-host': MapHost;
  }
}

type Geo = { lat: number; lon: number } | undefined;
export const station = (name: string, place?: string, geo?: Geo, focus?: string): MapStation => ({
  name,
  cluster: { place, geo, focus },
});

/** The sample feed's journey, in travel order. */
export const SEED: MapStation[] = [
  station('Optence e. V.', 'Mainz', { lat: 49.9929, lon: 8.2473 }, 'Optische Technologien'),
  station('BioCon Valley®', 'Greifswald', { lat: 54.0931, lon: 13.3879 }, 'Gesundheitswirtschaft'),
  station('OLEC', 'Oldenburg', { lat: 53.1435, lon: 8.2146 }, 'Energiewende'),
  station('BioEconomy', 'Halle (Saale)', { lat: 51.4825, lon: 11.9697 }, 'Bioökonomie'),
];

/** Twelve clusters within 15 km of Berlin's centre. */
export const BERLIN: MapStation[] = [
  ['Adlershof Optik', 'Berlin-Adlershof', 52.43, 13.53],
  ['Buch BioTech', 'Berlin-Buch', 52.63, 13.5],
  ['Charlottenburg Digital', 'Berlin-Charlottenburg', 52.52, 13.3],
  ['Mitte Kreativ', 'Berlin-Mitte', 52.52, 13.4],
  ['Potsdam Geo', 'Potsdam', 52.39, 13.06],
  ['Spandau Mobility', 'Berlin-Spandau', 52.54, 13.2],
  ['Tegel Urban Tech', 'Berlin-Tegel', 52.57, 13.29],
  ['Marzahn Cleantech', 'Berlin-Marzahn', 52.54, 13.56],
  ['Dahlem Science', 'Berlin-Dahlem', 52.46, 13.29],
  ['Kreuzberg Start-ups', 'Berlin-Kreuzberg', 52.5, 13.42],
  ['Schönefeld Aviation', 'Schönefeld', 52.38, 13.52],
  ['Wedding Health', 'Berlin-Wedding', 52.55, 13.36],
].map(([name, place, lat, lon]) =>
  station(name as string, place as string, { lat: lat as number, lon: lon as number }),
);
