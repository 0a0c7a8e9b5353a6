/**
 * The fonts SVG text is set in when it is turned into paths or pixels: the committed files in
 * `assets/fonts/`, and, for characters they lack, the font registry's script fallbacks (the same
 * faces the PDF's own text falls back to), never the machine's fonts — so a chart with Arabic or
 * Chinese labels prints them, and looks the same on every build machine. A text whose family is
 * not among them falls back to the body serif; resvg then picks per character a file that has it.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { faceIndexFor, fallbacks, fontPath } from '../../fonts/registry.js';

/** Resolved from this file: src/images/svg/ and dist/images/svg/ are both three levels below the root. */
const FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

/** Family used when an SVG names none the bundled fonts have. */
export const SVG_DEFAULT_FAMILY = 'Noto Serif';

let bundled: string[] | undefined;

/**
 * Absolute paths of every bundled font file, then of the fallbacks (regular and bold) that the
 * characters of `text` beyond Latin, Greek and Cyrillic need — only those, since parsing the CJK
 * faces costs time on every render. Sorted within each part: the order resvg sees must not vary.
 */
export function svgFontFiles(text = ''): string[] {
  bundled ??= readdirSync(FONT_DIR).filter((f) => /\.(?:ttf|otf|ttc)$/i.test(f)).sort().map((f) => FONT_DIR + f);
  const extra = new Set<string>();
  const seen = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x250 || seen.has(cp)) continue;
    seen.add(cp);
    for (const bold of [false, true]) {
      const stack = fallbacks(bold);
      const i = faceIndexFor(stack, cp);
      if (i >= 0) extra.add(fontPath(stack[i]!));
    }
  }
  return [...bundled, ...[...extra].sort()];
}
