/**
 * The fonts SVG text is set in when it is turned into paths or pixels: the committed files in
 * `assets/fonts/`, never the machine's, so a chart looks the same on every build machine.
 * All files of the folder are offered (new scripts' fonts added there are used without a change
 * here); a text whose family is not among them falls back to the body serif.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Resolved from this file: src/images/svg/ and dist/images/svg/ are both three levels below the root. */
const FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

/** Family used when an SVG names none the bundled fonts have. */
export const SVG_DEFAULT_FAMILY = 'Noto Serif';

let cached: string[] | undefined;

/** Absolute paths of every bundled font file, sorted (the order resvg sees must not vary). */
export function svgFontFiles(): string[] {
  cached ??= readdirSync(FONT_DIR).filter((f) => /\.(?:ttf|otf|ttc)$/i.test(f)).sort().map((f) => FONT_DIR + f);
  return cached;
}
