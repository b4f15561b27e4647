import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { t, type StringKey } from '../i18n/strings.js';

type Host = ReactiveControllerHost & HTMLElement;

// One observer for the whole page: a change of any `lang` attribute re-resolves
// the language of the elements that are on the page.
const live = new Set<LocaleController>();
let observer: MutationObserver | undefined;

/** The nearest `lang` above `el`, crossing shadow roots. */
function inherited(el: Element): string | undefined {
  for (let node = el.parentElement ?? (el.getRootNode() as ShadowRoot).host; node;) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host;
  }
  return undefined;
}

/**
 * The element's language, after Shoelace's LocalizeController: its own `lang`,
 * else the nearest `[lang]` ancestor (also across shadow roots), else the
 * feed's language, else German. The ancestor's language is looked up when the
 * element connects and again only when some `lang` on the page changes, not
 * for every string it renders.
 */
export class LocaleController implements ReactiveController {
  /** The nearest ancestor's `lang`, looked up on connect; a server renderer, which has no DOM, sets it from the page. */
  inherited?: string;

  constructor(
    private readonly host: Host,
    /** The feed's language, if the element has a feed. */
    private readonly fallback: () => string | undefined,
  ) {
    host.addController(this);
  }

  /** The resolved language tag. */
  get lang(): string {
    // the property first: during render, Lit has not reflected a new `lang` to the attribute yet
    return this.host.lang || this.inherited || this.fallback() || 'de';
  }

  /** The UI string `key` in the resolved language. */
  t(key: StringKey, values?: Record<string, string | number>): string {
    return t(this.lang, key, values);
  }

  /** Looks up the ancestors' language again; re-renders the element when it changed. */
  refresh(): void {
    const lang = inherited(this.host);
    if (lang === this.inherited) return;
    this.inherited = lang;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    live.add(this);
    if (!observer) {
      observer = new MutationObserver(() => live.forEach((l) => l.refresh()));
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    this.inherited = inherited(this.host);
  }

  hostDisconnected(): void {
    live.delete(this);
    if (live.size) return;
    observer?.disconnect();
    observer = undefined;
  }
}
