// What WordPress keeps of our snippets when an editor without `unfiltered_html` saves a post (on
// multisite: everyone but super admins), through WordPress's real wp_kses_post() and wpautop()
// (Debian's `wordpress` package, run by PHP on the test server: tests/server/wordpress.mjs), then
// the result on a page of the site with the theme's <cluster-autolink>. Without PHP these tests
// fail and say what to install.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import { linkSnippet, setupSnippet } from '../../demo/snippets.js';
import { freshCache, mockUrl, part } from '../helpers.js';
import { show } from './site-page.js';

const OLEC = 'https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Reportagen/clusterreportage-olec.html';
const NEWS =
  'https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Kurzmeldungen/2021/02/2021-02-02-clusterreportagen.html';
const NEWS_ID = 'meldung-2021-02-02-clusterreportagen';
const BUNDLE = 'https://cdn.example/cluster-reportage.js';

interface Filtered {
  version: string;
  /** what wp_kses_post() keeps: the post as saved */
  saved: string;
  /** `saved` after wpautop(): the post as `the_content` shows a classic (block-less) post */
  shown: string;
}
const wordpress = (html: string) => executeServerCommand<Filtered, string>('wordpress', html);

const feed = () => mockUrl('feed', { key: `wp-${Math.random()}` });

describe('WordPress (wp_kses_post, wpautop)', () => {
  freshCache();

  it('runs WordPress’s own filters (PHP and the wordpress package are installed)', async () => {
    const { version, saved } = await wordpress('<p onclick="x()">a</p>');
    expect(version).to.match(/^\d+\.\d+/);
    expect(saved).to.equal('<p>a</p>');
  });

  it('keeps the link snippet of a block-editor paragraph, and the page shows the portrait', async () => {
    const post = `<!-- wp:paragraph -->\n<p>${linkSnippet(OLEC).html}</p>\n<!-- /wp:paragraph -->`;
    const { saved } = await wordpress(post);
    expect(saved).to.equal(post);
    // do_blocks() (not runnable without a database) only drops the block comments
    const [card] = await show(saved, feed(), 1);
    expect(card!.localName).to.equal('cluster-portrait');
    expect(part(card!, 'title')!.textContent!.trim()).to.equal('OLEC');
  });

  it('keeps a bare URL on its own line of a classic post; wpautop makes it a paragraph, and the page shows the card', async () => {
    const post = `Neu erschienen:\n\n${linkSnippet(NEWS).text}\n\nMehr bald.`;
    const { saved, shown } = await wordpress(post);
    expect(saved).to.equal(post);
    expect(shown).to.equal(`<p>Neu erschienen:</p>\n<p>${NEWS}</p>\n<p>Mehr bald.</p>\n`);
    const [card] = await show(shown, feed(), 1);
    expect(card!.getAttribute('item')).to.equal(NEWS_ID);
  });

  it('negative control: the element snippet loses its script and the element with all its attributes; the fallback link is left', async () => {
    const src = feed();
    const snippet =
      `<script type="module" src="${BUNDLE}"></script>\n` +
      `<cluster-news-card src="${src}" item="${NEWS_ID}" lang="en" heading-level="2">\n` +
      `  <a href="${NEWS}">Clusterreportagen</a>\n` +
      `</cluster-news-card>\n`;
    const { saved, shown } = await wordpress(snippet);
    expect(saved).to.equal(`\n\n  <a href="${NEWS}">Clusterreportagen</a>\n\n`);
    expect(shown).to.equal(`<p>  <a href="${NEWS}">Clusterreportagen</a></p>\n`);
    // with the theme's set-up the leftover link still becomes the card, with the site's defaults
    const [card] = await show(shown, src, 1);
    expect(card!.getAttribute('item')).to.equal(NEWS_ID);
    expect(card!.hasAttribute('lang')).to.equal(false);
    expect(part(card!, 'title')!.localName).to.equal('h3');
  });

  it('negative control: the theme set-up pasted into a post loses both the script and <cluster-autolink>', async () => {
    const { saved } = await wordpress(setupSnippet(BUNDLE, [['src', 'https://example.org/feed.json']]));
    expect(saved.trim()).to.equal('');
  });

  it('strips javascript: from a link; what is left matches no item and stays a link', async () => {
    const post = `<p><a href="javascript:alert(1)">${OLEC}</a></p><p><a href="javascript:location='${OLEC}'">${OLEC}</a></p><p>${linkSnippet(OLEC).html}</p>`;
    const { saved } = await wordpress(post);
    // kses removes the scheme (and the "https:" behind it): a relative and a protocol-relative URL
    const left = ['alert(1)', `${OLEC.slice(6)}'`];
    expect(saved).to.equal(
      `<p><a href="${left[0]}">${OLEC}</a></p><p><a href="${left[1]}">${OLEC}</a></p><p>${linkSnippet(OLEC).html}</p>`,
    );
    await show(saved, feed(), 1);
    expect([...document.querySelectorAll('main > p > a')].map((a) => a.getAttribute('href'))).to.deep.equal(left);
  });
});
