import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What `for` may point at: a `<cluster-portrait>` (under whatever tag name it was registered). */
type Portrait = HTMLElement & { cluster?: string; src?: string; feed?: unknown };

type Host = ReactiveControllerHost & HTMLElement & { for?: string; src?: string; feed?: unknown };

/**
 * The `for` link of a journey: the element whose id `for` names, in the same
 * document or shadow root (a `<cluster-portrait>`), is pointed at the selected
 * station's cluster through its public `cluster` property, and given the
 * journey's `feed` or `src` when it has neither. It is pointed once per
 * change, and only when it shows another cluster, so a host may point the
 * portrait elsewhere in between; a portrait added later is found at the next
 * update.
 */
export class LinkedPortrait implements ReactiveController {
  #want?: string;
  #linked?: string;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /**
   * Points the portrait at `slug` after the journey's next update (and after
   * later ones until it is found); `now` (a visitor's selection) points it at
   * once, even if it was pointed there before.
   */
  show(slug: string, now = false): void {
    this.#want = slug;
    if (!now) return;
    this.#linked = undefined;
    this.#apply();
  }

  /** `for` changed: the new target is pointed again. */
  retarget(): void {
    this.#linked = undefined;
  }

  hostUpdated(): void {
    this.#apply();
  }

  #apply() {
    const { host } = this;
    const slug = this.#want;
    if (!host.for || !slug || slug === this.#linked || !host.isConnected) return;
    const portrait = (host.getRootNode() as Document | ShadowRoot).getElementById?.(host.for) as Portrait | null;
    if (!portrait) return;
    this.#linked = slug;
    if (!portrait.src && portrait.feed == null) {
      if (host.feed != null) portrait.feed = host.feed;
      else if (host.src) portrait.src = host.src;
    }
    if (portrait.cluster !== slug) portrait.cluster = slug;
  }
}
