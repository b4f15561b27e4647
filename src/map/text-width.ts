// Text widths without a DOM (so a server can place labels too): an upper estimate from
// the characters, calibrated on DejaVu Sans Bold, among the widest common sans-serifs
// (it is system-ui on many Linux desktops); Segoe UI, San Francisco and Roboto run
// narrower. The labels' CSS caps each line at this width (with an ellipsis), so a wider
// font can never make a label cover another.

const NARROW = /[\sfijlrtI.,;:'!|()[\]/-]/;
const WIDE = /[mwMW@%&®©]/;
const CAPITAL = /[\p{Lu}\d]/u;

/** An upper estimate of the width of `text` in bold type (em); beyond Latin letters, 1.05 em each. */
export function textWidth(text: string): number {
  let w = 0.25;
  for (const ch of text)
    w += NARROW.test(ch) ? 0.5 : WIDE.test(ch) || ch >= '\u0250' ? 1.05 : CAPITAL.test(ch) ? 0.82 : 0.72;
  return w;
}

export interface Label {
  name: string;
  place?: string | undefined;
}

/** Estimated widths (em, each in its line's own size) of a label's name and place. */
export const widths = (l: Label): [number, number] => [textWidth(l.name), l.place ? textWidth(l.place) : 0];
