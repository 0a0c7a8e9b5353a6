/**
 * The typefaces of the generated cover: the PDF's bundled serif, so that the cover, the print
 * edition and the EPUB share one typographic voice, and so that rendering never depends on what
 * fonts the build machine happens to have (which would make the cover differ between machines).
 */
import { FONT_FILES } from '../pdf/fonts.js';

/** The four cuts of the serif family the cover sets text in. */
export type CoverStyle = 'regular' | 'italic' | 'bold' | 'boldItalic';

/** Family name inside the font files, as SVG `font-family` must name it. */
export const COVER_FAMILY = 'Noto Serif';

/** Font file of each style. */
export function coverFontFile(style: CoverStyle): string {
  return FONT_FILES.serif[style];
}

/** Every file the renderer may load: only these, never system fonts. */
export function coverFontFiles(): string[] {
  return [FONT_FILES.serif.regular, FONT_FILES.serif.italic, FONT_FILES.serif.bold, FONT_FILES.serif.boldItalic];
}

/** SVG presentation attributes that select `style` within the family. */
export function svgFontAttributes(style: CoverStyle): { weight: 400 | 700; italic: boolean } {
  return { weight: style === 'bold' || style === 'boldItalic' ? 700 : 400, italic: style === 'italic' || style === 'boldItalic' };
}
