// The little of jsdom the server uses (jsdom ships no types of its own).
declare module 'jsdom' {
  /** Where a parsed node stands in the source (parse5's location; `endTag` only when the source has one). */
  export interface NodeLocation {
    startOffset: number;
    endOffset: number;
    startTag?: { startOffset: number; endOffset: number };
    endTag?: { startOffset: number; endOffset: number };
  }
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; includeNodeLocations?: boolean });
    readonly window: Window & typeof globalThis;
    /** Needs `includeNodeLocations`; `null` for a node the parser did not make from the source. */
    nodeLocation(node: Node): NodeLocation | null;
    serialize(): string;
  }
}
