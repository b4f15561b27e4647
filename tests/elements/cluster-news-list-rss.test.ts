// <cluster-news-list> on a real WordPress RSS feed (../shared/real-feeds/rss/, served by the test
// server's /mock/rss route, never copied into the repository).
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/cluster-news-list/define.js';
import type { ClusterNewsList } from '../../src/elements/cluster-news-list/cluster-news-list.js';
import { freshCache, mockUrl, part, parts, settled, shadow } from '../helpers.js';

const WORDPRESS = mockUrl('rss', { name: '01-natashatherobot-wordpress.xml' });

/** The list, hidden: the feed's images are on the internet, and hidden lazy images never load. */
async function list(attrs: { kind?: string; tag?: string; limit?: string } = {}): Promise<ClusterNewsList> {
  const el = fixtureSync<ClusterNewsList>(
    html`<cluster-news-list
      hidden
      lang="en"
      src=${WORDPRESS}
      kind=${attrs.kind ?? 'news'}
      tag=${attrs.tag ?? ''}
      limit=${attrs.limit ?? '3'}
    ></cluster-news-list>`,
  );
  await settled(el, 'ready');
  return el;
}

const titles = (el: Element) => parts(el, 'title').map((h) => h.textContent!.trim());

describe('<cluster-news-list> on a real WordPress RSS feed', () => {
  freshCache();

  it('shows the three newest posts, newest first, each with its date, an excerpt and a link to the post', async () => {
    const el = await list();
    expect(titles(el)).to.deep.equal([
      'The Easiest Way to Get a URL for your Apple Wallet Passkit Pass',
      'Swift: Alternative to Default Implementations in Protocols',
      'Swift: Why You Shouldn’t Use Default Implementations in Protocols',
    ]);
    expect(parts(el, 'date').map((d) => d.textContent)).to.deep.equal([
      'July 7, 2017',
      'March 26, 2017',
      'March 24, 2017',
    ]);
    // the posts' <description> (WordPress's excerpt), as text
    expect(parts(el, 'summary')[2]!.textContent).to.equal('Why I decided against a nice refactor...');
    for (const entry of parts(el, 'entry')) {
      expect(entry.querySelector('[part~="summary"]')!.textContent!.length).to.be.greaterThan(30);
      expect(entry.querySelector<HTMLAnchorElement>('a[part~="link"]')!.href).to.match(
        /^https:\/\/www\.natashatherobot\.com\/[\w-]+\/$/,
      );
    }
    expect(parts(el, 'link')[0]!.getAttribute('href')).to.equal(
      'https://www.natashatherobot.com/url-apple-wallet-passkit-pass/',
    );
  });

  it('tag="swift" keeps the posts in the WordPress category “Swift”, newest first', async () => {
    const el = await list({ tag: 'swift', limit: '10' });
    expect(titles(el)).to.deep.equal([
      'Swift: Alternative to Default Implementations in Protocols',
      'Swift: Why You Shouldn’t Use Default Implementations in Protocols',
      'Swift: When to use guard vs if',
      'Creating a Framework for both iOS and watchOS',
      'Swift 3.0 Refactoring Cues',
      'Swift: What are Protocols with Associated Types?',
    ]);
  });

  it('“more” pages through all ten posts, three at a time', async () => {
    const el = await list();
    for (const shown of [6, 9, 10]) {
      (part(el, 'more') as HTMLButtonElement).click();
      await waitUntil(() => titles(el).length === shown, `${shown} posts never showed`);
    }
    expect(part(el, 'more')).to.equal(null);
    expect(shadow(el).querySelector('[role="status"]')!.textContent).to.equal('More items: 1');
    expect(titles(el).at(-1)).to.equal('Swift: What are Protocols with Associated Types?');
  });

  it('kind="portrait" says that the feed has no portraits (an RSS feed cannot carry them), kind="all" shows its posts', async () => {
    const el = fixtureSync<ClusterNewsList>(
      html`<cluster-news-list hidden lang="en" src=${WORDPRESS} kind="portrait"></cluster-news-list>`,
    );
    await settled(el, 'empty');
    expect(part(el, 'empty')!.textContent!.trim()).to.equal('This RSS or Atom feed has no portraits.');
    el.kind = 'all';
    await settled(el, 'ready');
    expect(titles(el)[0]).to.equal('The Easiest Way to Get a URL for your Apple Wallet Passkit Pass');
    el.kind = 'news';
    el.tag = 'no-such-category';
    await settled(el, 'empty');
    expect(part(el, 'empty')!.textContent!.trim()).to.equal('No news item found.');
  });
});
