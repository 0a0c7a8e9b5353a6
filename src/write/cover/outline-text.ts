/**
 * Cover text as outlines: shaped with HarfBuzz (the PDF's shaper, src/fonts/shape.ts), outlined by
 * fontkit through the font registry, put in visual order by UAX #9, and written as one SVG path.
 *
 * Why: resvg 2.6 mis-shapes Noto Sans Devanagari (vowel signs drawn as other letters, checked on
 * "मानव"), and its fallback might pick other faces than the measure did. Lines the serif sets alone
 * stay SVG text; lines that need a fallback face are drawn exactly as they were measured.
 */
import { faceRuns, openFont } from '../../fonts/registry.js';
import { shape } from '../../fonts/shape.js';
import { visualRuns } from '../../text/bidi.js';
import { coverStack, type CoverStyle } from './cover-fonts.js';

/** Whether the serif alone sets `text` (then resvg draws it as text). */
export function serifSets(text: string, style: CoverStyle): boolean {
  const runs = faceRuns(text, coverStack(style));
  return runs.every((r) => r.font === coverStack(style)[0]);
}

/** Path data of `text` at `sizePt` with its pen starting at (x, baseline), `trackingPt` after each glyph. */
export function outlinePath(text: string, style: CoverStyle, sizePt: number, x: number, baseline: number, trackingPt = 0): string {
  const parts: string[] = [];
  let pen = x;
  for (const run of visualRuns(text)) {
    const pieces = faceRuns(run.text, coverStack(style));
    if (run.rtl) pieces.reverse();
    for (const piece of pieces) {
      const f = openFont(piece.font);
      const run = shape(piece.font, piece.text);
      const scale = sizePt / run.unitsPerEm;
      for (const g of run.glyphs) {
        const d = f.getGlyph(g.id).path.scale(scale, -scale).translate(pen + g.xOffset * scale, baseline - g.yOffset * scale).toSVG();
        if (d !== '') parts.push(d);
        pen += g.xAdvance * scale + trackingPt;
      }
    }
  }
  return parts.join('');
}
