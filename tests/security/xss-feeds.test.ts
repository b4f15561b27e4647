// The whole XSS corpus through the feeds a CMS writes: each payload in RSS `description`,
// `content:encoded` and `link`, and in Atom `content`, `summary` and `link`, served by the test
// server and rendered by full news cards from `src`: no payload runs, loads or reaches the page.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { expect } from '@open-wc/testing';
import '../../src/elements/cluster-news-card/define.js';
import type { ClusterNewsCard } from '../../src/elements/cluster-news-card/cluster-news-card.js';
import { clearFeedCache } from '../../src/feed/load.js';
import { payloads } from '../fixtures/xss-payloads.js';
import { mockUrl, part, settled } from '../helpers.js';
import { expectNothingRan, NEVER_IN_CONTENT, watchXss } from './xss-watch.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ESC[c]!);
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

const rss = (p: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>XSS</title>
<item><guid>rss-encoded</guid><title>Encoded</title><link>${esc(p)}</link><description>${esc(p)}</description><content:encoded>${cdata(p)}</content:encoded></item>
<item><guid>rss-description</guid><title>Description</title><link>${esc(p)}</link><description>${esc(p)}</description></item>
</channel></rss>`;
const atom = (p: string) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>XSS</title>
<entry><id>atom-content</id><title>Content</title><link href="${esc(p)}"/><summary type="html">${esc(p)}</summary><content type="html">${esc(p)}</content></entry>
</feed>`;

let serial = 0;
async function serve(body: string, type: string): Promise<string> {
  const key = `xss-feed-${++serial}`;
  const res = await fetch(mockUrl('stash', { key, type }), { method: 'POST', body });
  expect(res.ok, 'stash').to.equal(true);
  return mockUrl('stash', { key });
}

describe('XSS corpus through RSS and Atom: every payload in their HTML and link fields', () => {
  watchXss();
  beforeEach(() => clearFeedCache());

  for (const p of payloads) {
    it(`${p.category}: ${p.name} runs nothing and loads nothing from RSS or Atom`, async () => {
      const [rssUrl, atomUrl] = [
        await serve(rss(p.payload), 'application/rss+xml'),
        await serve(atom(p.payload), 'application/atom+xml'),
      ];
      const host = await fixture<HTMLElement>(
        html`<div>
          <cluster-news-card variant="full" item="rss-encoded" src=${rssUrl}></cluster-news-card>
          <cluster-news-card variant="full" item="rss-description" src=${rssUrl}></cluster-news-card>
          <cluster-news-card variant="full" item="atom-content" src=${atomUrl}></cluster-news-card>
        </div>`,
      );
      const cards = [...host.children] as ClusterNewsCard[];
      for (const card of cards) await settled(card, 'ready');
      await waitUntil(
        () => cards.every((c) => part(c, 'content')?.firstElementChild),
        'the sanitized bodies never rendered',
        {
          timeout: 3000,
        },
      );
      await new Promise((r) => setTimeout(r, 80));
      expectNothingRan(p, host);
      for (const card of cards) {
        const bad = part(card, 'content')!.querySelector(NEVER_IN_CONTENT);
        expect(bad, `${card.item} kept <${bad?.localName}> ${bad?.getAttributeNames().join(' ')}`).to.equal(null);
        // the payload as a link never becomes one
        for (const a of part(card, 'base')!.querySelectorAll(':scope > .body > a'))
          expect(a.getAttribute('href')).to.match(/^https?:/);
      }
    });
  }
});
