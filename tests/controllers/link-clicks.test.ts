// cluster-link-click from real input: mouse clicks, middle clicks and Enter
// sent by the test runner (puppeteer in Chromium and Firefox, WebDriver in
// WebKit). The page itself keeps the test page from navigating away: a
// listener on `document` cancels the click after the element has reported it,
// as a host's router would.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/cluster-journey/define.js';
import '../../src/elements/cluster-news-card/define.js';
import '../../src/elements/cluster-news-list/define.js';
import '../../src/elements/cluster-portrait/define.js';
import type { ClusterLinkClickEvent } from '../../src/base/events.js';
import type { FeedElement } from '../../src/base/feed-element.js';
import { feedOf, freshCache, isWebKit, newsItem, part, parts, SAMPLE_URL, settled } from '../helpers.js';

/** What the page saw, in order: our events (with the click's state at that moment) and the clicks reaching `document`. */
let log: string[];
let events: ClusterLinkClickEvent[];
const stop = (e: Event) => {
  log.push(`${e.type} at document`);
  e.preventDefault();
};
const onLink = (e: ClusterLinkClickEvent) => {
  events.push(e);
  log.push(`cluster-link-click ${e.detail.part}`);
};

async function render<T extends FeedElement<unknown>>(template: unknown): Promise<T> {
  const box = await fixture<HTMLElement>(html`<div style="width: 700px">${template}</div>`);
  const el = box.firstElementChild as T;
  await settled(el, 'ready');
  return el;
}

/** A real mouse click in the middle of `target` (viewport coordinates, as the runner's mouse expects). */
async function click(target: Element, button: 'left' | 'middle' = 'left') {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)], button });
}

describe('cluster-link-click', () => {
  freshCache();
  beforeEach(() => {
    log = [];
    events = [];
    document.addEventListener('click', stop);
    document.addEventListener('auxclick', stop);
    document.addEventListener('cluster-link-click', onLink);
  });
  afterEach(async () => {
    document.removeEventListener('click', stop);
    document.removeEventListener('auxclick', stop);
    document.removeEventListener('cluster-link-click', onLink);
    await sendMouse({ type: 'move', position: [0, 0] });
    window.scrollTo(0, 0);
  });

  it('a click on “read more” reports the link, its item and part, before the click reaches the page, without holding it up', async () => {
    const el = await render(html`<cluster-news-card src=${SAMPLE_URL}></cluster-news-card>`);
    const more = parts(el, 'link')[0] as HTMLAnchorElement;
    // the host sees the click after the shadow root's listener, before the page cancels it
    let prevented: boolean | undefined;
    el.addEventListener('click', (e) => (prevented = e.defaultPrevented));
    await click(more);
    expect(log).to.deep.equal(['cluster-link-click link', 'click at document']);
    const [ev] = events;
    expect(ev!.target).to.equal(el);
    expect(ev!.detail.href).to.equal(more.href);
    expect(ev!.detail.href).to.match(/^https:\/\/www\.clusterplattform\.de\//);
    expect(ev!.detail.item!.id).to.equal('meldung-2021-02-02-clusterreportagen');
    expect(ev!.detail.part).to.equal('link');
    expect(ev!.cancelable, 'not cancelable').to.equal(false);
    expect(ev!.bubbles && ev!.composed).to.equal(true);
    // the element never cancels the click: the browser would follow the link
    expect(prevented).to.equal(false);
  });

  it('a middle click (new tab) is reported; a right click (context menu) is not', async () => {
    const el = await render(html`<cluster-portrait src=${SAMPLE_URL} cluster="olec"></cluster-portrait>`);
    const [reportage, website] = parts(el, 'link') as HTMLAnchorElement[];
    // WebKitWebDriver presses the middle button but releases the left one (a left click arrives):
    // there the test sends the auxclick that Safari sends for a middle click
    if (isWebKit)
      website!.dispatchEvent(
        new MouseEvent('auxclick', { button: 1, bubbles: true, composed: true, cancelable: true }),
      );
    else await click(website!, 'middle');
    await waitUntil(() => log.length === 2, `middle click: ${log.join(', ')}`);
    expect(log).to.deep.equal(['cluster-link-click link', 'auxclick at document']);
    expect(events[0]!.detail.href).to.equal(website!.href);
    expect(events[0]!.detail.item!.id).to.equal('portrait-olec');
    // the context menu's button, as the browser sends it (a real one would leave a menu open)
    reportage!.dispatchEvent(
      new MouseEvent('auxclick', { button: 2, bubbles: true, composed: true, cancelable: true }),
    );
    expect(events).to.have.length(1);
    // nor is a click of another button than the main one, should an engine send one beside the auxclick
    website!.dispatchEvent(new MouseEvent('click', { button: 1, bubbles: true, composed: true, cancelable: true }));
    expect(events).to.have.length(1);
  });

  it('Enter on a focused link is reported like a click', async () => {
    const el = await render(html`<cluster-news-card src=${SAMPLE_URL}></cluster-news-card>`);
    const further = part(el, 'links')!.querySelector('a')!;
    further.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.length === 1, 'Enter was not reported');
    expect(events[0]!.detail.href).to.equal(further.href);
    expect(events[0]!.detail.part).to.equal('link');
    expect(log).to.deep.equal(['cluster-link-click link', 'click at document']);
  });

  it('a list entry’s link names the entry’s item', async () => {
    const feed = feedOf(
      ['a', 'b', 'c'].map((id, i) =>
        newsItem(id, { url: `https://example.org/${id}`, date_published: `202${i}-01-01` }),
      ),
    );
    const el = await render(html`<cluster-news-list .feed=${feed}></cluster-news-list>`);
    const links = parts(el, 'link') as HTMLAnchorElement[];
    await click(links[1]!);
    expect(events.map((e) => [e.detail.item!.id, e.detail.href, e.detail.part])).to.deep.equal([
      ['b', 'https://example.org/b', 'link'],
    ]);
  });

  it('the journey’s link names the selected station’s item', async () => {
    const el = await render(html`<cluster-journey src=${SAMPLE_URL} current="2"></cluster-journey>`);
    await click(part(el, 'link')!);
    expect(events.map((e) => e.detail.item!.id)).to.deep.equal(['portrait-olec']);
  });

  it('a link in the article of variant="full" is reported with part "content"', async () => {
    const feed = feedOf([
      newsItem('a', { content_html: '<p>See <a href="https://example.org/source">the source</a>.</p>' }),
    ]);
    const el = await render(html`<cluster-news-card variant="full" .feed=${feed}></cluster-news-card>`);
    await el.updateComplete;
    await click(part(el, 'content')!.querySelector('a')!);
    expect(events.map((e) => [e.detail.href, e.detail.part, e.detail.item!.id])).to.deep.equal([
      ['https://example.org/source', 'content', 'a'],
    ]);
  });

  it('the fallback link under an error message is reported too, without an item and with part ""', async () => {
    const box = await fixture<HTMLElement>(
      html`<div>
        <cluster-news-list src="/mock/respond?status=500"
          ><a href="https://example.org/all">Alle Meldungen</a></cluster-news-list
        >
      </div>`,
    );
    const el = box.firstElementChild as FeedElement<unknown>;
    await settled(el, 'error');
    await click(el.querySelector('a')!);
    expect(events.map((e) => [e.detail.href, e.detail.part, e.detail.item])).to.deep.equal([
      ['https://example.org/all', '', undefined],
    ]);
  });

  it('a click beside the links is not reported', async () => {
    const el = await render(html`<cluster-news-card src=${SAMPLE_URL}></cluster-news-card>`);
    await click(part(el, 'title')!);
    expect(log).to.deep.equal(['click at document']);
  });
});
