import type { ReactiveControllerHost } from 'lit';

/**
 * The images of an element that failed to load: the element leaves them out
 * instead of showing a broken-image icon (and keeps its text). One set per
 * element, for every image it shows (photo, logo, list thumbnails).
 */
export class ImageFailures {
  #failed = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost) {}

  /** `src`, unless it is missing or failed before. */
  readonly ok = (src: string | undefined): string | undefined => (src && !this.#failed.has(src) ? src : undefined);

  /** For an `<img>`'s `@error`: forgets the image and re-renders without it. */
  readonly fail = (src: string): void => {
    if (this.#failed.has(src)) return;
    this.#failed.add(src);
    this.host.requestUpdate();
  };
}
