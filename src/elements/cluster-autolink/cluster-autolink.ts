import { ReactiveElement, type PropertyDeclarations } from 'lit';
import { loadFeed, resolveFeedUrl } from '../../feed/load.js';
import { safeUrl } from '../../feed/url.js';

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
 * cells and quotes (also in a paragraph there, as CKEditor 5 writes them), `nav`, `header`,
 * `footer`, editable areas and inside cluster elements stay links.
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

  /** Ends the current run: its observer and waiting frame, or the scan still to start. */
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

  /** Any change starts over: the feed from the shared copy and the scanner chunk, then one scan of the page. */
  protected override updated(): void {
    this.#stop?.();
    const { src, scope } = this;
    if (!src || !this.isConnected) return;
    let stopped = false;
    this.#stop = () => void (stopped = true);
    let url = '';
    const attr = (name: string) => this.getAttribute(name);
    // the feed request is not aborted: it is shared, and the cards made from it want it
    // in a promise: a `src` that is no URL is a warning too, never an exception in the host page
    Promise.resolve()
      .then(() => Promise.all([loadFeed((url = resolveFeedUrl(src))), import('./scanner.js')]))
      .then(([feed, { startScanning }]) => {
        if (!stopped) this.#stop = startScanning({ feed, url, scope, attr, gate: safeUrl, warn });
      })
      .catch(warn);
  }
}
