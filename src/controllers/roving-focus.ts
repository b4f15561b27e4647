import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * A roving tabindex over numbered buttons (`<button data-i="n">`) in the
 * element's shadow root, as in the WAI-ARIA toolbar pattern: the group is one
 * tab stop (the selected button, or the one last focused while focus stays
 * inside); ArrowRight/ArrowDown and ArrowLeft/ArrowUp move to the next and
 * previous button (left and right swap in right-to-left text), Home and End to
 * the first and last. Keys move focus only; selecting is the element's job.
 * Bind `onKey` to `keydown` and `onFocusOut` to `focusout` on the group.
 */
export class RovingFocus implements ReactiveController {
  #focused = -1;

  constructor(
    private readonly host: Host,
    /** How many buttons there are now. */
    private readonly count: () => number,
  ) {
    host.addController(this);
  }

  /** The index of the button that holds the tab stop, given the selected one. */
  stop(selected: number): number {
    return this.#focused >= 0 && this.#focused < this.count() ? this.#focused : selected;
  }

  /** The index of the button an event happened on, or -1. */
  indexOf(target: EventTarget | null): number {
    const button = (target as Element | null)?.closest?.('button[data-i]') as HTMLElement | null | undefined;
    return button ? Number(button.dataset['i']) : -1;
  }

  /** Gives button `index` the tab stop (without moving focus). */
  hold(index: number): void {
    this.#focused = index;
    this.host.requestUpdate();
  }

  readonly onKey = (e: KeyboardEvent): void => {
    const from = this.indexOf(e.target);
    if (from < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const last = this.count() - 1;
    let step = STEP[e.key];
    const sideways = e.key === 'ArrowLeft' || e.key === 'ArrowRight';
    if (sideways && getComputedStyle(this.host).direction === 'rtl') step = -step!;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? last : step ? Math.min(Math.max(from + step, 0), last) : -1;
    if (to < 0) return;
    e.preventDefault(); // arrows would scroll the group as well
    this.hold(to);
    this.host.renderRoot.querySelector<HTMLElement>(`button[data-i="${to}"]`)?.focus();
  };

  hostDisconnected(): void {
    this.#focused = -1;
  }

  readonly onFocusOut = (e: FocusEvent): void => {
    // leaving the group: the tab stop returns to the selected button
    if ((e.currentTarget as Element).contains(e.relatedTarget as Node | null)) return;
    this.hold(-1);
  };
}
