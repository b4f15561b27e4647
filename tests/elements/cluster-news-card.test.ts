import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/cluster-news-card/define.js';
import type { ClusterNewsCard } from '../../src/elements/cluster-news-card/cluster-news-card.js';
import {
  b64,
  feedOf,
  freshCache,
  mockUrl,
  newsItem,
  part,
  parts,
  portraitItem,
  SAMPLE_URL,
  sampleFeedJson,
  settled,
} from '../helpers.js';

async function card(template: ReturnType<typeof html>): Promise<ClusterNewsCard> {
  const el = await fixture<ClusterNewsCard>(template);
  await settled(el);
  return el;
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<cluster-news-card>', () => {
  freshCache();

  it('shows the newest news item of the sample feed with image, credit, caption, date, summary and links', async () => {
    const el = await card(html`<cluster-news-card src=${SAMPLE_URL} lang="de"></cluster-news-card>`);
    expect(el.state).to.equal('ready');
    expect(el.getAttribute('state')).to.equal('ready');
    const img = part(el, 'image') as HTMLImageElement;
    expect(img.getAttribute('alt')).to.be.a('string').and.not.empty;
    expect(img.src).to.match(/\/demo\/images\/news-clusterreportagen\.svg$/);
    expect(img.loading).to.equal('lazy');
    expect(part(el, 'credit')!.textContent).to.equal('© RapidEye/iStock.com');
    expect(part(el, 'caption')!.textContent).to.contain('Blick hinter die Kulissen');
    expect(part(el, 'date')!.textContent).to.equal('2. Februar 2021');
    expect(part(el, 'date')!.getAttribute('datetime')).to.match(/^2021-02-02/);
    expect(part(el, 'title')!.textContent).to.contain('Clusterreportagen');
    expect(part(el, 'summary')!.textContent!.length).to.be.greaterThan(20);
    expect(part(el, 'links')!.querySelectorAll('a[part~="link"]').length).to.be.greaterThan(0);
    expect(part(el, 'base')).to.exist;
  });

  it('formats the date per language: German and English', async () => {
    const feed = feedOf([newsItem('a')]);
    const de = await card(html`<cluster-news-card lang="de" .feed=${feed}></cluster-news-card>`);
    const en = await card(html`<cluster-news-card lang="en" .feed=${feed}></cluster-news-card>`);
    expect(part(de, 'date')!.textContent).to.equal('2. Februar 2021');
    expect(part(en, 'date')!.textContent).to.equal('February 2, 2021');
  });

  it('shows the calendar date the producer wrote, whatever the visitor’s time zone', async () => {
    const feed = feedOf([newsItem('a', { date_published: '2021-02-02T23:30:00+01:00' })]);
    const el = await card(html`<cluster-news-card lang="en" .feed=${feed}></cluster-news-card>`);
    expect(part(el, 'date')!.textContent).to.equal('February 2, 2021');
  });

  it('takes its language from the nearest [lang] ancestor, then from the feed', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <cluster-news-card .feed=${feedOf([newsItem('a', { url: 'https://example.org/a' })])}></cluster-news-card>
      </div>`,
    );
    const el = wrapper.querySelector('cluster-news-card')!;
    await settled(el);
    expect(part(el, 'link')!.textContent).to.contain('Read more');
    const fromFeed = await card(
      html`<cluster-news-card
        .feed=${feedOf([newsItem('a', { url: 'https://example.org/a' })], { language: 'en-GB' })}
      ></cluster-news-card>`,
    );
    // the fixture container has no lang; the test page's <html> has none either
    if (!document.documentElement.lang) expect(part(fromFeed, 'link')!.textContent).to.contain('Read more');
  });

  it('re-renders in the new language when `lang` changes', async () => {
    const el = await card(
      html`<cluster-news-card
        lang="de"
        .feed=${feedOf([newsItem('a', { url: 'https://example.org/a' })])}
      ></cluster-news-card>`,
    );
    expect(part(el, 'link')!.textContent).to.contain('Weiterlesen');
    el.lang = 'en';
    await el.updateComplete;
    expect(part(el, 'link')!.textContent).to.contain('Read more');
    expect(part(el, 'date')!.textContent).to.equal('February 2, 2021');
  });

  it('re-renders when an ancestor’s lang changes', async () => {
    const wrapper = await fixture(
      html`<div lang="de"><cluster-news-card .feed=${feedOf([newsItem('a')])}></cluster-news-card></div>`,
    );
    const el = wrapper.querySelector('cluster-news-card')!;
    await settled(el);
    expect(part(el, 'date')!.textContent).to.equal('2. Februar 2021');
    wrapper.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(part(el, 'date')!.textContent).to.equal('February 2, 2021');
  });

  it('shows the item named by `item`, and switches when `item` changes', async () => {
    const feed = feedOf([newsItem('a'), newsItem('b')]);
    const el = await card(html`<cluster-news-card item="b" .feed=${feed}></cluster-news-card>`);
    expect(part(el, 'title')!.textContent).to.equal('Title b');
    el.item = 'a';
    await el.updateComplete;
    expect(part(el, 'title')!.textContent).to.equal('Title a');
  });

  it('without `item`, shows the newest item whose kind is news', async () => {
    const feed = feedOf([
      newsItem('old', { date_published: '2020-01-01T00:00:00Z' }),
      newsItem('new', { date_published: '2022-01-01T00:00:00Z' }),
      portraitItem('x', { date_published: '2023-01-01T00:00:00Z' }),
    ]);
    const el = await card(html`<cluster-news-card .feed=${feed}></cluster-news-card>`);
    expect(part(el, 'title')!.textContent).to.equal('Title new');
  });

  it('shows an empty message when the item is not in the feed', async () => {
    const el = await card(
      html`<cluster-news-card item="nope" lang="en" .feed=${feedOf([newsItem('a')])}></cluster-news-card>`,
    );
    expect(el.state).to.equal('empty');
    expect(part(el, 'empty')!.textContent).to.contain('No news item');
  });

  it('puts the heading at `heading-level`, default 3', async () => {
    const feed = feedOf([newsItem('a')]);
    const h3 = await card(html`<cluster-news-card .feed=${feed}></cluster-news-card>`);
    expect(part(h3, 'title')!.tagName).to.equal('H3');
    const h2 = await card(html`<cluster-news-card heading-level="2" .feed=${feed}></cluster-news-card>`);
    expect(part(h2, 'title')!.tagName).to.equal('H2');
    h2.headingLevel = 5;
    await h2.updateComplete;
    expect(part(h2, 'title')!.tagName).to.equal('H5');
    const bad = await card(html`<cluster-news-card heading-level="9" .feed=${feed}></cluster-news-card>`);
    expect(part(bad, 'title')!.tagName).to.equal('H3');
  });

  it('hides the parts of missing optional fields and never shows undefined, null or NaN', async () => {
    const el = await card(
      html`<cluster-news-card .feed=${feedOf([{ id: 'bare', content_text: 'Only a body.' }])}></cluster-news-card>`,
    );
    for (const name of ['image', 'credit', 'caption', 'date', 'links', 'summary'])
      expect(part(el, name), name).to.equal(null);
    expect(part(el, 'title')!.textContent).to.equal('Only a body.');
    expect(text(el)).not.to.match(/undefined|null|NaN|\[object/);
  });

  it('treats an empty image_alt as a decorative image', async () => {
    const el = await card(
      html`<cluster-news-card
        .feed=${feedOf([newsItem('a', { image: 'https://example.org/a.png', _reportage: { image_alt: '' } })])}
      ></cluster-news-card>`,
    );
    expect(part(el, 'image')!.getAttribute('alt')).to.equal('');
  });

  it('reserves the image’s space before it loads (no layout shift)', async () => {
    const box = await fixture(
      html`<div style="width: 400px">
        <cluster-news-card .feed=${feedOf([newsItem('a', { image: mockUrl('hang') })])}></cluster-news-card>
      </div>`,
    );
    const el = box.querySelector('cluster-news-card')!;
    await settled(el);
    const frame = part(el, 'image')!.parentElement!;
    expect(frame.getBoundingClientRect().height).to.be.closeTo(400 * (9 / 16), 2);
  });

  it('drops an image that fails to load instead of showing a broken icon', async () => {
    const el = await card(
      html`<cluster-news-card
        .feed=${feedOf([newsItem('a', { image: mockUrl('respond', { status: 404 }) })])}
      ></cluster-news-card>`,
    );
    // the 404 arrives when it arrives: wait for the card to drop the image, not for a fixed time
    await waitUntil(() => !part(el, 'image'), 'the broken image was never dropped', { timeout: 8000 });
    await el.updateComplete;
    expect(part(el, 'image')).to.equal(null);
    expect(part(el, 'title')!.textContent).to.equal('Title a');
  });

  it('links “read more” to the item url with a name that says which article', async () => {
    const el = await card(
      html`<cluster-news-card
        lang="en"
        .feed=${feedOf([newsItem('a', { url: 'https://example.org/a' })])}
      ></cluster-news-card>`,
    );
    const more = parts(el, 'link')[0] as HTMLAnchorElement;
    expect(more.href).to.equal('https://example.org/a');
    expect(more.textContent!.replace(/\s+/g, ' ')).to.contain('Read more').and.contain('Title a');
  });

  it('lists the further-information links, mailto included, and drops javascript: links', async () => {
    const links = [
      { title: 'Programme', url: 'https://example.org/p' },
      { title: 'Mail', url: 'mailto:info@example.org' },
      { title: 'Evil', url: 'javascript:alert(1)' },
    ];
    const el = await card(
      html`<cluster-news-card .feed=${feedOf([newsItem('a', { _reportage: { links } })])}></cluster-news-card>`,
    );
    const anchors = [...part(el, 'links')!.querySelectorAll('a')];
    expect(anchors.map((a) => a.textContent)).to.deep.equal(['Programme', 'Mail']);
    expect(anchors.every((a) => a.getAttribute('part') === 'link')).to.be.true;
  });

  it('shows text fields as text, never as markup', async () => {
    const el = await card(
      html`<cluster-news-card
        .feed=${feedOf([newsItem('a', { title: '<img src=x onerror=alert(1)>Hi', summary: '<b>bold</b>' })])}
      ></cluster-news-card>`,
    );
    expect(part(el, 'title')!.textContent).to.equal('<img src=x onerror=alert(1)>Hi');
    expect(part(el, 'title')!.querySelector('img')).to.equal(null);
    expect(part(el, 'summary')!.textContent).to.equal('<b>bold</b>');
  });

  it('sets right-to-left text right to left, whatever the page’s direction', async () => {
    const feed = feedOf([
      newsItem('ar', {
        title: 'عنقود الابتكار في الشمال',
        summary: 'تقرير عن مبادرة عنقودية.',
        content_text: 'النص الكامل.',
        _reportage: { image_caption: 'صورة' },
        image: '/demo/images/news-clusterreportagen.svg',
      }),
      newsItem('de', { title: 'Optence in Mainz', summary: 'Eine Meldung.' }),
    ]);
    const wrap = await fixture<HTMLElement>(
      html`<div style="width: 500px">
        <div dir="ltr"><cluster-news-card .feed=${feed} item="ar" variant="full"></cluster-news-card></div>
        <div dir="rtl"><cluster-news-card .feed=${feed} item="de"></cluster-news-card></div>
      </div>`,
    );
    const [ar, de] = [...wrap.querySelectorAll('cluster-news-card')] as ClusterNewsCard[];
    await settled(ar!);
    await settled(de!);
    const dir = (el: Element, name: string) => getComputedStyle(part(el, name)!).direction;
    for (const name of ['title', 'summary', 'content', 'caption'])
      expect(dir(ar!, name), `Arabic ${name} in a left-to-right page`).to.equal('rtl');
    for (const name of ['title', 'summary'])
      expect(dir(de!, name), `German ${name} in a right-to-left page`).to.equal('ltr');
    // rtl text starts at the right edge of its box
    const title = part(ar!, 'title')!;
    const range = document.createRange();
    range.selectNodeContents(title);
    expect(title.getBoundingClientRect().right - range.getBoundingClientRect().right).to.be.lessThan(2);
  });

  it('renders the sanitized body only in variant="full"', async () => {
    const feed = feedOf([
      newsItem('a', { content_html: '<p>Para <strong>one</strong></p><script>window.__ran = 1</script>' }),
    ]);
    const compact = await card(html`<cluster-news-card .feed=${feed}></cluster-news-card>`);
    expect(part(compact, 'content')).to.equal(null);
    const full = await card(html`<cluster-news-card variant="full" .feed=${feed}></cluster-news-card>`);
    // the sanitizer is a lazy chunk: wait for the body to arrive
    await waitUntil(() => part(full, 'content')?.textContent?.includes('Para'), 'the body never rendered', {
      timeout: 5000,
    });
    const content = part(full, 'content')!;
    expect(content.textContent).to.contain('Para');
    expect(content.querySelector('script')).to.equal(null);
    expect((window as any).__ran).to.equal(undefined);
  });

  it('updateComplete resolves when the full card shows its sanitized body, and again after the body changes', async () => {
    const el = await fixture<ClusterNewsCard>(
      html`<cluster-news-card
        variant="full"
        .feed=${feedOf([newsItem('a', { content_html: '<p>Erster</p>' })])}
      ></cluster-news-card>`,
    );
    await el.updateComplete;
    expect(part(el, 'content')!.textContent).to.equal('Erster');
    el.feed = feedOf([newsItem('a', { content_html: '<p>Zweiter</p>' })]);
    await el.updateComplete;
    expect(part(el, 'content')!.textContent).to.equal('Zweiter');
  });

  it('shows a loading placeholder of the final size with aria-busy while the feed loads', async () => {
    // the sample feed's news item (absolute image URL), served after 400 ms
    const sample = await sampleFeedJson();
    const news = {
      ...sample.items[0],
      image: `${location.origin}/demo/images/news-clusterreportagen.svg`,
      content_html: undefined,
      content_text: undefined,
    };
    const feed = mockUrl('respond', { delay: 400, body: b64(JSON.stringify(feedOf([news]))) });
    const box = await fixture(
      html`<div style="width: 600px">
        <cluster-news-card src=${feed}></cluster-news-card>
      </div>`,
    );
    const el = box.querySelector('cluster-news-card')!;
    await el.updateComplete;
    const loading = part(el, 'loading')!;
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    const before = el.getBoundingClientRect().height;
    await settled(el, 'ready');
    const after = el.getBoundingClientRect().height;
    expect(before).to.be.greaterThan(200);
    // the placeholder reserves the image and the text block: the card grows by a few lines at most
    expect(Math.abs(after - before) / after).to.be.lessThan(0.35);
  });

  it('shows a readable error with role="alert", fires cluster-feed-error, and keeps the fallback link', async () => {
    const src = mockUrl('respond', { status: 500 });
    const el = await fixture<ClusterNewsCard>(
      html`<cluster-news-card lang="en" src=${src}><a href="https://example.org/">Fallback</a></cluster-news-card>`,
    );
    const ev = await oneEvent(el, 'cluster-feed-error');
    expect(ev.detail.error.kind).to.equal('http');
    expect(ev.detail.url).to.equal(src);
    expect(el.state).to.equal('error');
    const error = part(el, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('server');
    expect(error.textContent).not.to.match(/at \w+ \(|\.ts:\d+/);
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Fallback');
  });

  it('fires cluster-feed-load after rendering, with the url and items', async () => {
    const el = document.createElement('cluster-news-card');
    el.src = SAMPLE_URL;
    const loaded = oneEvent(el, 'cluster-feed-load');
    document.body.append(el);
    const ev = await loaded;
    expect(ev.detail.url).to.equal(new URL(SAMPLE_URL, location.href).href);
    expect(ev.detail.items.length).to.equal(5);
    expect(ev.bubbles && ev.composed).to.be.true;
    expect(part(el, 'title')).to.exist;
    el.remove();
  });

  it('a late answer for an old src never overwrites the new one', async () => {
    const key = `late-${Math.random()}`;
    const slow = mockUrl('gate', { key });
    const fast = feedOf([newsItem('fast')]);
    const el = await fixture<ClusterNewsCard>(html`<cluster-news-card src=${slow}></cluster-news-card>`);
    el.removeAttribute('src');
    el.feed = fast;
    await settled(el, 'ready');
    // the old request's answer is sent now, after the new feed is shown
    await (await fetch(mockUrl('open', { key }))).json();
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(part(el, 'title')!.textContent).to.equal('Title fast');
  });

  it('changing src loads the other feed', async () => {
    const el = await card(html`<cluster-news-card src=${SAMPLE_URL}></cluster-news-card>`);
    expect(part(el, 'title')!.textContent).to.contain('Clusterreportagen');
    el.src = mockUrl('respond', { status: 404 });
    await settled(el, 'error');
    expect(part(el, 'error')).to.exist;
  });

  it('does not overflow its container from 280 to 1200 px', async () => {
    const feed = await sampleFeedJson();
    for (const width of [280, 375, 640, 1200]) {
      const box = await fixture(
        html`<div style="width: ${width}px"><cluster-news-card .feed=${feed}></cluster-news-card></div>`,
      );
      const el = box.querySelector('cluster-news-card')!;
      await settled(el);
      expect(el.scrollWidth, `at ${width}px`).to.be.at.most(el.clientWidth);
      expect(part(el, 'base')!.scrollWidth, `base at ${width}px`).to.be.at.most(part(el, 'base')!.clientWidth + 1);
    }
  });

  for (const lang of ['de', 'en']) {
    it(`is accessible in every state (${lang})`, async () => {
      const ready = await card(html`<cluster-news-card lang=${lang} src=${SAMPLE_URL}></cluster-news-card>`);
      await expect(ready).to.be.accessible();
      const empty = await card(
        html`<cluster-news-card lang=${lang} item="missing" src=${SAMPLE_URL}></cluster-news-card>`,
      );
      await expect(empty).to.be.accessible();
      const error = await card(
        html`<cluster-news-card lang=${lang} src=${mockUrl('respond', { status: 404 })}></cluster-news-card>`,
      );
      await expect(error).to.be.accessible();
      const loading = await fixture<ClusterNewsCard>(
        html`<cluster-news-card lang=${lang} src=${mockUrl('hang')}></cluster-news-card>`,
      );
      expect(loading.state).to.equal('loading');
      await expect(loading).to.be.accessible();
      const full = await card(
        html`<cluster-news-card lang=${lang} variant="full" src=${SAMPLE_URL}></cluster-news-card>`,
      );
      await waitUntil(() => part(full, 'content')?.childElementCount, 'the body never rendered', { timeout: 5000 });
      await expect(full).to.be.accessible();
    });
  }
});
