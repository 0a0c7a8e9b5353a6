/**
 * The typefaces of the generated cover: the PDF's bundled serif, with the font registry's script
 * fallbacks, so that the cover, the print edition and the EPUB share one typographic voice, a
 * title in Arabic, Chinese or Hindi is set in a real font, and rendering never depends on what
 * fonts the build machine happens to have (which would make the cover differ between machines).
 */
import { fallbacks, faceIndexFor, fontPath, openFont, type FontId, type FontStack } from '../../fonts/registry.js';

/** The four cuts of the serif family the cover sets text in. */
export type CoverStyle = 'regular' | 'italic' | 'bold' | 'boldItalic';

const PRIMARY: Record<CoverStyle, FontId> = {
  regular: 'serif-regular',
  italic: 'serif-italic',
  bold: 'serif-bold',
  boldItalic: 'serif-boldItalic',
};

const STACKS: Record<CoverStyle, FontStack> = {
  regular: Object.freeze([PRIMARY.regular, ...fallbacks(false)]),
  italic: Object.freeze([PRIMARY.italic, ...fallbacks(false)]),
  bold: Object.freeze([PRIMARY.bold, ...fallbacks(true)]),
  boldItalic: Object.freeze([PRIMARY.boldItalic, ...fallbacks(true)]),
};

/** Family name inside the serif files. */
export const COVER_FAMILY = 'Noto Serif';

/**
 * The SVG `font-family` list for a line of text: the serif, then the families of the fallbacks its
 * characters need, in the registry's order, so that resvg picks per character what the measure
 * picked. Latin text names the serif alone.
 */
export function coverFamilies(text: string): string {
  const names = [COVER_FAMILY];
  for (const file of coverFontFiles(text).slice(Object.keys(PRIMARY).length)) {
    const id = fallbackByFile().get(file);
    const name = id === undefined ? undefined : `'${openFont(id).familyName}'`;
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names.join(', ');
}

let byFile: Map<string, FontId> | undefined;

/** Fallback ids by file, made when a title first needs one: resolving the files' packages costs ~10 ms. */
function fallbackByFile(): Map<string, FontId> {
  byFile ??= new Map<string, FontId>([...fallbacks(false), ...fallbacks(true)].map((id) => [fontPath(id), id]));
  return byFile;
}

/** Font stack of a style: its serif cut, then the script, symbol and emoji fallbacks of its weight. */
export function coverStack(style: CoverStyle): FontStack {
  return STACKS[style];
}

/** Font file of each style's serif cut. */
export function coverFontFile(style: CoverStyle): string {
  return fontPath(PRIMARY[style]);
}

/**
 * Every file the renderer may load for `text`: the serif cuts, and the fallbacks (both weights)
 * of the characters the serif lacks — only those, as parsing the CJK faces costs time on every
 * render. Never system fonts.
 */
export function coverFontFiles(text = ''): string[] {
  const files = new Set<string>(Object.values(PRIMARY).map(fontPath));
  const seen = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x250 || seen.has(cp)) continue;
    seen.add(cp);
    for (const style of ['regular', 'bold'] as const) {
      const stack = STACKS[style];
      const i = faceIndexFor(stack, cp);
      if (i > 0) files.add(fontPath(stack[i]!));
    }
  }
  return [...files];
}

/** SVG presentation attributes that select `style` within the family. */
export function svgFontAttributes(style: CoverStyle): { weight: 400 | 700; italic: boolean } {
  return { weight: style === 'bold' || style === 'boldItalic' ? 700 : 400, italic: style === 'italic' || style === 'boldItalic' };
}
