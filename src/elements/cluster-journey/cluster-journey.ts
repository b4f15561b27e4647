import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { FeedElement } from '../../base/feed-element.js';
import { clusterEvent } from '../../base/events.js';
import { LinkedPortrait } from '../../controllers/linked-portrait.js';
import { Task } from '../../controllers/task.js';
import { RovingFocus } from '../../controllers/roving-focus.js';
import type { Feed, FeedItem } from '../../feed/types.js';
import { uiLanguage } from '../../i18n/strings.js';
import { styles } from './cluster-journey.styles.js';
import { journeyView, stationIndex, type JourneyView, type StationView } from './journey-view.js';
import { journeyPlaceholder, renderStrip, revealStation } from './strip.js';
import { mapPlaceholder, mapPlaceholderStyles } from '../../map/placeholder.js';

export type { JourneyView, StationView } from './journey-view.js';

/**
 * The stations of a reportage journey in travel order, as a horizontal strip
 * with a connecting line: number, name, place and focus of every station. The
 * strip scrolls inside itself (with snap points) when the container is narrow.
 *
 * Keyboard and pointer: the stations are an ordered list of buttons with a
 * roving tabindex, so the strip is one tab stop (the selected station, or the
 * one last focused while focus stays inside). ArrowRight/ArrowDown and
 * ArrowLeft/ArrowUp move focus to the next and previous station (left and
 * right swap in right-to-left text), Home and End to the first and last; they
 * move focus only. Enter, Space or a click selects the focused station
 * (manual activation, so a linked portrait does not reload on every key
 * press). The selected station has `aria-current="step"`.
 *
 * Under the strip, a link to the selected station's reportage (its item's
 * `url`, else the cluster's website), so the strip is useful on its own too.
 *
 * `layout="map"` draws the same stations, with the same keyboard, selection,
 * event and `for` link, on a map of Germany drawn from data in a lazily loaded
 * chunk (Natural Earth, public domain): no tiles and no request to anyone. The
 * view grows to fit stations abroad; stations without `cluster.geo` are listed
 * under the map, in the same keyboard order. Without any `geo` it is the strip.
 *
 * @summary A reportage journey as a strip of stations or on a map; selecting one can drive a `<cluster-portrait>`.
 * @tag cluster-journey
 * @csspart station - Every station (a button).
 * @csspart station-current - The selected station, in addition to `station`.
 * @csspart marker - The numbered circle of a station.
 * @csspart line - The line connecting the stations (one segment per station).
 * @csspart summary - The journey's summary.
 * @csspart link - The link to the selected station's reportage (or, without one, to the cluster's website).
 * @csspart map - `layout="map"`: the map (an `<svg>` image with a text alternative).
 * @csspart land - `layout="map"`: Germany's outline.
 * @csspart route - `layout="map"`: the route, in travel order.
 * @cssproperty [--cluster-map-land=color-mix(in srgb, var(--cluster-surface) 85%, #fff)] - `layout="map"`: Germany's land.
 * @cssproperty [--cluster-map-context=color-mix(in srgb, var(--cluster-text) 9%, var(--cluster-surface))] - `layout="map"`: the neighbouring countries' land.
 * @cssproperty [--cluster-map-water=color-mix(in srgb, #2f7fc1 28%, var(--cluster-surface))] - `layout="map"`: sea and lakes.
 * @cssproperty [--cluster-map-border=color-mix(in srgb, var(--cluster-text) 55%, var(--cluster-surface))] - `layout="map"`: borders.
 * @cssproperty [--cluster-map-route=var(--cluster-accent)] - `layout="map"`: the route.
 * @fires {ClusterStationSelectEvent} cluster-station-select - A station was chosen by click or keyboard. `detail: { index, item, cluster }`. Cancelable: `preventDefault()` keeps the current selection and leaves the linked portrait alone.
 */
export class ClusterJourney extends FeedElement<JourneyView> {
  static override styles = [...FeedElement.styles, styles, mapPlaceholderStyles];
  static override properties: PropertyDeclarations = {
    journey: { reflect: true },
    current: { type: Number, reflect: true },
    for: { reflect: true },
    layout: { reflect: true },
  };
  protected static override subjectKeys = ['journey'];

  /** Id of the journey to show; without it, the feed's first journey. */
  journey?: string;

  /** Index of the selected station, from 0 (out-of-range values show the nearest station). Setting it also points the linked portrait at that station, without an event. */
  current = 0;

  /** Id of a `<cluster-portrait>` in the same document or shadow root; selecting a station sets its `cluster`. */
  for?: string;

  /** `map` draws the stations on a map of Germany (a chunk loaded only then); without any station's `geo`, or if the chunk cannot load, the strip. */
  layout: 'strip' | 'map' = 'strip';

  protected readonly emptyText = 'emptyJourney' as const;
  protected override get xmlEmptyText() {
    return 'noJourneysInFeed' as const;
  }

  readonly #roving = new RovingFocus(this, () => this.subject?.stations.length ?? 0);
  readonly #portrait = new LinkedPortrait(this);
  /** The map chunk, loaded when `layout="map"` and some station has a place on the map. */
  readonly #map = new Task(this, ([wanted]: [boolean]) =>
    // a chunk that cannot load leaves the strip
    wanted ? import('../../map/map.js').catch(() => undefined) : undefined,
  );
  /** The strip as last shown: which journey, which station. */
  #shown?: [JourneyView, number];

  protected pick(feed: Feed): JourneyView | undefined {
    return journeyView(feed, this.journey);
  }

  protected shown(view: JourneyView): FeedItem[] {
    return view.stations.map((s) => s.item);
  }

  /** The one link is the selected station's. */
  protected override itemAt(): FeedItem | undefined {
    const view = this.subject;
    return view && view.stations[this.#index(view)]!.item;
  }

  /** The selected index, clamped to the stations. */
  #index(view: JourneyView): number {
    return stationIndex(view, this.current);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('for')) this.#portrait.retarget();
    const view = this.subject;
    if (view) this.#portrait.show(view.stations[this.#index(view)]!.cluster.slug);
    this.#map.start([this.layout === 'map' && !!view?.stations.some((s) => s.cluster.geo)]);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // the map brings its own style sheet (no inline <style>: a strict CSP forbids it)
    this.#map.value?.adoptMapStyles(this.renderRoot as ShadowRoot);
    const view = this.subject;
    if (!view) return;
    const index = this.#index(view);
    const shown = this.#shown;
    if (shown && shown[0] === view && shown[1] === index) return;
    // a fresh strip starts scrolled to its start: no layout read needed for station 0
    if (shown || index) revealStation(this, this.renderRoot.querySelector('.strip'), index, !!shown);
    this.#shown = [view, index];
  }

  #select(index: number) {
    const station = this.subject?.stations[index];
    if (!station) return;
    this.#roving.hold(index);
    const event = clusterEvent('cluster-station-select', { index, item: station.item, cluster: station.cluster }, true);
    if (!this.dispatchEvent(event)) return;
    this.current = index;
    // a click re-applies the station even if the portrait was pointed elsewhere meanwhile
    this.#portrait.show(station.cluster.slug, true);
  }

  #onClick(e: Event) {
    const i = this.#roving.indexOf(e.target);
    if (i >= 0) this.#select(i);
  }

  protected renderPlaceholder(): TemplateResult {
    return journeyPlaceholder(this.layout === 'map' ? mapPlaceholder : undefined);
  }

  /** The link under the strip: the selected station's reportage, else its cluster's website. */
  #stationLink(s: StationView, uiLang: string | typeof nothing) {
    const reportage = s.item.url ?? s.item.external_url;
    const href = reportage ?? s.cluster.url;
    return href
      ? html`<p class="current">
          <a part="link" href=${href}
            ><span lang=${uiLang}>${this.t(reportage ? 'readReportage' : 'clusterWebsite')}</span>: ${s.name}</a
          >
        </p>`
      : nothing;
  }

  protected renderReady(view: JourneyView, feed: Feed): TemplateResult {
    const { journey, stations } = view;
    const index = this.#index(view);
    // UI text inside content of another language gets its own lang
    const uiLang = feed.language && uiLanguage(feed.language) !== uiLanguage(this.locale) ? this.locale : nothing;
    const o = { index, stop: this.#roving.stop(index), uiLang, t: this.t.bind(this) };
    const map = this.#map.value;
    const stops =
      this.#map.status === 'pending'
        ? mapPlaceholder
        : map
          ? map.renderMap(stations, { ...o, lit: { html, nothing }, locale: this.locale })
          : renderStrip(stations, o);
    return html`<section
      part="base"
      class="journey base ${this.tookOver ? 'still' : ''}"
      lang=${feed.language ?? nothing}
    >
      ${this.heading(journey.title ?? html`<span lang=${uiLang}>${this.t('journey')}</span>`)}
      ${journey.summary ? html`<p part="summary" class="summary" dir="auto">${journey.summary}</p>` : nothing}
      <div class="stops" @click=${this.#onClick} @keydown=${this.#roving.onKey} @focusout=${this.#roving.onFocusOut}>
        ${stops}
      </div>
      ${this.#stationLink(stations[index]!, uiLang)}
    </section>`;
  }
}
