import { ReactiveElement, type PropertyDeclarations } from 'lit';
import { loadFeed, resolveFeedUrl } from '../../feed/load.js';
import type { FeedItem } from '../../feed/types.js';
import { indexFeed } from './match.js';
import { scan } from './scan.js';

/** Nothing reaches the host page: a feed that fails leaves every link as it is, and says so once. */
const warn = (e: unknown) => console.warn('[cluster-reportage]', e);

/**
 * Placed once per page (in the theme), it turns every standalone link to a reportage into that
 * reportage's card: a link that is the only content of its paragraph, list item or block, the
 * way an editor pastes a URL on its own line, whose `href` is the `url` or `external_url` of an
 * item in the feed. Portraits become `<cluster-portrait>`, news `<cluster-news-card>`; the
 * paragraph (or the link) moves inside as the card's fallback content. Bare URL text alone in a
 * paragraph counts as a link. Links are compared without case in scheme and host, without a
 * trailing slash, the fragment and `utm_*` parameters. Links in running text, headings, table
 * cells, `nav`, `header`, `footer`, editable areas and inside cluster elements stay links.
 * Content added later is scanned too, once per animation frame. If the feed cannot be loaded,
 * every link stays as it is. It renders nothing itself; the cards share its feed request.
 *
 * @summary Turns pasted links to the feed's reportages into cards.
 * @tag cluster-autolink
 */
export class ClusterAutolink extends ReactiveElement {
  static override properties: PropertyDeclarations = {
    src: {},
    scope: {},
    // reflected: the cards get what the attributes say, however they were set
    lang: { reflect: true },
    headingLevel: { attribute: 'heading-level', reflect: true },
    variant: { reflect: true },
  };

  /** Feed URL, relative to the page; the cards it makes get the same URL and share one request. */
  src?: string;

  /** CSS selector of the containers to scan (for example `.entry-content`); without it, the whole document. */
  scope?: string;

  /** Passed on to the cards it makes (their UI language); without it, they take the nearest `[lang]`. */
  override lang!: string;

  /** Passed on to the cards it makes: level (1–6) of their headings. */
  headingLevel?: string;

  /** Passed on to the news cards it makes (`full` adds the article); portraits have no variant. */
  variant?: string;

  /** Ends the current run: its observer and waiting frame. */
  #stop?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // back in the page after a removal: scan again
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
  }

  /** Any change starts over: the feed from the shared copy, then one scan of the page. */
  protected override updated(): void {
    this.#stop?.();
    const { src, scope } = this;
    if (!src || !this.isConnected) return;
    let url = '';
    let index: Map<string, FeedItem>;
    // what is still to be scanned; the whole page first
    const pending = new Set<Node>([document.documentElement]);
    const make = (item: FeedItem) => {
      const news = item.kind == 'news';
      const card = document.createElement(news ? 'cluster-news-card' : 'cluster-portrait');
      card.setAttribute('src', url);
      card.setAttribute(news ? 'item' : 'cluster', news ? item.id : item.cluster!.slug);
      for (const name of ['lang', 'heading-level', news ? 'variant' : '']) {
        const value = name && this.getAttribute(name);
        if (value) card.setAttribute(name, value);
      }
      return card;
    };
    const flush = () => {
      try {
        for (const node of pending) {
          const el = node.nodeType == 1 ? (node as Element) : node.parentElement;
          if (el) scan(el, scope, index, make);
        }
      } catch (e) {
        // an invalid `scope`, or a page that broke its DOM: the links stay links
        warn(e);
      }
      // our own replacements come back as records too: their links are inside cards, left alone
      pending.clear();
    };
    // later content waits for the next frame, so a page that adds a thousand nodes costs one
    // scan: the first addition since the last scan asks for the frame
    const observer = new MutationObserver((records) => {
      if (!pending.size) requestAnimationFrame(flush);
      for (const r of records) for (const n of r.addedNodes) pending.add(n);
    });
    // the feed request is not aborted: it is shared, and the cards made from it want it
    this.#stop = () => {
      observer.disconnect();
      // a frame or a feed that is still to come finds nothing to scan
      pending.clear();
    };
    Promise.resolve()
      .then(() => loadFeed((url = resolveFeedUrl(src))))
      .then((feed) => {
        if (!pending.size) return;
        index = indexFeed(feed);
        observer.observe(document, { childList: true, subtree: true });
        flush();
      })
      .catch(warn);
  }
}
