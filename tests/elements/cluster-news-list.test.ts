import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/cluster-news-card/define.js';
import '../../src/elements/cluster-news-list/define.js';
import type { ClusterNewsList } from '../../src/elements/cluster-news-list/cluster-news-list.js';
import {
  b64,
  feedOf,
  freshCache,
  hits,
  mockUrl,
  newsItem,
  part,
  parts,
  portraitItem,
  SAMPLE_URL,
  sampleFeedJson,
  settled,
  shadow,
} from '../helpers.js';

async function list(template: ReturnType<typeof html>): Promise<ClusterNewsList> {
  const found = await fixture<HTMLElement>(template);
  const el = (found.localName === 'cluster-news-list' ? found : found.querySelector('cluster-news-list'))!;
  await settled(el as ClusterNewsList);
  return el as ClusterNewsList;
}

const titles = (el: Element) => parts(el, 'title').map((h) => h.textContent);
const day = (d: number) => `2024-03-${String(d).padStart(2, '0')}T09:00:00+01:00`;
/** `n` news items n1…nN published on 1…N March: n`N` is the newest. */
const dated = (n: number, extra: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: n }, (_, i) =>
    newsItem(`n${i + 1}`, { date_published: day(i + 1), url: `https://example.org/n${i + 1}`, ...extra(i + 1) }),
  );

describe('<cluster-news-list>', () => {
  freshCache();

  it('shows the three newest news items, newest first, as a list of compact cards', async () => {
    const feed = feedOf([...dated(5), portraitItem('p', { date_published: day(30) })]);
    const el = await list(html`<cluster-news-list lang="de" .feed=${feed}></cluster-news-list>`);
    expect(el.state).to.equal('ready');
    expect(titles(el)).to.deep.equal(['Title n5', 'Title n4', 'Title n3']);
    const ul = part(el, 'list')!;
    expect(ul.localName).to.equal('ul');
    const entries = parts(el, 'entry');
    expect(entries.map((e) => e.localName)).to.deep.equal(['li', 'li', 'li']);
    expect(entries.every((e) => e.parentElement === ul)).to.equal(true);
    expect(part(el, 'base')!.contains(ul)).to.equal(true);
    const first = entries[0]!;
    expect(first.querySelector('[part~="date"]')!.textContent).to.equal('5. März 2024');
    expect(first.querySelector('[part~="summary"]')!.textContent).to.equal('Body n5');
    const link = first.querySelector<HTMLAnchorElement>('a[part~="link"]')!;
    expect(link.href).to.equal('https://example.org/n5');
    expect(link.textContent!.replace(/\s+/g, ' ')).to.equal('Weiterlesen: Title n5');
  });

  it('puts undated items after the dated ones, in feed order', async () => {
    const feed = feedOf([
      newsItem('u1', { date_published: undefined }),
      newsItem('old', { date_published: day(1) }),
      newsItem('u2', { date_published: 'not a date' }),
      newsItem('new', { date_published: day(9) }),
      newsItem('u3', { date_published: undefined }),
    ]);
    const el = await list(html`<cluster-news-list limit="5" .feed=${feed}></cluster-news-list>`);
    expect(titles(el)).to.deep.equal(['Title new', 'Title old', 'Title u1', 'Title u2', 'Title u3']);
  });

  it('shows `limit` entries; a limit a CMS mangled means the default 3', async () => {
    const feed = feedOf(dated(8));
    const two = await list(html`<cluster-news-list limit="2" .feed=${feed}></cluster-news-list>`);
    expect(titles(two)).to.have.length(2);
    for (const bad of ['0', '-4', 'drei', ''])
      expect(
        titles(await list(html`<cluster-news-list limit=${bad} .feed=${feed}></cluster-news-list>`)),
        `limit="${bad}"`,
      ).to.have.length(3);
    two.limit = 6;
    await two.updateComplete;
    expect(titles(two)).to.have.length(6);
  });

  it('kind="portrait" shows portraits: the cluster as title, region and place, summary and a link to the reportage', async () => {
    const feed = feedOf([newsItem('news'), portraitItem('a'), portraitItem('b', { url: undefined })]);
    const el = await list(html`<cluster-news-list kind="portrait" lang="en" .feed=${feed}></cluster-news-list>`);
    expect(titles(el)).to.deep.equal(['Cluster a', 'Cluster b']);
    const [a, b] = parts(el, 'entry');
    expect(a!.querySelector('[part~="region"]')!.textContent).to.equal('Region a · Place a');
    expect(a!.querySelector('[part~="summary"]')!.textContent).to.equal('Summary a');
    const link = a!.querySelector<HTMLAnchorElement>('a[part~="link"]')!;
    expect(link.href).to.equal('https://example.org/reportage/a');
    expect(link.textContent!.replace(/\s+/g, ' ')).to.equal('Read the reportage: Cluster a');
    // without a reportage URL the entry links to the cluster's website
    expect(b!.querySelector<HTMLAnchorElement>('a[part~="link"]')!.href).to.equal('https://example.org/b');
  });

  it('kind="all" mixes news and portraits by date; an unknown kind means news', async () => {
    const feed = feedOf([
      newsItem('old', { date_published: day(1) }),
      portraitItem('mid', { date_published: day(2) }),
      newsItem('new', { date_published: day(3) }),
    ]);
    const all = await list(html`<cluster-news-list kind="all" .feed=${feed}></cluster-news-list>`);
    expect(titles(all)).to.deep.equal(['Title new', 'Cluster mid', 'Title old']);
    const odd = await list(html`<cluster-news-list kind="Portraits" .feed=${feed}></cluster-news-list>`);
    expect(titles(odd)).to.deep.equal(['Title new', 'Title old']);
  });

  it('`tag` keeps the items with that tag, any of several, whatever the case', async () => {
    const feed = feedOf([
      newsItem('a', { tags: ['Energiewende'], date_published: day(3) }),
      newsItem('b', { tags: ['Photonik', 'go-cluster'], date_published: day(2) }),
      newsItem('c', { tags: [], date_published: day(1) }),
    ]);
    const one = await list(html`<cluster-news-list tag="energiewende" .feed=${feed}></cluster-news-list>`);
    expect(titles(one)).to.deep.equal(['Title a']);
    const any = await list(html`<cluster-news-list tag=" Photonik , Energiewende" .feed=${feed}></cluster-news-list>`);
    expect(titles(any)).to.deep.equal(['Title a', 'Title b']);
    any.tag = '';
    await any.updateComplete;
    expect(titles(any)).to.have.length(3);
  });

  it('shows the empty message when nothing matches', async () => {
    const el = await list(
      html`<cluster-news-list lang="en" tag="nothing-has-this" .feed=${feedOf(dated(2))}></cluster-news-list>`,
    );
    expect(el.state).to.equal('empty');
    expect(part(el, 'empty')!.textContent).to.contain('No news item found');
  });

  it('puts every entry heading at `heading-level`, default 3', async () => {
    const feed = feedOf(dated(3));
    const h3 = await list(html`<cluster-news-list .feed=${feed}></cluster-news-list>`);
    expect(parts(h3, 'title').map((h) => h.localName)).to.deep.equal(['h3', 'h3', 'h3']);
    const h2 = await list(html`<cluster-news-list heading-level="2" .feed=${feed}></cluster-news-list>`);
    expect(parts(h2, 'title').map((h) => h.localName)).to.deep.equal(['h2', 'h2', 'h2']);
    const bad = await list(html`<cluster-news-list heading-level="0" .feed=${feed}></cluster-news-list>`);
    expect(parts(bad, 'title').map((h) => h.localName)).to.deep.equal(['h3', 'h3', 'h3']);
  });

  it('“more” shows the next entries, moves focus to the first new one, announces them, and goes when all are shown', async () => {
    const el = await list(
      html`<div style="width: 1000px">
        <cluster-news-list lang="de" .feed=${feedOf(dated(7))}></cluster-news-list>
      </div>`,
    );
    const status = shadow(el).querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('');
    const more = part(el, 'more') as HTMLButtonElement;
    expect(more.localName).to.equal('button');
    expect(more.textContent).to.equal('Mehr anzeigen');
    const placed = () => parts(el, 'entry').map((e) => [e.getBoundingClientRect().left, e.getBoundingClientRect().top]);
    const before = placed();
    // by keyboard: focus the button, press Enter
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(el, 'entry').length === 6, 'the next three never came');
    await waitUntil(() => shadow(el).activeElement === parts(el, 'entry')[3], 'focus did not move to entry 4');
    expect(titles(el).slice(3)).to.deep.equal(['Title n4', 'Title n3', 'Title n2']);
    // the new entries come below; the ones shown before stay where they were
    expect(placed().slice(0, 3)).to.deep.equal(before);
    expect(status.textContent).to.equal('Weitere Meldungen: 3');
    // the last one: the button goes, focus is on the new entry, not lost with the button
    (part(el, 'more') as HTMLButtonElement).click();
    await waitUntil(() => parts(el, 'entry').length === 7, 'the last entry never came');
    await waitUntil(() => shadow(el).activeElement === parts(el, 'entry')[6], 'focus did not move to entry 7');
    expect(part(el, 'more')).to.equal(null);
    expect(status.textContent).to.equal('Weitere Meldungen: 1');
    // Tab from the focused entry reaches its link
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(parts(el, 'entry')[6]!.querySelector('a'));
  });

  it('has no “more” button when every matching item is shown, and starts over when `tag` changes', async () => {
    const feed = feedOf(dated(5, (i) => ({ tags: i % 2 ? ['odd'] : [] })));
    const el = await list(html`<cluster-news-list tag="odd" .feed=${feed}></cluster-news-list>`);
    expect(titles(el)).to.deep.equal(['Title n5', 'Title n3', 'Title n1']);
    expect(part(el, 'more')).to.equal(null);
    el.tag = '';
    await el.updateComplete;
    expect(titles(el)).to.have.length(3);
    (part(el, 'more') as HTMLButtonElement).click();
    await waitUntil(() => titles(el).length === 5);
    el.limit = 2;
    await el.updateComplete;
    expect(titles(el)).to.have.length(2);
  });

  it('speaks English: dates, link text, button and announcement', async () => {
    const el = await list(html`<cluster-news-list lang="en" .feed=${feedOf(dated(4))}></cluster-news-list>`);
    expect(parts(el, 'date')[0]!.textContent).to.equal('March 4, 2024');
    expect(parts(el, 'link')[0]!.textContent).to.contain('Read more');
    const more = part(el, 'more') as HTMLButtonElement;
    expect(more.textContent).to.equal('Show more');
    more.click();
    await waitUntil(() => shadow(el).querySelector('[role="status"]')!.textContent === 'More items: 1');
  });

  it('shares one feed request with a news card on the same page', async () => {
    const key = `list-${Math.random()}`;
    const src = mockUrl('feed', { key });
    const box = await fixture<HTMLElement>(
      html`<div>
        <cluster-news-list src=${src} kind="all"></cluster-news-list>
        <cluster-news-card src=${src}></cluster-news-card>
      </div>`,
    );
    for (const el of box.children) await settled(el as ClusterNewsList, 'ready');
    expect(await hits(key)).to.equal(1);
  });

  it('leaves out an image that fails to load and keeps the entry', async () => {
    const feed = feedOf([newsItem('a', { image: mockUrl('respond', { status: 404 }) })]);
    const el = await list(html`<cluster-news-list .feed=${feed}></cluster-news-list>`);
    await waitUntil(() => !part(el, 'image'), 'the broken image was never dropped', { timeout: 8000 });
    expect(titles(el)).to.deep.equal(['Title a']);
  });

  it('lays the entries out in one to three columns by the container’s width, never wider than it, from 280 to 1200 px', async () => {
    const feed = await sampleFeedJson();
    const columns: Record<number, number> = {};
    for (const width of [280, 375, 640, 900, 1200]) {
      const el = await list(
        html`<div style="width: ${width}px">
          <cluster-news-list kind="all" limit="5" .feed=${feed}></cluster-news-list>
        </div>`,
      );
      expect(el.scrollWidth, `at ${width}px`).to.be.at.most(el.clientWidth);
      for (const entry of parts(el, 'entry'))
        expect(entry.scrollWidth, `an entry at ${width}px`).to.be.at.most(entry.clientWidth + 1);
      columns[width] = new Set(parts(el, 'entry').map((e) => Math.round(e.getBoundingClientRect().left))).size;
    }
    expect(columns).to.deep.equal({ 280: 1, 375: 1, 640: 2, 900: 3, 1200: 3 });
  });

  it('shows a loading placeholder of the final size with aria-busy while the feed loads', async () => {
    const sample = await sampleFeedJson();
    const image = `${location.origin}/demo/images/portrait-olec.svg`;
    // the sample's items with an absolute image and without their article, to fit in the URL
    const items = sample.items.map((i: any) => ({ ...i, image, content_html: undefined, content_text: undefined }));
    const src = mockUrl('respond', { delay: 400, body: b64(JSON.stringify(feedOf(items))) });
    const box = await fixture<HTMLElement>(
      html`<div style="width: 900px"><cluster-news-list src=${src} kind="all"></cluster-news-list></div>`,
    );
    const el = box.querySelector('cluster-news-list')!;
    await el.updateComplete;
    expect(part(el, 'loading')!.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(el).querySelectorAll('.entry')).to.have.length(3);
    const before = el.getBoundingClientRect().height;
    await settled(el, 'ready');
    // the button under the list is not in the placeholder: the list grows by that line at most
    const list = part(el, 'list')!.getBoundingClientRect().height;
    expect(before).to.be.greaterThan(200);
    expect(Math.abs(list - before) / list).to.be.lessThan(0.25);
  });

  it('shows a readable error with role="alert" and keeps the fallback link', async () => {
    const el = await list(
      html`<cluster-news-list lang="en" src=${mockUrl('respond', { status: 500 })}
        ><a href="https://example.org/news">All news</a></cluster-news-list
      >`,
    );
    expect(el.state).to.equal('error');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(shadow(el).querySelector('slot')!.assignedElements()[0]!.textContent).to.equal('All news');
  });

  for (const lang of ['de', 'en']) {
    it(`is accessible in every state (${lang})`, async () => {
      const ready = await list(html`<cluster-news-list lang=${lang} kind="all" src=${SAMPLE_URL}></cluster-news-list>`);
      await expect(ready).to.be.accessible();
      (part(ready, 'more') as HTMLButtonElement).click();
      await waitUntil(() => shadow(ready).activeElement === parts(ready, 'entry')[3]);
      await expect(ready).to.be.accessible();
      const portraits = await list(
        html`<cluster-news-list lang=${lang} kind="portrait" heading-level="2" src=${SAMPLE_URL}></cluster-news-list>`,
      );
      await expect(portraits).to.be.accessible();
      const empty = await list(html`<cluster-news-list lang=${lang} tag="none" src=${SAMPLE_URL}></cluster-news-list>`);
      await expect(empty).to.be.accessible();
      const error = await list(
        html`<cluster-news-list lang=${lang} src=${mockUrl('respond', { status: 404 })}></cluster-news-list>`,
      );
      await expect(error).to.be.accessible();
      const loading = await fixture<ClusterNewsList>(
        html`<cluster-news-list lang=${lang} src=${mockUrl('hang')}></cluster-news-list>`,
      );
      expect(loading.state).to.equal('loading');
      await expect(loading).to.be.accessible();
    });
  }
});
