import { DOMParser } from '@xmldom/xmldom';

/** Node has no DOMParser: the feed layer's XML reader uses @xmldom/xmldom's (only DOM Level 2 Core on its documents). */
export function installDomParser(): void {
  const g = globalThis as { DOMParser?: unknown };
  g.DOMParser ??= DOMParser;
}
