import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { FeedElement } from '../../base/feed-element.js';
import { clusterEvent } from '../../base/events.js';
import type { Cluster, Feed, FeedItem, Journey } from '../../feed/types.js';
import { uiLanguage } from '../../i18n/strings.js';
import { styles } from './cluster-journey.styles.js';

/** A station resolved to its portrait item; `name` is the station's label or the cluster's name. */
export interface StationView {
  item: FeedItem;
  cluster: Cluster;
  name: string;
}

/** A journey with its stations resolved to their portrait items. */
export interface JourneyView {
  journey: Journey;
  stations: StationView[];
}

/** What `for` may point at: a `<cluster-portrait>` (under whatever tag name it was registered). */
type Portrait = HTMLElement & { cluster?: string; src?: string; feed?: unknown };

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

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
 * @summary A reportage journey as a strip of stations; selecting one can drive a `<cluster-portrait>`.
 * @tag cluster-journey
 * @csspart station - Every station (a button).
 * @csspart station-current - The selected station, in addition to `station`.
 * @csspart marker - The numbered circle of a station.
 * @csspart line - The line connecting the stations (one segment per station).
 * @csspart summary - The journey's summary.
 * @csspart link - The link to the selected station's reportage (or, without one, to the cluster's website).
 * @fires {ClusterStationSelectEvent} cluster-station-select - A station was chosen by click or keyboard. `detail: { index, item, cluster }`. Cancelable: `preventDefault()` keeps the current selection and leaves the linked portrait alone.
 */
export class ClusterJourney extends FeedElement<JourneyView> {
  static override styles = [...FeedElement.styles, styles];
  static override properties: PropertyDeclarations = {
    journey: { reflect: true },
    current: { type: Number, reflect: true },
    for: { reflect: true },
    focused: { state: true, attribute: false },
  };

  /** Id of the journey to show; without it, the feed's first journey. */
  journey?: string;

  /** Index of the selected station, from 0 (out-of-range values show the nearest station). Setting it also points the linked portrait at that station, without an event. */
  current = 0;

  /** Id of a `<cluster-portrait>` in the same document or shadow root; selecting a station sets its `cluster`. */
  for?: string;

  /** The station that holds the tab stop while focus is inside the strip; -1: the selected one. */
  private focused = -1;

  protected readonly emptyText = 'emptyJourney' as const;

  #memo?: [Feed, string | undefined, JourneyView | undefined];
  #shown?: [JourneyView, number];
  #linked?: string;

  protected pick(feed: Feed): JourneyView | undefined {
    const m = this.#memo;
    if (m && m[0] === feed && m[1] === this.journey) return m[2];
    const journey = this.journey ? feed.journeys.find((j) => j.id === this.journey) : feed.journeys[0];
    let view: JourneyView | undefined;
    if (journey) {
      const items = new Map(feed.items.map((i) => [i.id, i]));
      const stations: StationView[] = [];
      for (const s of journey.stations) {
        const item = items.get(s.item);
        if (item?.cluster) stations.push({ item, cluster: item.cluster, name: s.label ?? item.cluster.name });
      }
      if (stations.length) view = { journey, stations };
    }
    this.#memo = [feed, this.journey, view];
    return view;
  }

  /** The selected index, clamped to the stations. */
  #index(view: JourneyView): number {
    return Math.min(Math.max(Math.trunc(this.current) || 0, 0), view.stations.length - 1);
  }

  #view(): JourneyView | undefined {
    return this.state === 'ready' && this.data ? this.pick(this.data) : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.#view();
    if (!view) return;
    const index = this.#index(view);
    const shown = this.#shown;
    if (!shown || shown[0] !== view || shown[1] !== index) {
      // a fresh strip starts scrolled to its start: no layout read needed for station 0
      if (shown || index) this.#reveal(index, !!shown);
      this.#shown = [view, index];
    }
    if (changed.has('for')) this.#linked = undefined;
    this.#link(view.stations[index]!);
  }

  /** Scrolls the strip (never the page) so that station `index` is in view. */
  #reveal(index: number, smooth: boolean) {
    const strip = this.renderRoot.querySelector<HTMLElement>('.strip');
    const li = strip?.querySelector('ol')?.children[index];
    if (!strip || !li || strip.scrollWidth <= strip.clientWidth) return;
    const s = strip.getBoundingClientRect();
    const r = li.getBoundingClientRect();
    if (r.left >= s.left && r.right <= s.right) return;
    const rtl = getComputedStyle(strip).direction === 'rtl';
    const pad = parseFloat(getComputedStyle(strip).scrollPaddingInlineStart) || 0;
    const reduced = getComputedStyle(this).getPropertyValue('--_duration').trim() === '0ms';
    strip.scrollBy({
      left: rtl ? r.right - s.right + pad : r.left - s.left - pad,
      behavior: smooth && !reduced ? 'smooth' : 'auto',
    });
  }

  /** Points the linked portrait at `station`, once per change, and only when it shows another cluster. */
  #link(station: StationView) {
    const slug = station.cluster.slug;
    if (!this.for || slug === this.#linked) return;
    const portrait = (this.getRootNode() as Document | ShadowRoot).getElementById?.(this.for) as Portrait | null;
    if (!portrait) return;
    this.#linked = slug;
    if (!portrait.src && portrait.feed == null) {
      if (this.feed != null) portrait.feed = this.feed;
      else if (this.src) portrait.src = this.src;
    }
    if (portrait.cluster !== slug) portrait.cluster = slug;
  }

  #select(index: number) {
    const view = this.#view();
    const station = view?.stations[index];
    if (!station) return;
    this.focused = index;
    const event = clusterEvent('cluster-station-select', { index, item: station.item, cluster: station.cluster }, true);
    if (!this.dispatchEvent(event)) return;
    this.current = index;
    // a click re-applies the station even if the portrait was pointed elsewhere meanwhile
    this.#linked = undefined;
    this.#link(station);
  }

  #indexOf(target: EventTarget | null): number {
    const button = (target as Element | null)?.closest?.('button');
    return button ? Number(button.dataset['i']) : -1;
  }

  #onClick(e: Event) {
    const i = this.#indexOf(e.target);
    if (i >= 0) this.#select(i);
  }

  #onKey(e: KeyboardEvent) {
    const view = this.#view();
    const from = this.#indexOf(e.target);
    if (!view || from < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const last = view.stations.length - 1;
    let step = NEXT[e.key];
    if (step && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && getComputedStyle(this).direction === 'rtl')
      step = -step;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? last : step ? Math.min(Math.max(from + step, 0), last) : -1;
    if (to < 0) return;
    e.preventDefault(); // arrows would scroll the strip as well
    this.focused = to;
    this.renderRoot.querySelector('ol')?.children[to]?.querySelector('button')?.focus();
  }

  #onFocusOut(e: FocusEvent) {
    // leaving the strip: the tab stop returns to the selected station
    if (!(e.currentTarget as Element).contains(e.relatedTarget as Node | null)) this.focused = -1;
  }

  protected renderPlaceholder(): TemplateResult {
    const ph = html`<div>
      <span class="line"></span>
      <div class="station">
        <span class="marker placeholder"></span>
        <span class="name"><span class="ph placeholder"></span></span>
        <span><span class="ph placeholder"></span></span>
        <span><span class="ph placeholder"></span></span>
        <span><span class="ph placeholder"></span></span>
      </div>
    </div>`;
    return html`<div class="journey base">
      <div class="title"><span class="ph placeholder"></span></div>
      <p class="summary">
        <span class="ph w placeholder"></span> <span class="ph w placeholder"></span>
        <span class="ph w placeholder"></span> <span class="ph w placeholder"></span>
        <span class="ph w placeholder"></span> <span class="ph w placeholder"></span>
        <span class="ph w placeholder"></span> <span class="ph w placeholder"></span>
        <span class="ph w placeholder"></span> <span class="ph w placeholder"></span>
      </p>
      <div class="strip"><div class="stations">${ph}${ph}${ph}${ph}</div></div>
      <p class="current"><span class="ph w placeholder"></span></p>
    </div>`;
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
    const stop = this.focused >= 0 && this.focused < stations.length ? this.focused : index;
    const total = stations.length;
    // UI text inside content of another language gets its own lang
    const uiLang = feed.language && uiLanguage(feed.language) !== uiLanguage(this.locale) ? this.locale : nothing;
    return html`<section part="base" class="journey base" lang=${feed.language ?? nothing}>
      ${this.heading(journey.title ?? html`<span lang=${uiLang}>${this.t('journey')}</span>`)}
      ${journey.summary ? html`<p part="summary" class="summary" dir="auto">${journey.summary}</p>` : nothing}
      <!-- tabindex=-1: Firefox would make the scrolling strip a tab stop of its own -->
      <div class="strip" tabindex="-1">
        <ol
          class="stations"
          aria-label=${this.t('stations')}
          @click=${this.#onClick}
          @keydown=${this.#onKey}
          @focusout=${this.#onFocusOut}
        >
          ${stations.map(
            (s, i) =>
              html`<li>
                <span part="line" class="line"></span>
                <button
                  type="button"
                  part=${i === index ? 'station station-current' : 'station'}
                  class="station"
                  data-i=${i}
                  tabindex=${i === stop ? 0 : -1}
                  aria-current=${i === index ? 'step' : nothing}
                >
                  <span part="marker" class="marker" aria-hidden="true">${i + 1}</span>
                  <span class="visually-hidden" lang=${uiLang}>${this.t('stationOf', { n: i + 1, total })}</span>
                  <span class="name">${s.name}</span>
                  ${s.cluster.place ? html`<span class="place">${s.cluster.place}</span>` : nothing}
                  ${s.cluster.focus ? html`<span class="focus">${s.cluster.focus}</span>` : nothing}
                </button>
              </li>`,
          )}
        </ol>
      </div>
      ${this.#stationLink(stations[index]!, uiLang)}
    </section>`;
  }
}
