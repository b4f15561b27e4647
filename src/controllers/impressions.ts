import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clusterEvent, type ImpressionDetail } from '../base/events.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly state: string };

/** How long an element must stay in view to count: the usual viewable-impression rule (one second). */
export const VIEW_MS = 1000;

/** The timer impressions are measured with; tests replace it to control time. */
export const impressionTimer = {
  set: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clear: (id: unknown): void => clearTimeout(id as number | undefined),
};

// Fine steps up to one half: an element taller than the viewport never shows half of itself, so
// how much of the viewport it covers is checked again as it scrolls (see `seen`).
const THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 40);

/**
 * `cluster-impression`, once per element per page view: when at least half
 * of the element (or, for an element too tall for that, half of the
 * viewport's height) has been in view for `VIEW_MS` without a break, in a visible tab, showing
 * its content (the ready state). The detail names the items shown then.
 */
export class Impressions implements ReactiveController {
  #done = false;
  #inView = false;
  #timer?: unknown;
  #observer?: IntersectionObserver;

  constructor(
    private readonly host: Host,
    /** The feed URL and the items shown, or undefined when the element shows none. */
    private readonly detail: () => ImpressionDetail | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdated();
  }

  hostUpdated(): void {
    if (this.#done || this.#observer || this.host.state !== 'ready') return;
    // the newest entry decides: a fast scroll may cross several thresholds between two frames
    this.#observer = new IntersectionObserver((entries) => this.#seen(entries[entries.length - 1]!), {
      threshold: THRESHOLDS,
    });
    this.#observer.observe(this.host);
    document.addEventListener('visibilitychange', this.#check);
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #seen(e: IntersectionObserverEntry) {
    const view = e.rootBounds;
    this.#inView =
      e.isIntersecting && (e.intersectionRatio >= 0.5 || (!!view && e.intersectionRect.height * 2 >= view.height));
    this.#check();
  }

  /** Starts the clock while the element is in view in a visible tab, stops it otherwise. */
  readonly #check = (): void => {
    if (this.#inView && document.visibilityState === 'visible')
      this.#timer ??= impressionTimer.set(this.#fire, VIEW_MS);
    else {
      impressionTimer.clear(this.#timer);
      this.#timer = undefined;
    }
  };

  readonly #fire = (): void => {
    this.#timer = undefined;
    const detail = this.detail();
    if (!detail) return;
    this.#done = true;
    this.#stop();
    this.host.dispatchEvent(clusterEvent('cluster-impression', detail));
  };

  #stop() {
    this.#inView = false;
    this.#check();
    this.#observer?.disconnect();
    this.#observer = undefined;
    document.removeEventListener('visibilitychange', this.#check);
  }
}
