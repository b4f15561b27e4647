import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/cluster-news-card/define.js';
import type { ClusterNewsCard } from '../../src/elements/cluster-news-card/cluster-news-card.js';
import { inSlice, sliceClock, SLICE_MS } from '../../src/base/slice.js';
import { feedOf, newsItem, part } from '../helpers.js';

/** A task queued now: it runs once the current task (and its microtasks) has ended. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => resolve();
    port2.postMessage(0);
  });

/**
 * A clock that advances 1 ms each time the scheduler reads it, so how many
 * updates fit into a slice depends on the code, not on the machine's speed.
 */
function tickingClock() {
  const real = sliceClock.now;
  let t = 0;
  beforeEach(() => (sliceClock.now = () => (t += 1)));
  afterEach(() => (sliceClock.now = real));
}

describe('time-sliced rendering', () => {
  tickingClock();

  it('renders 300 cards in several tasks, so the page can paint and answer input in between, and all in order', async () => {
    const feed = feedOf(Array.from({ length: 300 }, (_, i) => newsItem(`n${i}`, { title: `Meldung ${i}` })));
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const cards = Array.from({ length: 300 }, (_, i) => {
      const el = document.createElement('cluster-news-card') as ClusterNewsCard;
      el.item = `n${i}`;
      el.feed = feed;
      return el;
    });
    const order: number[] = [];
    cards.forEach((el, i) => el.updateComplete.then(() => order.push(i)));
    box.append(...cards);
    // what another script queued right after the insertion gets its turn before the last card
    await nextTask();
    const readyWhenOthersRan = cards.filter((c) => part(c, 'title')).length;
    expect(readyWhenOthersRan, 'cards rendered before a task queued after them could run')
      .to.be.above(0)
      .and.below(300);
    await Promise.all(cards.map((c) => c.updateComplete));
    expect(cards.every((c, i) => part(c, 'title')?.textContent === `Meldung ${i}`)).to.equal(true);
    expect(order.slice(0, 10)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('one element alone still renders in the task that changed it', async () => {
    await nextTask(); // a fresh task: no slice is open
    const el = document.createElement('cluster-news-card') as ClusterNewsCard;
    el.feed = feedOf([newsItem('a', { title: 'Allein' })]);
    document.body.append(el);
    let otherTaskRan = false;
    void nextTask().then(() => (otherTaskRan = true));
    await el.updateComplete;
    expect(otherTaskRan).to.equal(false);
    expect(part(el, 'title')!.textContent).to.equal('Allein');
    el.remove();
  });

  it('an update that throws rejects its own promise and does not stop the ones queued behind it', async () => {
    await nextTask();
    const ran: string[] = [];
    // use up this task's slice
    inSlice(() => {
      const end = sliceClock.now() + SLICE_MS + 2;
      while (sliceClock.now() < end);
    });
    const failing = inSlice(() => {
      throw new Error('boom');
    });
    const after = inSlice(() => ran.push('after'));
    expect(failing, 'queued, not run in the exhausted slice').to.be.instanceOf(Promise);
    let error: unknown;
    await (failing as Promise<void>).catch((e: unknown) => (error = e));
    await after;
    expect((error as Error).message).to.equal('boom');
    expect(ran).to.deep.equal(['after']);
  });
});
