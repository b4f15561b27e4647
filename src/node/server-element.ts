import { LitElementRenderer, render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, type LitElement } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { FeedElement } from '../base/feed-element.js';
import type { Feed } from '../feed/types.js';
import { sanitizeBody } from './server-sanitizer.js';

/** What the page tells an element that a browser would read from the DOM around it. */
export interface PageContext {
  /** The nearest ancestor's `lang`. */
  lang?: string;
}

type Ctor = new () => FeedElement<unknown>;
const servers = new WeakMap<object, Ctor>();

/**
 * The server's subclass of an element class: the ancestors' language comes from the page, and the
 * full card's body is made at once, sanitized in jsdom (the browser loads its sanitizer lazily).
 * Everything else is the element's own code: what Lit's server renderer calls of it is the
 * constructor, attributes, `willUpdate`, the attribute reflection of `update`, and `render`.
 */
function serverClass(Base: Ctor): Ctor {
  let server = servers.get(Base);
  if (server) return server;
  // abstract for the type checker only: `Base` is a concrete element class
  abstract class Server extends (Base as abstract new () => FeedElement<unknown>) {
    set page(page: PageContext) {
      this.i18n.inherited = page.lang;
    }
    protected makeBody(source: string, base: string, level: number): unknown {
      return unsafeHTML(sanitizeBody(source, base, level));
    }
  }
  servers.set(Base, (server = Server as unknown as Ctor));
  return server;
}

/** Lit's own LitElement renderer, handed the server subclass of every `FeedElement` (any tag name). */
class FeedElementRenderer extends LitElementRenderer {
  static override matchesClass(ctor: typeof HTMLElement): boolean {
    return ctor.prototype instanceof FeedElement;
  }

  constructor(tagName: string) {
    super(tagName);
    this.element = new (serverClass(customElements.get(tagName) as unknown as Ctor))() as unknown as LitElement;
  }
}

const ATTRIBUTE = /^[^\s"'<>/=]+$/;
export const escapeAttr = (value: string): string =>
  value.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!);
// hydration markers: replacement does not use them (README, "Server rendering")
const MARKERS = /<!--\/?lit-part[^>]*-->|<!--lit-node \d+-->/g;

/**
 * `<tag attrs>` rendered by Lit's server renderer from `feed`, without children: the element's
 * start tag (its attributes and the ones it reflects, such as `state`), its declarative shadow
 * root (styles and the ready state) and its end tag.
 */
export async function renderElement(
  tag: string,
  attrs: Iterable<[string, string]>,
  feed: Feed,
  page: PageContext,
): Promise<string> {
  let open = `<${tag}`;
  for (const [name, value] of attrs) if (ATTRIBUTE.test(name)) open += ` ${name}="${escapeAttr(value)}"`;
  // a template made of the element alone, with the feed and the page context as property bindings
  const strings = [`${open} .feed=`, ' .page=', `></${tag}>`];
  const template = html(Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray, feed, page);
  const out = await collectResult(render(template, { elementRenderers: [FeedElementRenderer, LitElementRenderer] }));
  // Lit leaves the space before each attribute it re-serializes: one is enough
  return out.replace(MARKERS, '').replace(/^(<[\w-]+)\s+/, '$1 ');
}
