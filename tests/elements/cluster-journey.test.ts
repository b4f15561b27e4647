import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/elements/cluster-journey/define.js';
import '../../src/elements/cluster-portrait/define.js';
import type { ClusterJourney } from '../../src/elements/cluster-journey/cluster-journey.js';
import type { ClusterStationSelectEvent } from '../../src/base/events.js';
import {
  feedOf,
  freshCache,
  isChromium,
  mockUrl,
  newsItem,
  part,
  parts,
  portraitItem,
  SAMPLE_URL,
  settled,
  shadow,
  shiftTab,
} from '../helpers.js';

type Portrait = HTMLElement & { cluster?: string; src?: string; state: string; updateComplete: Promise<boolean> };

const SAMPLE = [
  { slug: 'optence', name: 'Optence e. V.', place: 'Mainz', focus: 'Optische Technologien' },
  { slug: 'biocon-valley', name: 'BioCon Valley®', place: 'Greifswald', focus: 'Gesundheitswirtschaft' },
  { slug: 'olec', name: 'OLEC', place: 'Oldenburg', focus: 'Energiewende' },
  { slug: 'bioeconomy', name: 'BioEconomy', place: 'Halle (Saale)', focus: 'Bioökonomie' },
];

async function journey(template: unknown, state?: ClusterJourney['state']): Promise<ClusterJourney> {
  const host = await fixture<HTMLElement>(template as never);
  const el = (host.localName === 'cluster-journey' ? host : host.querySelector('cluster-journey')!) as ClusterJourney;
  await settled(el, state);
  return el;
}

const stations = (el: Element) => parts(el, 'station') as HTMLButtonElement[];
const textOf = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
const focused = (el: Element) => shadow(el).activeElement;
/** Index of the focused station, -1 when focus is elsewhere (a number, so a failure reads well even with 500 stations). */
const focusedIndex = (el: Element) => stations(el).indexOf(focused(el) as HTMLButtonElement);
const selected = (el: Element) => stations(el).findIndex((b) => b.getAttribute('aria-current') === 'step');
const strip = (el: Element) => shadow(el).querySelector<HTMLElement>('.strip')!;

/** Every `cluster-station-select` that reaches the document. */
function recordSelects(): ClusterStationSelectEvent[] {
  const seen: ClusterStationSelectEvent[] = [];
  const on = (e: Event) => seen.push(e as ClusterStationSelectEvent);
  document.addEventListener('cluster-station-select', on);
  after(() => document.removeEventListener('cluster-station-select', on));
  return seen;
}

/** Focuses the strip the way a keyboard user does: Tab from a button before it. */
async function tabInto(el: ClusterJourney) {
  const before = el.parentElement!.querySelector<HTMLButtonElement>('button.before')!;
  before.focus();
  await sendKeys({ press: 'Tab' });
}

function twoJourneys(): any {
  const slugs = ['a', 'b', 'c', 'd'];
  return feedOf(
    slugs.map((s) => portraitItem(s)),
    {
      _reportage: {
        journeys: [
          { id: 'first', title: 'First trip', stations: [{ item: 'portrait-a' }, { item: 'portrait-b' }] },
          {
            id: 'second',
            title: 'Second trip',
            summary: 'Three stops',
            stations: [{ item: 'portrait-c' }, { item: 'portrait-d', label: 'Last stop' }, { item: 'portrait-a' }],
          },
        ],
      },
    },
  );
}

describe('<cluster-journey>: the strip', () => {
  freshCache();

  it('shows the four stations of the sample journey in travel order, numbered, with name, place and focus, joined by a line', async () => {
    const el = await journey(html`<cluster-journey src=${SAMPLE_URL}></cluster-journey>`, 'ready');
    expect(textOf(part(el, 'title'))).to.equal('Stationen der Reportagereise');
    expect(part(el, 'title')!.localName).to.equal('h3');
    expect(textOf(part(el, 'summary'))).to.match(/^Vier Stationen, vier Branchen/);
    const all = stations(el);
    expect(all).to.have.length(4);
    all.forEach((b, i) => {
      const s = SAMPLE[i]!;
      expect(textOf(b.querySelector('[part~="marker"]'))).to.equal(String(i + 1));
      expect(textOf(b.querySelector('.name'))).to.equal(s.name);
      expect(textOf(b.querySelector('.place'))).to.equal(s.place);
      expect(textOf(b.querySelector('.focus'))).to.equal(s.focus);
      expect(b.localName).to.equal('button');
    });
    // the list is an ordered list, in travel order
    expect(all[0]!.closest('ol')).not.to.equal(null);
    const lines = parts(el, 'line');
    expect(lines.length).to.be.greaterThan(0);
    const line = lines[1]!.getBoundingClientRect();
    expect(line.width).to.be.greaterThan(0);
    expect(line.height).to.be.greaterThan(0);
    // the line runs through the markers
    const marker = all[1]!.querySelector('[part~="marker"]')!.getBoundingClientRect();
    expect(line.top).to.be.within(marker.top, marker.bottom);
    expect(el.getAttribute('current')).to.equal('0');
    expect(selected(el)).to.equal(0);
  });

  it('uses the label of a station instead of the cluster name, and the heading level of the host', async () => {
    const el = await journey(
      html`<cluster-journey .feed=${twoJourneys()} journey="second" heading-level="2"></cluster-journey>`,
      'ready',
    );
    expect(stations(el).map((b) => textOf(b.querySelector('.name')))).to.deep.equal([
      'Cluster c',
      'Last stop',
      'Cluster a',
    ]);
    expect(part(el, 'title')!.localName).to.equal('h2');
    expect(textOf(part(el, 'title'))).to.equal('Second trip');
    expect(textOf(part(el, 'summary'))).to.equal('Three stops');
  });

  it('without a journey title shows a generic heading, without summary no summary', async () => {
    const feed = feedOf([portraitItem('a')], {
      _reportage: { journeys: [{ id: 'x', stations: [{ item: 'portrait-a' }] }] },
    });
    const el = await journey(html`<cluster-journey .feed=${feed} lang="en"></cluster-journey>`, 'ready');
    expect(textOf(part(el, 'title'))).to.equal('Reporting trip');
    expect(part(el, 'summary')).to.equal(null);
    expect(stations(el)).to.have.length(1);
    expect(shadow(el).textContent).not.to.match(/undefined|null|NaN/);
  });

  it('shows the journey named by the journey attribute, and follows when it changes', async () => {
    const el = await journey(html`<cluster-journey .feed=${twoJourneys()}></cluster-journey>`, 'ready');
    expect(textOf(part(el, 'title'))).to.equal('First trip');
    expect(stations(el)).to.have.length(2);
    el.setAttribute('journey', 'second');
    await el.updateComplete;
    expect(textOf(part(el, 'title'))).to.equal('Second trip');
    expect(stations(el)).to.have.length(3);
  });

  it('shows a short message for an unknown journey, or a feed without journeys', async () => {
    const el = await journey(html`<cluster-journey src=${SAMPLE_URL} journey="nope"></cluster-journey>`, 'empty');
    expect(textOf(part(el, 'empty'))).to.equal('Keine Reportagereise gefunden.');
    expect(stations(el)).to.have.length(0);
    const none = await journey(
      html`<cluster-journey .feed=${feedOf([newsItem('n')])} lang="en"></cluster-journey>`,
      'empty',
    );
    expect(textOf(part(none, 'empty'))).to.equal('No journey found.');
  });

  it('skips a station whose item is missing from the feed (or is no portrait) and numbers the rest without gaps', async () => {
    const feed = feedOf([portraitItem('a'), newsItem('news-1'), portraitItem('b')], {
      _reportage: {
        journeys: [
          {
            id: 'j',
            stations: [{ item: 'portrait-a' }, { item: 'portrait-gone' }, { item: 'news-1' }, { item: 'portrait-b' }],
          },
        ],
      },
    });
    const el = await journey(html`<cluster-journey .feed=${feed}></cluster-journey>`, 'ready');
    const all = stations(el);
    expect(all.map((b) => textOf(b.querySelector('.name')))).to.deep.equal(['Cluster a', 'Cluster b']);
    expect(all.map((b) => textOf(b.querySelector('[part~="marker"]')))).to.deep.equal(['1', '2']);
  });

  it('a journey whose stations all point nowhere shows the empty message', async () => {
    const feed = feedOf([portraitItem('a')], {
      _reportage: { journeys: [{ id: 'j', stations: [{ item: 'portrait-gone' }] }] },
    });
    const el = await journey(html`<cluster-journey .feed=${feed}></cluster-journey>`, 'empty');
    expect(part(el, 'empty')).not.to.equal(null);
  });

  it('shows a placeholder of four stations while loading, about the size of the ready strip', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div style="width: 700px">
        <cluster-journey src=${mockUrl('hang')}></cluster-journey>
        <cluster-journey src=${SAMPLE_URL}></cluster-journey>
      </div>`,
    );
    const [loading, ready] = [...wrap.querySelectorAll('cluster-journey')] as ClusterJourney[];
    await settled(ready!, 'ready');
    expect(loading!.state).to.equal('loading');
    const placeholder = part(loading!, 'loading')!;
    expect(placeholder.getAttribute('aria-busy')).to.equal('true');
    expect(placeholder.querySelectorAll('.stations > *')).to.have.length(4);
    const h1 = loading!.getBoundingClientRect().height;
    const h2 = ready!.getBoundingClientRect().height;
    expect(Math.abs(h1 - h2) / h2, `placeholder ${h1}px, ready ${h2}px`).to.be.lessThan(0.1);
  });

  it('shows a readable error message when the feed cannot be loaded', async () => {
    const el = await journey(
      html`<cluster-journey src=${mockUrl('respond', { status: 500 })}></cluster-journey>`,
      'error',
    );
    expect(textOf(part(el, 'error'))).to.contain('Der Server hat den Reportage-Feed nicht ausgeliefert.');
  });
});

describe('<cluster-journey>: selecting by pointer', () => {
  freshCache();

  it('clicking a station selects it: current, aria-current and the station-current part move, and the event names the station', async () => {
    const events = recordSelects();
    const el = await journey(html`<cluster-journey src=${SAMPLE_URL}></cluster-journey>`, 'ready');
    stations(el)[2]!.click();
    await el.updateComplete;
    expect(el.current).to.equal(2);
    expect(el.getAttribute('current')).to.equal('2');
    expect(selected(el)).to.equal(2);
    expect(stations(el).filter((b) => b.hasAttribute('aria-current'))).to.have.length(1);
    expect(parts(el, 'station-current')).to.deep.equal([stations(el)[2]]);
    expect(events).to.have.length(1);
    const e = events[0]!;
    expect(e.detail.index).to.equal(2);
    expect(e.detail.item.id).to.equal('portrait-olec');
    expect(e.detail.cluster.slug).to.equal('olec');
    expect(e.detail.cluster.name).to.equal('OLEC');
    expect(e.bubbles && e.composed && e.cancelable).to.equal(true);
  });

  it('preventDefault() on the event keeps the selection', async () => {
    const el = await journey(html`<cluster-journey src=${SAMPLE_URL}></cluster-journey>`, 'ready');
    const veto = (e: Event) => e.preventDefault();
    document.addEventListener('cluster-station-select', veto);
    try {
      stations(el)[3]!.click();
      await el.updateComplete;
    } finally {
      document.removeEventListener('cluster-station-select', veto);
    }
    expect(el.current).to.equal(0);
    expect(el.getAttribute('current')).to.equal('0');
    expect(selected(el)).to.equal(0);
    expect(parts(el, 'station-current')).to.deep.equal([stations(el)[0]]);
  });

  it('setting current from outside moves the selection; out-of-range values select the nearest station', async () => {
    const el = await journey(html`<cluster-journey src=${SAMPLE_URL} current="1"></cluster-journey>`, 'ready');
    expect(selected(el)).to.equal(1);
    el.current = 3;
    await el.updateComplete;
    expect(selected(el)).to.equal(3);
    el.setAttribute('current', '99');
    await el.updateComplete;
    expect(selected(el)).to.equal(3);
    el.setAttribute('current', '-2');
    await el.updateComplete;
    expect(selected(el)).to.equal(0);
    el.setAttribute('current', 'x');
    await el.updateComplete;
    expect(selected(el)).to.equal(0);
    expect(parts(el, 'station-current')).to.have.length(1);
  });
});

describe('<cluster-journey>: the link to the selected station', () => {
  it('links to the selected station’s reportage under the strip, and follows the selection', async () => {
    const el = await journey(
      html`<cluster-journey .feed=${twoJourneys()} journey="second"></cluster-journey>`,
      'ready',
    );
    const link = () => part(el, 'link') as HTMLAnchorElement | null;
    expect(parts(el, 'link')).to.have.length(1);
    expect(link()!.href).to.equal('https://example.org/reportage/c');
    expect(textOf(link())).to.equal('Zur Reportage: Cluster c');
    // after the strip in reading order, so it is reached after the stations
    expect(strip(el).compareDocumentPosition(link()!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    stations(el)[1]!.click();
    await el.updateComplete;
    expect(link()!.href).to.equal('https://example.org/reportage/d');
    expect(textOf(link()), 'the station label, as on the strip').to.equal('Zur Reportage: Last stop');
  });

  it('without a reportage URL links to the cluster’s website; with neither shows no link', async () => {
    const feed = feedOf(
      [
        portraitItem('a', { url: undefined }),
        portraitItem('b', {
          url: undefined,
          _reportage: { kind: 'portrait', cluster: { slug: 'b', name: 'Cluster b' } },
        }),
      ],
      {
        language: 'en',
        _reportage: { journeys: [{ id: 'j', stations: [{ item: 'portrait-a' }, { item: 'portrait-b' }] }] },
      },
    );
    const el = await journey(html`<cluster-journey .feed=${feed} lang="en"></cluster-journey>`, 'ready');
    expect((part(el, 'link') as HTMLAnchorElement).href).to.equal('https://example.org/a');
    expect(textOf(part(el, 'link'))).to.equal('Cluster website: Cluster a');
    el.current = 1;
    await el.updateComplete;
    expect(part(el, 'link')).to.equal(null);
    expect(part(el, 'base'), 'still ready').not.to.equal(null);
  });
});

describe('<cluster-journey>: keyboard', () => {
  freshCache();

  const strip2 = () =>
    html`<div>
      <button class="before">before</button><cluster-journey src=${SAMPLE_URL} current="1"></cluster-journey
      ><button class="after">after</button>
    </div>`;

  it('Tab reaches only the selected station, with a visible focus ring', async () => {
    const el = await journey(strip2(), 'ready');
    expect(stations(el).map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
    await tabInto(el);
    const active = focused(el) as HTMLElement;
    expect(active).to.equal(stations(el)[1]);
    expect(active.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(active);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    // one more Tab leaves the strip for the selected station's link, the next one leaves the element
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(part(el, 'link'));
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el.parentElement!.querySelector('button.after'));
  });

  it('arrow keys, Home and End move focus without selecting; Enter and Space select', async () => {
    const events = recordSelects();
    const el = await journey(strip2(), 'ready');
    await tabInto(el);
    const at = () => stations(el).indexOf(focused(el) as HTMLButtonElement);

    await sendKeys({ press: 'ArrowRight' });
    expect(at()).to.equal(2);
    expect(el.current).to.equal(1);
    await sendKeys({ press: 'ArrowDown' });
    expect(at()).to.equal(3);
    await sendKeys({ press: 'ArrowRight' }); // the last station stays focused
    expect(at()).to.equal(3);
    await sendKeys({ press: 'Home' });
    expect(at()).to.equal(0);
    await sendKeys({ press: 'ArrowLeft' });
    expect(at()).to.equal(0);
    await sendKeys({ press: 'End' });
    expect(at()).to.equal(3);
    await sendKeys({ press: 'ArrowUp' });
    expect(at()).to.equal(2);
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect(selected(el)).to.equal(1);
    // the focused station holds the tab stop
    expect(stations(el).map((b) => b.tabIndex)).to.deep.equal([-1, -1, 0, -1]);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.current).to.equal(2);
    expect(selected(el)).to.equal(2);
    expect(events.map((e) => e.detail.index)).to.deep.equal([2]);

    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    // ' ' is the space bar in every driver; puppeteer's Firefox (BiDi) keyboard knows no key named "Space"
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.current).to.equal(0);
    expect(el.getAttribute('current')).to.equal('0');
    expect(events.map((e) => e.detail.cluster.slug)).to.deep.equal(['olec', 'optence']);
  });

  it('after leaving the strip, Tab returns to the selected station, not the last focused one', async () => {
    const el = await journey(strip2(), 'ready');
    await tabInto(el);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    await shiftTab();
    expect(focused(el)).to.equal(stations(el)[1]);
  });

  it('in right-to-left text ArrowLeft moves to the next station', async () => {
    const el = await journey(
      html`<div dir="rtl">
        <button class="before">before</button><cluster-journey src=${SAMPLE_URL}></cluster-journey>
      </div>`,
      'ready',
    );
    await tabInto(el);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal(stations(el)[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(stations(el)[0]);
  });
});

describe('<cluster-journey>: the linked portrait (for)', () => {
  freshCache();

  it('selecting a station shows its cluster in the linked portrait', async () => {
    const el = await journey(
      html`<div>
        <cluster-journey src=${SAMPLE_URL} for="p"></cluster-journey>
        <cluster-portrait id="p" src=${SAMPLE_URL} cluster="optence"></cluster-portrait>
      </div>`,
      'ready',
    );
    const portrait = el.parentElement!.querySelector<Portrait>('#p')!;
    stations(el)[1]!.click();
    expect(portrait.cluster).to.equal('biocon-valley');
    await waitUntil(
      () => textOf(part(portrait, 'title')) === 'BioCon Valley®',
      'the portrait never showed BioCon Valley®',
    );
    expect(portrait.getAttribute('cluster')).to.equal('biocon-valley');
    stations(el)[3]!.click();
    await waitUntil(() => textOf(part(portrait, 'title')) === 'BioEconomy', 'the portrait never showed BioEconomy');
  });

  it('on first render the linked portrait is set to the selected station', async () => {
    const el = await journey(
      html`<div>
        <cluster-journey src=${SAMPLE_URL} for="p" current="2"></cluster-journey>
        <cluster-portrait id="p" src=${SAMPLE_URL} cluster="optence"></cluster-portrait>
      </div>`,
      'ready',
    );
    const portrait = el.parentElement!.querySelector<Portrait>('#p')!;
    expect(portrait.cluster).to.equal('olec');
    await waitUntil(() => textOf(part(portrait, 'title')) === 'OLEC', 'the portrait never showed OLEC');
  });

  it('a linked portrait without a feed gets the journey’s feed', async () => {
    const el = await journey(
      html`<div>
        <cluster-journey src=${SAMPLE_URL} for="p"></cluster-journey>
        <cluster-portrait id="p"></cluster-portrait>
      </div>`,
      'ready',
    );
    const portrait = el.parentElement!.querySelector<Portrait>('#p')!;
    expect(portrait.src).to.equal(SAMPLE_URL);
    expect(portrait.cluster).to.equal('optence');
    await waitUntil(() => textOf(part(portrait, 'title')) === 'Optence e. V.', 'the portrait never showed Optence');
  });

  it('preventDefault() on the event leaves the linked portrait alone', async () => {
    const el = await journey(
      html`<div>
        <cluster-journey src=${SAMPLE_URL} for="p"></cluster-journey>
        <cluster-portrait id="p" src=${SAMPLE_URL}></cluster-portrait>
      </div>`,
      'ready',
    );
    const portrait = el.parentElement!.querySelector<Portrait>('#p')!;
    expect(portrait.cluster).to.equal('optence');
    el.addEventListener('cluster-station-select', (e) => e.preventDefault());
    stations(el)[2]!.click();
    await el.updateComplete;
    await portrait.updateComplete;
    expect(portrait.cluster).to.equal('optence');
    expect(el.current).to.equal(0);
    await waitUntil(() => portrait.state === 'ready');
    expect(textOf(part(portrait, 'title'))).to.equal('Optence e. V.');
  });

  it('finds the portrait inside the same shadow root', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<cluster-journey src="${SAMPLE_URL}" for="p"></cluster-journey><cluster-portrait id="p" src="${SAMPLE_URL}"></cluster-portrait>`;
    const el = root.querySelector('cluster-journey') as ClusterJourney;
    await settled(el, 'ready');
    stations(el)[2]!.click();
    expect((root.getElementById('p') as Portrait).cluster).to.equal('olec');
  });
});

describe('<cluster-journey>: narrow containers and many stations', () => {
  freshCache();

  it('at 320 px the strip scrolls inside itself with snap points; the host never overflows', async () => {
    const el = await journey(
      html`<div style="width: 320px"><cluster-journey src=${SAMPLE_URL}></cluster-journey></div>`,
      'ready',
    );
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    const s = strip(el);
    expect(s.scrollWidth).to.be.greaterThan(s.clientWidth);
    expect(getComputedStyle(s).scrollSnapType).to.match(/x|inline/);
    expect(getComputedStyle(s.querySelector('li')!).scrollSnapAlign).to.match(/start/);
  });

  it('at 320 px the selected station is scrolled into view, without scrolling the page', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div style="width: 320px"><cluster-journey src=${SAMPLE_URL} current="3"></cluster-journey></div>`,
    );
    const el = wrap.querySelector('cluster-journey') as ClusterJourney;
    await settled(el, 'ready');
    const inView = (i: number) => {
      const s = strip(el).getBoundingClientRect();
      const r = stations(el)[i]!.getBoundingClientRect();
      return r.left >= s.left - 1 && r.right <= s.right + 1;
    };
    expect(inView(3), 'last station in view').to.equal(true);
    expect(strip(el).scrollLeft).to.be.greaterThan(0);
    el.current = 0;
    await el.updateComplete;
    await waitUntil(() => inView(0), 'the first station never scrolled into view');
  });

  it('renders a journey of 500 stations, and End reaches the last one', async () => {
    const n = 500;
    const items = Array.from({ length: n }, (_, i) => portraitItem(`s${i}`));
    const feed = feedOf(items, {
      _reportage: { journeys: [{ id: 'long', stations: items.map((i) => ({ item: i.id })) }] },
    });
    // how fast it renders is measured by npm run bench (500-station journey against vanilla DOM), not here
    const el = await journey(
      html`<div><button class="before">before</button><cluster-journey .feed=${feed}></cluster-journey></div>`,
      'ready',
    );
    expect(stations(el)).to.have.length(n);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    await tabInto(el);
    // the strip overflows here: Tab must still land on a station, not on the scrolling strip
    expect(focusedIndex(el), 'focused station after Tab').to.equal(0);
    await sendKeys({ press: 'End' });
    expect(focusedIndex(el), 'focused station after End').to.equal(n - 1);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.current).to.equal(n - 1);
    expect(textOf(stations(el)[n - 1]!.querySelector('[part~="marker"]'))).to.equal('500');
    const s = strip(el).getBoundingClientRect();
    const r = stations(el)[n - 1]!.getBoundingClientRect();
    expect(r.right).to.be.at.most(s.right + 1);
  });
});

describe('<cluster-journey>: motion', () => {
  freshCache();
  // media emulation needs Chromium's DevTools protocol: puppeteer's Firefox (BiDi) and
  // WebDriver (WebKit) cannot switch prefers-reduced-motion, and a failed attempt ends the session
  afterEach(() => (isChromium ? emulateMedia({ reducedMotion: 'no-preference' }) : undefined));

  it('stations move into place only when the visitor has not asked for reduced motion', async () => {
    if (isChromium) await emulateMedia({ reducedMotion: 'no-preference' });
    const el = await journey(html`<cluster-journey src=${SAMPLE_URL}></cluster-journey>`, 'ready');
    const animation = () => getComputedStyle(strip(el).querySelector('li')!).animationName;
    // every engine: the animation follows the preference the browser reports
    expect(animation()).to.equal(matchMedia('(prefers-reduced-motion: reduce)').matches ? 'none' : 'rise');
    if (!isChromium) return;
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(animation()).to.equal('none');
  });
});

describe('<cluster-journey>: language and accessibility', () => {
  freshCache();

  it('speaks German or English by lang', async () => {
    const de = await journey(html`<cluster-journey src=${SAMPLE_URL} lang="de"></cluster-journey>`, 'ready');
    expect(shadow(de).querySelector('ol')!.getAttribute('aria-label')).to.equal('Stationen');
    expect(textOf(stations(de)[0]!.querySelector('.visually-hidden'))).to.equal('Station 1 von 4');
    const en = await journey(html`<cluster-journey src=${SAMPLE_URL} lang="en"></cluster-journey>`, 'ready');
    expect(shadow(en).querySelector('ol')!.getAttribute('aria-label')).to.equal('Stations');
    expect(textOf(stations(en)[1]!.querySelector('.visually-hidden'))).to.equal('Station 2 of 4');
    // UI text inside German content is marked as English
    expect(stations(en)[1]!.querySelector('.visually-hidden')!.getAttribute('lang')).to.equal('en');
    en.lang = 'de';
    await en.updateComplete;
    expect(textOf(stations(en)[1]!.querySelector('.visually-hidden'))).to.equal('Station 2 von 4');
  });

  for (const lang of ['de', 'en']) {
    it(`is accessible while loading, ready, empty and failed (${lang})`, async () => {
      const loading = await fixture<ClusterJourney>(
        html`<cluster-journey src=${mockUrl('hang')} lang=${lang}></cluster-journey>`,
      );
      expect(loading.state).to.equal('loading');
      await expect(loading).to.be.accessible();

      const ready = await journey(
        html`<cluster-journey src=${SAMPLE_URL} lang=${lang} current="2"></cluster-journey>`,
        'ready',
      );
      await expect(ready).to.be.accessible();

      const empty = await journey(
        html`<cluster-journey src=${SAMPLE_URL} lang=${lang} journey="nope"></cluster-journey>`,
        'empty',
      );
      await expect(empty).to.be.accessible();

      const error = await journey(
        html`<cluster-journey src=${mockUrl('respond', { status: 404 })} lang=${lang}></cluster-journey>`,
        'error',
      );
      await expect(error).to.be.accessible();
    });
  }
});
