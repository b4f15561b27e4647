// Behaviour where browser engines differ (Intl data, focus, container queries,
// constructable style sheets, shadow-DOM events, HTML parsing), checked the same
// way in Chromium, Firefox and WebKit: `node scripts/wtr.mjs <engine> tests/engines/engines.test.ts`.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/index.js';
import type { ClusterJourney } from '../../src/elements/cluster-journey/cluster-journey.js';
import type { ClusterNewsCard } from '../../src/elements/cluster-news-card/cluster-news-card.js';
import { feedOf, freshCache, newsItem, part, parts, SAMPLE_URL, settled, shadow } from '../helpers.js';

const IMAGE = '/demo/images/news-clusterreportagen.svg';

async function card(template: unknown): Promise<ClusterNewsCard> {
  const host = await fixture<HTMLElement>(template as never);
  const el = (
    host.localName === 'cluster-news-card' ? host : host.querySelector('cluster-news-card')!
  ) as ClusterNewsCard;
  await settled(el, 'ready');
  return el;
}

describe('engines: dates (Intl)', () => {
  // German and US English dates come from our own month tables (checked in every engine by the
  // news card's tests); the languages below go through each engine's Intl data
  it('regional variants and an unknown language still give a readable long date', async () => {
    const feed = feedOf([newsItem('a', { date_published: '2021-12-24T23:30:00-05:00' })]);
    const ch = await card(html`<cluster-news-card lang="de-CH" .feed=${feed}></cluster-news-card>`);
    const gb = await card(html`<cluster-news-card lang="en-GB" .feed=${feed}></cluster-news-card>`);
    const bad = await card(html`<cluster-news-card lang="x-invalid-$$" .feed=${feed}></cluster-news-card>`);
    // the calendar date the producer wrote, whatever the time zone
    expect(part(ch, 'date')!.textContent).to.equal('24. Dezember 2021');
    expect(part(gb, 'date')!.textContent).to.equal('24 December 2021');
    expect(part(bad, 'date')!.textContent).to.equal('December 24, 2021');
  });
});

describe('engines: keyboard focus in the journey strip', () => {
  freshCache();

  it('Tab reaches the selected station, ArrowRight moves focus, Enter selects', async () => {
    const host = await fixture<HTMLElement>(
      html`<div style="width: 800px">
        <button class="before">before</button><cluster-journey src=${SAMPLE_URL}></cluster-journey>
      </div>`,
    );
    const el = host.querySelector('cluster-journey') as ClusterJourney;
    await settled(el, 'ready');
    const stations = parts(el, 'station');
    const at = () => stations.indexOf(shadow(el).activeElement as HTMLElement);
    const selected: number[] = [];
    el.addEventListener('cluster-station-select', (e) => selected.push(e.detail.index));

    host.querySelector<HTMLButtonElement>('button.before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement, 'focus is inside the element').to.equal(el);
    expect(at(), 'focused station after Tab').to.equal(0);
    expect(stations[0]!.matches(':focus-visible'), 'keyboard focus is visible').to.equal(true);

    await sendKeys({ press: 'ArrowRight' });
    expect(at(), 'focused station after ArrowRight').to.equal(1);
    expect(el.current, 'ArrowRight only moves focus').to.equal(0);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.current).to.equal(1);
    expect(stations[1]!.getAttribute('aria-current')).to.equal('step');
    expect(selected).to.deep.equal([1]);
    expect(at(), 'focus stays on the selected station').to.equal(1);
  });

  it('a strip that scrolls (320 px) is still one tab stop: Tab goes to the selected station, then past the strip to its link', async () => {
    // Firefox puts scroll containers in the tab order, even when they hold focusable buttons
    const host = await fixture<HTMLElement>(
      html`<div style="width: 320px">
        <button class="before">before</button><cluster-journey src=${SAMPLE_URL} current="2"></cluster-journey
        ><button class="after">after</button>
      </div>`,
    );
    const el = host.querySelector('cluster-journey') as ClusterJourney;
    await settled(el, 'ready');
    const strip = shadow(el).querySelector<HTMLElement>('.strip')!;
    expect(strip.scrollWidth, 'the strip scrolls').to.be.greaterThan(strip.clientWidth);
    host.querySelector<HTMLButtonElement>('button.before')!.focus();
    await sendKeys({ press: 'Tab' });
    const active = shadow(el).activeElement;
    expect(active?.getAttribute('part') ?? active?.className, 'focused after Tab').to.equal('station station-current');
    await sendKeys({ press: 'Tab' });
    expect(
      shadow(el).activeElement?.getAttribute('part'),
      'focused after a second Tab: the station link, not the strip',
    ).to.equal('link');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.className, 'focused after a third Tab').to.equal('after');
  });
});

describe('engines: container queries', () => {
  /** Image and text block of a news card in a container `width` px wide. */
  async function boxes(width: number) {
    const feed = feedOf([newsItem('a', { image: IMAGE, _reportage: { image_alt: 'Bild' } })]);
    const el = await card(
      html`<div style=${`width: ${width}px`}><cluster-news-card .feed=${feed}></cluster-news-card></div>`,
    );
    return {
      image: part(el, 'image')!.getBoundingClientRect(),
      body: shadow(el).querySelector('.body')!.getBoundingClientRect(),
    };
  }

  for (const width of [640, 900]) {
    it(`at ${width} px container width the news card puts image and text side by side`, async () => {
      const { image, body } = await boxes(width);
      expect(image.width).to.be.greaterThan(0);
      expect(image.right, 'image ends where the text starts').to.be.at.most(body.left + 0.5);
      expect(image.top, 'image and text start at the same height').to.be.closeTo(body.top, 1);
      // the 2fr : 3fr columns
      expect(image.width / body.width).to.be.closeTo(2 / 3, 0.05);
    });
  }

  for (const width of [639, 400]) {
    it(`at ${width} px container width the news card stacks the image above the text`, async () => {
      const { image, body } = await boxes(width);
      expect(image.bottom, 'text starts below the image').to.be.at.most(body.top + 0.5);
      expect(image.width).to.be.closeTo(width - 2, 1); // inside the 1 px border
      expect(body.width).to.be.closeTo(width - 2, 1);
    });
  }
});

describe('engines: styles inside the shadow root', () => {
  it('the element styles come from adopted style sheets, not from <style> elements', async () => {
    const el = await card(html`<cluster-news-card .feed=${feedOf([newsItem('a')])}></cluster-news-card>`);
    const root = shadow(el);
    expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(root.querySelector('style')).to.equal(null);
    // and they apply: the heading is bold
    expect(getComputedStyle(part(el, 'title')!).fontWeight).to.equal('700');
  });

  it('a page rule on ::part() and a --cluster-* custom property on the host reach inside', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed::part(title) { color: rgb(1, 2, 3); text-transform: uppercase; }
      .themed { --cluster-accent: rgb(4, 5, 6); --cluster-radius: 7px; }
    `;
    const el = await card(
      html`<cluster-news-card .feed=${feedOf([newsItem('a', { url: 'https://example.org/a' })])}></cluster-news-card>`,
    );
    const title = part(el, 'title')!;
    const link = part(el, 'link')!;
    const base = part(el, 'base')!;
    const before = [
      getComputedStyle(title).color,
      getComputedStyle(link).color,
      getComputedStyle(base).borderTopLeftRadius,
    ];
    expect(before).to.deep.equal(['rgb(27, 31, 36)', 'rgb(11, 92, 173)', '8px']);
    document.head.append(style);
    try {
      el.classList.add('themed');
      expect(getComputedStyle(title).color, '::part(title) colour').to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(title).textTransform, '::part(title) transform').to.equal('uppercase');
      expect(getComputedStyle(link).color, '--cluster-accent on the link').to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle(base).borderTopLeftRadius, '--cluster-radius on the card').to.equal('7px');
      // a page rule on the inner class names does not reach inside
      style.textContent += '.title { color: rgb(9, 9, 9) !important; }';
      expect(getComputedStyle(title).color).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
    expect(getComputedStyle(title).color).to.equal(before[0]);
  });
});

describe('engines: events crossing shadow roots', () => {
  freshCache();

  /** An element of ours inside another component's shadow root, as partners embed it. */
  async function nested<T extends HTMLElement>(
    tag: string,
    setup: (el: T) => void,
  ): Promise<{ outer: HTMLElement; el: T }> {
    const outer = await fixture<HTMLElement>(html`<div class="outer"></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const el = document.createElement(tag) as T;
    setup(el);
    root.append(el);
    return { outer, el };
  }

  /** The next `type` event at document, with what the listener saw while it was dispatched. */
  function atDocument(type: string) {
    return new Promise<{ event: Event; path: EventTarget[]; target: EventTarget | null }>((resolve) => {
      document.addEventListener(type, (event) => resolve({ event, path: event.composedPath(), target: event.target }), {
        once: true,
      });
    });
  }

  it('cluster-feed-load reaches a listener on document, composed, with the element in its path', async () => {
    const seen = atDocument('cluster-feed-load');
    const { outer, el } = await nested<ClusterNewsCard>('cluster-news-card', (card) => (card.src = SAMPLE_URL));
    const { event, path, target } = await seen;
    expect(event.composed).to.equal(true);
    expect(event.bubbles).to.equal(true);
    expect(path[0]).to.equal(el);
    expect(path).to.include(outer);
    expect(path).to.include(document);
    // retargeted: the page sees the component that holds ours
    expect(target).to.equal(outer);
    expect((event as CustomEvent).detail.url).to.equal(new URL(SAMPLE_URL, location.href).href);
  });

  it('cluster-station-select reaches a listener on document, composed, with the element in its path', async () => {
    const { outer, el } = await nested<ClusterJourney>('cluster-journey', (j) => (j.src = SAMPLE_URL));
    await settled(el, 'ready');
    const seen = atDocument('cluster-station-select');
    parts(el, 'station')[2]!.click();
    const { event, path, target } = await seen;
    expect(event.composed).to.equal(true);
    expect(event.cancelable).to.equal(true);
    expect(path[0]).to.equal(el);
    expect(path).to.include(outer);
    expect(target).to.equal(outer);
    expect((event as CustomEvent).detail.cluster.slug).to.equal('olec');
    await el.updateComplete;
    expect(el.current).to.equal(2);
  });
});

describe('engines: sanitized content', () => {
  const INPUT =
    '<h1 id="top" class="title">Überschrift &amp; mehr</h1>' +
    '<p style="color:red" onclick="x()">Text mit <a href="../mehr?a=1&amp;b=2" target="_blank" data-x="1">Link</a>, ' +
    '<a href="javascript:alert(1)">böse</a> und <a href="mailto:info@example.org">Mail</a>.&nbsp;Ende &lt;3</p>' +
    '<script>window.__ran = 1</script><style>p { color: red }</style>' +
    '<img src="bild.png" alt="Ein &quot;Bild&quot;" width="640" height="360" loading="eager" srcset="b.png 2x">' +
    '<ul><li>eins</li><li>zwei<br>drei</li></ul>' +
    '<table><tr><th scope="col">A</th></tr><tr><td colspan="2">B</td></tr></table>' +
    '<details open><summary>Mehr</summary><p>Innen</p></details>' +
    '<svg><title>t</title></svg><custom-tag>Eigenes</custom-tag><h3>Unter</h3>';
  const EXPECTED =
    '<div><h4>Überschrift &amp; mehr</h4>' +
    '<p>Text mit <a href="https://example.org/2021/mehr?a=1&amp;b=2" rel="noopener noreferrer">Link</a>, ' +
    'böse und <a href="mailto:info@example.org" rel="noopener noreferrer">Mail</a>.&nbsp;Ende &lt;3</p>' +
    '<img src="https://example.org/2021/beitrag/bild.png" alt="Ein &quot;Bild&quot;" width="640" height="360" loading="lazy" decoding="async" referrerpolicy="no-referrer">' +
    '<ul><li>eins</li><li>zwei<br>drei</li></ul>' +
    '<table><tbody><tr><th scope="col">A</th></tr><tr><td colspan="2">B</td></tr></tbody></table>' +
    '<details open=""><summary>Mehr</summary><p>Innen</p></details>' +
    'Eigenes<h6>Unter</h6></div>';

  // which sanitizer path this engine runs: the HTML Sanitizer API where the browser has it, else DOMPurify
  const path = 'setHTML' in Element.prototype ? 'setHTML exists, DOMPurify runs' : 'no setHTML, DOMPurify runs';

  it(`a full card's sanitized content is the same markup in every engine (${path})`, async () => {
    const used: string[] = [];
    const setHTML = (Element.prototype as { setHTML?: (...a: unknown[]) => void }).setHTML;
    if (setHTML) {
      (Element.prototype as { setHTML?: unknown }).setHTML = function (this: Element, ...a: unknown[]) {
        used.push('setHTML');
        return setHTML.apply(this, a);
      };
    }
    try {
      const feed = feedOf([newsItem('a', { url: 'https://example.org/2021/beitrag/', content_html: INPUT })]);
      const el = await card(html`<cluster-news-card variant="full" .feed=${feed}></cluster-news-card>`);
      const content = await waitUntil(
        () => part(el, 'content')?.firstElementChild,
        'the sanitized body never rendered',
        { timeout: 4000 },
      ).then(() => part(el, 'content')!);
      // without the comment markers Lit leaves around the child it renders
      expect(content.innerHTML.replace(/<!--[\s\S]*?-->/g, '')).to.equal(EXPECTED);
      expect((window as { __ran?: number }).__ran).to.equal(undefined);
      expect(used, 'the sanitizer does not hand the markup to setHTML').to.deep.equal([]);
    } finally {
      if (setHTML) (Element.prototype as { setHTML?: unknown }).setHTML = setHTML;
    }
  });
});
