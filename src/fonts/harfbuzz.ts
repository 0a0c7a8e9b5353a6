/**
 * The registry's fonts as HarfBuzz fonts (harfbuzzjs, HarfBuzz compiled to WebAssembly), for
 * shaping the PDF's text.
 *
 * Why HarfBuzz and not fontkit's shaper: HarfBuzz is the reference OpenType shaper (browsers,
 * LibreOffice, TeX engines use it), and it shapes a word 5–8 × faster — shaping every new word of
 * a real book (tens of thousands of them, and every hyphenation prefix) was the largest cost of
 * setting its type. fontkit still parses the fonts for what HarfBuzz does not give: subsets,
 * coverage, vertical metrics and the cover's outlines.
 */
import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import { fontPath, type FontId } from './files.js';

/** A font as HarfBuzz holds it, with what shaping asks of it again and again. */
export interface HarfBuzzFont {
  readonly font: hb.Font;
  readonly unitsPerEm: number;
  /** The glyph's own advance, in font units. */
  advance(gid: number): number;
  /** The glyph the font's cmap gives a character, or 0. */
  nominal(codePoint: number): number;
  /** `italicAngle` and `isFixedPitch` of the font's 'post' table (zero and false without one). */
  readonly post: { readonly italicAngle: number; readonly isFixedPitch: boolean };
}

const opened = new Map<FontId, HarfBuzzFont>();

/** The HarfBuzz font of a face, loaded on first use and kept for the process (or worker). */
export function harfBuzzFont(id: FontId): HarfBuzzFont {
  let f = opened.get(id);
  if (f === undefined) {
    const bytes = readFileSync(fontPath(id));
    const face = new hb.Face(new hb.Blob(bytes), 0);
    if (face.upem === 0) throw new Error(`HarfBuzz cannot read the font ${fontPath(id)}`);
    const font = new hb.Font(face);
    const advances = new Map<number, number>();
    const nominals = new Map<number, number>();
    f = {
      font,
      unitsPerEm: face.upem,
      post: postFields(face),
      advance(gid) {
        let a = advances.get(gid);
        if (a === undefined) advances.set(gid, (a = font.glyphHAdvance(gid)));
        return a;
      },
      nominal(codePoint) {
        let g = nominals.get(codePoint);
        if (g === undefined) nominals.set(codePoint, (g = font.nominalGlyph(codePoint) ?? 0));
        return g;
      },
    };
    opened.set(id, f);
  }
  return f;
}

/**
 * Read from the table's bytes: fontkit decodes every glyph name of a version 2 'post' table to give
 * these two fields (0.17 s for a book's four serif faces, in a CPU profile).
 */
function postFields(face: hb.Face): HarfBuzzFont['post'] {
  // A view into WebAssembly memory: read at once.
  const post = face.referenceTable('post');
  if (post === undefined || post.length < 16) return { italicAngle: 0, isFixedPitch: false };
  const view = new DataView(post.buffer, post.byteOffset, post.byteLength);
  return { italicAngle: view.getInt32(4) / 65536, isFixedPitch: view.getUint32(12) !== 0 };
}

/** One reused buffer: shaping is synchronous, and buffers live in WebAssembly memory. */
let buffer: hb.Buffer | undefined;

/** A glyph as HarfBuzz gives it: the id, its cluster (UTF-16 offset of its first character), its position. */
export interface HarfBuzzGlyph {
  readonly id: number;
  readonly cluster: number;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
  /** Cutting the text before this glyph's cluster and shaping the two parts apart would give other glyphs. */
  readonly unsafeToBreak: boolean;
}

/**
 * `text` shaped in `font` in `direction` (glyphs in drawing order, right to left for 'rtl'), script
 * guessed from the text as fontkit did. Default-ignorable characters (joiners, variation selectors)
 * steer shaping and draw nothing: they are removed from the output rather than drawn as empty spaces.
 */
export function harfBuzzShape(font: HarfBuzzFont, text: string, direction: 'ltr' | 'rtl'): HarfBuzzGlyph[] {
  buffer ??= new hb.Buffer();
  const b = buffer;
  b.reset();
  b.setFlags(hb.BufferFlag.BOT | hb.BufferFlag.EOT | hb.BufferFlag.REMOVE_DEFAULT_IGNORABLES);
  b.addText(text);
  b.setDirection(direction === 'rtl' ? hb.Direction.RTL : hb.Direction.LTR);
  b.guessSegmentProperties();
  hb.shape(font.font, b);
  const infos = b.getGlyphInfos();
  const positions = b.getGlyphPositions();
  const out: HarfBuzzGlyph[] = new Array(infos.length);
  for (let i = 0; i < infos.length; i++) {
    const p = positions[i]!;
    const info = infos[i]!;
    out[i] = { id: info.codepoint, cluster: info.cluster, xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset, unsafeToBreak: (info.flags & hb.GlyphFlag.UNSAFE_TO_BREAK) !== 0 };
  }
  return out;
}
