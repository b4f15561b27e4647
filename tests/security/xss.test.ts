// Every XSS payload of the corpus, placed in every text field, every URL field
// and content_html of a feed, rendered by all three elements: nothing runs,
// nothing is fetched from a payload URL, and text fields show the payload as
// text.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/index.js';
import type { FeedElement } from '../../src/base/feed-element.js';
import { decodeEntities } from '../../src/feed/text.js';
import { payloads } from '../fixtures/xss-payloads.js';
import { feedOf, newsItem, part, parts, portraitItem, settled } from '../helpers.js';
import { expectNothingRan, NEVER_IN_CONTENT, watchXss } from './xss-watch.js';

const IMAGE = '/demo/images/news-clusterreportagen.svg';

/** One feed with `p` in every field: text, URL and HTML. */
function hostileFeed(p: string) {
  const ext = {
    image_alt: p,
    image_credit: p,
    image_caption: p,
    links: [
      { title: p, url: 'https://example.org/more' },
      { title: 'Payload URL', url: p },
    ],
  };
  const common = {
    title: p,
    summary: p,
    url: p,
    external_url: p,
    banner_image: p,
    authors: [{ name: p, url: p, avatar: p }],
    tags: [p],
  };
  return feedOf(
    [
      newsItem('news-html', { ...common, image: p, content_html: p, content_text: p, _reportage: ext }),
      // an image that loads keeps credit and caption on screen; no content_html shows content_text
      newsItem('news-text', { ...common, image: IMAGE, content_text: p, _reportage: ext }),
      portraitItem('xss', {
        ...common,
        image: p,
        content_html: p,
        content_text: p,
        _reportage: {
          ...ext,
          kind: 'portrait',
          cluster: { slug: 'xss', name: p, region: p, place: p, focus: p, url: p, logo: p },
        },
      }),
    ],
    {
      title: p,
      home_page_url: p,
      feed_url: p,
      _reportage: {
        journeys: [
          { id: 'j', title: p, summary: p, stations: [{ item: 'portrait-xss', label: p }, { item: 'portrait-xss' }] },
        ],
      },
    },
  );
}

async function renderAll(p: string) {
  const feed = hostileFeed(p);
  const host = await fixture<HTMLElement>(
    html`<div>
      <cluster-news-card variant="full" item="news-html" .feed=${feed}></cluster-news-card>
      <cluster-news-card variant="full" item="news-text" .feed=${feed}></cluster-news-card>
      <cluster-portrait cluster="xss" .feed=${feed}></cluster-portrait>
      <cluster-journey .feed=${feed}></cluster-journey>
    </div>`,
  );
  const [htmlCard, textCard, portrait, journey] = [...host.children] as FeedElement<unknown>[];
  for (const el of [htmlCard!, textCard!, portrait!, journey!]) await settled(el);
  // the sanitizer is lazy: the body is there once part="content" holds its <div>
  await waitUntil(() => part(htmlCard!, 'content')?.firstElementChild, 'the sanitized body never rendered', {
    timeout: 1500,
  });
  await new Promise((r) => setTimeout(r, 80));
  return { host, htmlCard: htmlCard!, textCard: textCard!, portrait: portrait!, journey: journey! };
}

const normalize = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('XSS corpus: every payload in every field of a feed', () => {
  watchXss();

  it(`has at least 60 payloads with unique names`, () => {
    expect(payloads.length).to.be.at.least(60);
    expect(new Set(payloads.map((p) => p.name)).size).to.equal(payloads.length);
  });

  for (const p of payloads) {
    it(`${p.category}: ${p.name} runs nothing, loads nothing and shows as text`, async () => {
      const { host, htmlCard, textCard, portrait, journey } = await renderAll(p.payload);
      expectNothingRan(p, host);

      const content = part(htmlCard, 'content')!;
      const bad = content.querySelector(NEVER_IN_CONTENT);
      expect(bad, `sanitized content kept <${bad?.localName}> ${bad?.getAttributeNames().join(' ')}`).to.equal(null);

      // text fields are text: the payload as the reader would see it written
      const text = decodeEntities(p.payload).trim();
      expect(part(htmlCard, 'title')!.textContent, 'news title').to.equal(text);
      expect(part(htmlCard, 'summary')!.textContent, 'news summary').to.equal(text);
      expect(part(textCard, 'content')!.textContent, 'content_text').to.contain(text.split(/\n\s*\n/)[0]);
      expect(part(textCard, 'credit')!.textContent, 'image credit').to.equal(text);
      expect(part(textCard, 'caption')!.textContent, 'image caption').to.equal(text);
      expect((part(textCard, 'image') as HTMLImageElement).alt, 'image alt').to.equal(text);
      expect(part(textCard, 'links')!.textContent, 'link title').to.contain(text);
      expect(part(portrait, 'title')!.textContent, 'cluster name').to.equal(text);
      expect(part(portrait, 'region')!.textContent, 'region and place').to.contain(text);
      expect(part(portrait, 'focus')!.textContent, 'focus').to.contain(text);
      expect(part(portrait, 'summary')!.textContent, 'portrait summary').to.equal(text);
      // the journey strip is checked once it shows stations (see ELEMENTS.md)
      const stations = parts(journey, 'station');
      if (stations.length) {
        expect(normalize(stations[0]!.textContent), 'station label').to.contain(normalize(text));
        expect(normalize(stations[1]!.textContent), 'station name').to.contain(normalize(text));
      }
    });
  }
});
