// cluster-impression with the browser's own IntersectionObserver and real
// scrolling. The one-second rule runs on a timer the tests hold
// (`impressionTimer`), so "scrolled away after 0.9 s" is decided by the test,
// not by the machine's load; one test waits the real second.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/cluster-journey/define.js';
import '../../src/elements/cluster-news-card/define.js';
import '../../src/elements/cluster-news-list/define.js';
import '../../src/elements/cluster-portrait/define.js';
import type { ClusterImpressionEvent } from '../../src/base/events.js';
import type { FeedElement } from '../../src/base/feed-element.js';
import { impressionTimer, VIEW_MS } from '../../src/controllers/impressions.js';
import { feedOf, freshCache, newsItem, SAMPLE_URL, sampleFeedJson, settled } from '../helpers.js';

const real = { ...impressionTimer };
/** The held timer: what the element asked for, run when the test says a second has passed. */
const clock = {
  pending: new Map<number, () => void>(),
  next: 1,
  hold() {
    impressionTimer.set = (fn, ms) => {
      expect(ms).to.equal(VIEW_MS);
      this.pending.set(this.next, fn);
      return this.next++;
    };
    impressionTimer.clear = (id) => void this.pending.delete(id as number);
  },
  /** One second passes: every pending timer runs. */
  elapse() {
    const due = [...this.pending.values()];
    this.pending.clear();
    due.forEach((fn) => fn());
  },
};

/**
 * Waits until an observer of the test's own sees `el` at `ratio` (±0.02), and
 * for the end of that task: the browser tells every observer of the page in
 * one task, so the element's observer has seen the same by then.
 */
function seenAt(el: Element, ratio: number): Promise<void> {
  const steps = [0, ratio - 0.01, ratio, ratio + 0.01, 1].map((r) => Math.min(Math.max(r, 0), 1));
  return new Promise((resolve) => {
    const io = new IntersectionObserver(
      (entries) => {
        if (Math.abs(entries[entries.length - 1]!.intersectionRatio - ratio) > 0.02) return;
        io.disconnect();
        setTimeout(resolve);
      },
      { threshold: steps },
    );
    io.observe(el);
  });
}

/** Scrolls `el` to the middle of the viewport; resolves once its observers have seen it there. */
function centre(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  return seenAt(el, Math.min(1, innerHeight / el.getBoundingClientRect().height));
}

/** Scrolls the page so that the top `px` pixels of `el` show at the bottom of the viewport (negative: out of view below). */
function showTop(el: Element, px: number) {
  window.scrollBy(0, el.getBoundingClientRect().top - (innerHeight - px));
}

/** A page with room to scroll: a tall spacer, then the elements, then another spacer. */
async function below(template: unknown): Promise<FeedElement<unknown>[]> {
  const box = await fixture<HTMLElement>(
    html`<div style="width: 700px">
      <div style="height: 150vh"></div>
      ${template}
      <div style="height: 150vh"></div>
    </div>`,
  );
  const els = [...box.querySelectorAll<FeedElement<unknown>>('[src], .fed')];
  for (const el of els) await settled(el, 'ready');
  return els;
}

function record(el: HTMLElement): ClusterImpressionEvent[] {
  const seen: ClusterImpressionEvent[] = [];
  el.addEventListener('cluster-impression', (e) => seen.push(e));
  return seen;
}

describe('cluster-impression', () => {
  freshCache();
  afterEach(() => {
    Object.assign(impressionTimer, real);
    clock.pending.clear();
    window.scrollTo(0, 0);
  });

  it('fires once the element has been in view for a second, with the feed URL and the items it shows', async () => {
    const [el] = await below(html`<cluster-news-list src=${SAMPLE_URL} kind="all"></cluster-news-list>`);
    const seen = record(el!);
    const onDocument = new Promise<ClusterImpressionEvent>((r) =>
      document.addEventListener('cluster-impression', (e) => r(e), { once: true }),
    );
    // out of view for a while: nothing
    await new Promise((r) => setTimeout(r, VIEW_MS + 200));
    expect(seen).to.have.length(0);
    el!.scrollIntoView({ block: 'center' });
    const t0 = performance.now();
    const ev = await onDocument;
    expect(performance.now() - t0, 'after a second in view').to.be.at.least(VIEW_MS - 10);
    expect(ev.target).to.equal(el);
    expect(ev.detail.url).to.equal(new URL(SAMPLE_URL, location.href).href);
    const sample = await sampleFeedJson();
    expect(ev.detail.items.map((i) => i.id)).to.deep.equal(sample.items.slice(0, 3).map((i: any) => i.id));
    expect(ev.bubbles && ev.composed).to.equal(true);
  });

  it('does not count an element scrolled away before the second was over', async () => {
    clock.hold();
    const [el] = await below(html`<cluster-news-card src=${SAMPLE_URL}></cluster-news-card>`);
    const seen = record(el!);
    el!.scrollIntoView({ block: 'center' });
    await waitUntil(() => clock.pending.size === 1, 'the clock never started');
    window.scrollTo(0, 0);
    await waitUntil(() => clock.pending.size === 0, 'the clock never stopped');
    clock.elapse();
    expect(seen).to.have.length(0);
    // back in view for a full second: now it counts
    el!.scrollIntoView({ block: 'center' });
    await waitUntil(() => clock.pending.size === 1, 'the clock never started again');
    clock.elapse();
    expect(seen).to.have.length(1);
  });

  it('needs at least half of the element in view', async () => {
    clock.hold();
    const [el] = await below(
      html`<cluster-news-card style="height: 300px; overflow: hidden" src=${SAMPLE_URL}></cluster-news-card>`,
    );
    const seen = record(el!);
    showTop(el!, 120); // 40 %
    await seenAt(el!, 0.4);
    expect(clock.pending.size, 'at 40 %').to.equal(0);
    showTop(el!, 165); // 55 %
    await seenAt(el!, 0.55);
    expect(clock.pending.size, 'at 55 %').to.equal(1);
    clock.elapse();
    expect(seen).to.have.length(1);
  });

  it('counts an element taller than the viewport once it fills half of the viewport', async () => {
    clock.hold();
    const feed = feedOf(Array.from({ length: 40 }, (_, i) => newsItem(`n${i}`)));
    const [el] = await below(html`<cluster-news-list class="fed" limit="40" .feed=${feed}></cluster-news-list>`);
    expect(el!.getBoundingClientRect().height).to.be.greaterThan(3 * innerHeight);
    const seen = record(el!);
    const tall = el!.getBoundingClientRect().height;
    showTop(el!, innerHeight * 0.3);
    await seenAt(el!, (innerHeight * 0.3) / tall);
    expect(clock.pending.size, 'at 30 % of the viewport').to.equal(0);
    showTop(el!, innerHeight * 0.7);
    await seenAt(el!, (innerHeight * 0.7) / tall);
    expect(clock.pending.size, 'at 70 % of the viewport').to.equal(1);
    clock.elapse();
    expect(seen).to.have.length(1);
  });

  it('fires once per element and page view, also after scrolling away and back and moving the element', async () => {
    clock.hold();
    const [el] = await below(html`<cluster-portrait src=${SAMPLE_URL}></cluster-portrait>`);
    const seen = record(el!);
    el!.scrollIntoView({ block: 'center' });
    await waitUntil(() => clock.pending.size === 1);
    clock.elapse();
    window.scrollTo(0, 0);
    const parent = el!.parentElement!;
    el!.remove();
    parent.prepend(el!);
    await centre(el!);
    expect(clock.pending.size).to.equal(0);
    expect(seen).to.have.length(1);
  });

  it('stops the clock while the tab is hidden', async () => {
    clock.hold();
    const [el] = await below(html`<cluster-news-card src=${SAMPLE_URL}></cluster-news-card>`);
    el!.scrollIntoView({ block: 'center' });
    await waitUntil(() => clock.pending.size === 1);
    const state = (value: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { value, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      state('hidden');
      expect(clock.pending.size, 'hidden').to.equal(0);
      state('visible');
      expect(clock.pending.size, 'visible again').to.equal(1);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });

  it('is fired by every element: news card, portrait, journey and list, each with the items it shows', async () => {
    clock.hold();
    // a viewport apart, so that one element in view never shows another
    const gap = html`<div style="height: 150vh"></div>`;
    const els = await below(html`
      <cluster-news-card src=${SAMPLE_URL}></cluster-news-card>
      ${gap}<cluster-portrait src=${SAMPLE_URL} cluster="olec"></cluster-portrait> ${gap}<cluster-journey
        src=${SAMPLE_URL}
      ></cluster-journey>
      ${gap}<cluster-news-list src=${SAMPLE_URL} kind="portrait" limit="2"></cluster-news-list>
    `);
    const ids: Record<string, string[]> = {};
    document.addEventListener('cluster-impression', (e) => {
      ids[(e.target as Element).localName] = e.detail.items.map((i) => i.id);
    });
    for (const el of els) {
      el.scrollIntoView({ block: 'center' });
      await waitUntil(() => clock.pending.size === 1, `<${el.localName}> never started the clock`);
      clock.elapse();
      window.scrollTo(0, 0);
    }
    expect(ids).to.deep.equal({
      'cluster-news-card': ['meldung-2021-02-02-clusterreportagen'],
      'cluster-portrait': ['portrait-olec'],
      'cluster-journey': ['portrait-optence', 'portrait-biocon-valley', 'portrait-olec', 'portrait-bioeconomy'],
      'cluster-news-list': ['portrait-optence', 'portrait-biocon-valley'],
    });
  });

  it('says nothing while the element is still loading or shows an error', async () => {
    clock.hold();
    const box = await fixture<HTMLElement>(
      html`<div>
        <cluster-news-card style="height: 100px" src="/mock/hang"></cluster-news-card>
        <cluster-news-card style="height: 100px" src="/mock/respond?status=500"></cluster-news-card>
      </div>`,
    );
    const [loading, error] = [...box.children] as FeedElement<unknown>[];
    await settled(error!, 'error');
    expect(loading!.state).to.equal('loading');
    await seenAt(loading!, 1);
    await seenAt(error!, 1);
    expect(clock.pending.size).to.equal(0);
  });
});
