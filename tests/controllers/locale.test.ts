import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/cluster-journey/define.js';
import type { ClusterJourney } from '../../src/elements/cluster-journey/cluster-journey.js';
import { feedOf, part, portraitItem, settled } from '../helpers.js';

/** Counts `getAttribute('lang')` calls while `body` runs. */
async function langLookups(body: () => Promise<void>): Promise<number> {
  const real = Element.prototype.getAttribute;
  let n = 0;
  Element.prototype.getAttribute = function (this: Element, name: string) {
    if (name === 'lang') n++;
    return real.call(this, name);
  };
  try {
    await body();
  } finally {
    Element.prototype.getAttribute = real;
  }
  return n;
}

describe('the resolved language', () => {
  it('is looked up once per element, not once per string: a 500-station journey reads the ancestors’ lang a few times', async () => {
    const items = Array.from({ length: 500 }, (_, i) => portraitItem(`s${i}`));
    const feed = feedOf(items, {
      _reportage: { journeys: [{ id: 'long', stations: items.map((i) => ({ item: i.id })) }] },
    });
    let el!: ClusterJourney;
    const lookups = await langLookups(async () => {
      const wrapper = await fixture(
        html`<div lang="en">
          <div><cluster-journey .feed=${feed}></cluster-journey></div>
        </div>`,
      );
      el = wrapper.querySelector('cluster-journey')!;
      await settled(el, 'ready');
    });
    expect(part(el, 'station')!.textContent).to.include('Station 1 of 500');
    expect(lookups).to.be.below(10);
  });

  it('follows a change of an ancestor’s lang, and only the elements below it re-render', async () => {
    const feed = feedOf([portraitItem('a')], {
      _reportage: { journeys: [{ id: 'j', stations: [{ item: 'portrait-a' }] }] },
    });
    const box = await fixture(
      html`<div>
        <div lang="de" id="one"><cluster-journey .feed=${feed}></cluster-journey></div>
        <div lang="de" id="two"><cluster-journey .feed=${feed}></cluster-journey></div>
      </div>`,
    );
    const [one, two] = [...box.querySelectorAll('cluster-journey')] as ClusterJourney[];
    await settled(one!, 'ready');
    await settled(two!, 'ready');
    let renders = 0;
    const update = two!.requestUpdate.bind(two);
    two!.requestUpdate = (...args: Parameters<typeof update>) => {
      renders++;
      return update(...args);
    };
    box.querySelector('#one')!.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 0)); // the observer's callback is a microtask
    await one!.updateComplete;
    expect(one!.locale).to.equal('en');
    expect(part(one!, 'station')!.textContent).to.include('Station 1 of 1');
    expect(two!.locale).to.equal('de');
    expect(renders, 'the journey whose language did not change was not asked to re-render').to.equal(0);
  });
});
