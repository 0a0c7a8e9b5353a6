/**
 * Cover text as outlines: shaped with fontkit (the PDF's shaper) through the font registry, put in
 * visual order by UAX #9, and written as one SVG path.
 *
 * Why: resvg 2.6 mis-shapes Noto Sans Devanagari (vowel signs drawn as other letters, checked on
 * "मानव"), and its fallback might pick other faces than the measure did. Lines the serif sets alone
 * stay SVG text; lines that need a fallback face are drawn exactly as they were measured.
 */
import { faceRuns, openFont } from '../../fonts/registry.js';
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
      const layout = f.layout(piece.text);
      const scale = sizePt / f.unitsPerEm;
      layout.glyphs.forEach((g, i) => {
        const p = layout.positions[i]!;
        const d = g.path.scale(scale, -scale).translate(pen + p.xOffset * scale, baseline - p.yOffset * scale).toSVG();
        if (d !== '') parts.push(d);
        pen += p.xAdvance * scale + trackingPt;
      });
    }
  }
  return parts.join('');
}
