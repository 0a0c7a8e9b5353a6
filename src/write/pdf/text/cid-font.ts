/**
 * Embeds a TrueType font as a composite font whose CIDs are the font's own glyph ids (glyph-book.ts):
 * Type0 (Identity-H) → CIDFontType2 with a CIDToGIDMap stream (CID → place in the subset), /W and a
 * ToUnicode CMap keyed by CID, and the subset program in FontFile2 (ISO 32000-1 §9.7.4, §9.10.3).
 *
 * Why not pdfkit's own embedding: it numbers glyphs by first use in the document (its subset
 * order) with an Identity CIDToGIDMap, so the same word is written with other bytes in another
 * book, or after another article was edited. Everything else follows pdfkit's `EmbeddedFont.embed`
 * (descriptor flags and metrics, subset tag + PostScript name), so viewers see the same fonts.
 */
import { createHash } from 'node:crypto';
import { harfBuzzFont } from '../../../fonts/harfbuzz.js';
import { openFont } from '../../../fonts/registry.js';
import type { FontGlyphs } from './glyph-book.js';

/** An indirect object as pdfkit makes it (`doc.ref()`): its dictionary, and `end` with a stream. */
export interface FontRef {
  data: Record<string, unknown>;
  end(stream?: Uint8Array | string): void;
}

/** What embedding reads from fontkit's font beyond what the registry types. */
interface TrueTypeFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  head: { macStyle: { italic: boolean } };
  'OS/2'?: { sFamilyClass: number };
  createSubset(): { includeGlyph(gid: number): number; encode(): Uint8Array; cff?: unknown };
}

/**
 * Writes the font of `glyphs` into `type0` (allocated when a page first used the font, so its
 * object number is fixed by then) with `ref` making the other objects. Only TrueType outlines: a
 * CIDFontType2 is what a CIDToGIDMap applies to; every registered font is one (a `glyf` table).
 */
export function embedCidFont(type0: FontRef, glyphs: FontGlyphs, ref: (data?: Record<string, unknown>) => FontRef): void {
  const font = openFont(glyphs.font) as unknown as TrueTypeFont;
  const subset = font.createSubset();
  if (subset.cff !== undefined) throw new Error(`font ${glyphs.font} has CFF outlines; only TrueType fonts can be embedded with a CIDToGIDMap`);
  const cids = [...glyphs.cids.keys()].sort((a, b) => a - b);
  // Glyphs enter the subset in id order, so the subset (and its bytes) depend only on the set drawn.
  const gids = [...new Set(cids.map((c) => glyphs.cids.get(c)!.gid))].sort((a, b) => a - b);
  for (const gid of gids) subset.includeGlyph(gid);
  const program = subset.encode();

  const maxCid = cids[cids.length - 1] ?? 0;
  const map = new Uint8Array(2 * (maxCid + 1));
  for (const cid of cids) {
    const place = subset.includeGlyph(glyphs.cids.get(cid)!.gid);
    map[2 * cid] = place >> 8;
    map[2 * cid + 1] = place & 0xff;
  }

  const scale = 1000 / font.unitsPerEm;
  const post = harfBuzzFont(glyphs.font).post;
  // The subset tag: six capitals that change with the glyphs in it (ISO 32000-1 §9.6.4).
  const digest = createHash('sha256').update(`${glyphs.font}:${gids.join(',')}`).digest();
  const tag = [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  const name = `${tag}+${font.postscriptName.replaceAll(' ', '_')}`;

  const fontFile = ref({ Length1: program.length });
  fontFile.end(program);
  const descriptor = ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: flags(font, post.isFixedPitch),
    FontBBox: [font.bbox.minX * scale, font.bbox.minY * scale, font.bbox.maxX * scale, font.bbox.maxY * scale],
    ItalicAngle: post.italicAngle,
    Ascent: font.ascent * scale,
    Descent: font.descent * scale,
    CapHeight: (font.capHeight || font.ascent) * scale,
    XHeight: (font.xHeight || 0) * scale,
    StemV: 0,
    FontFile2: fontFile,
  });
  descriptor.end();
  const cidToGid = ref();
  cidToGid.end(map);
  const descendant = ref({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: widthArray(cids, glyphs),
    CIDToGIDMap: cidToGid,
  });
  descendant.end();
  const toUnicode = ref();
  toUnicode.end(toUnicodeCmap(cids, glyphs));
  Object.assign(type0.data, { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: toUnicode });
  type0.end();
}

/** Descriptor flags as pdfkit sets them: fixed pitch, serif, symbolic, script, italic. */
function flags(font: TrueTypeFont, isFixedPitch: boolean): number {
  const familyClass = (font['OS/2']?.sFamilyClass ?? 0) >> 8;
  let f = 1 << 2;
  if (isFixedPitch) f |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) f |= 1 << 1;
  if (familyClass === 10) f |= 1 << 3;
  if (font.head.macStyle.italic) f |= 1 << 6;
  return f;
}

/** `/W [c [w w …] c' [w …]]`: one array per run of consecutive CIDs. */
function widthArray(cids: readonly number[], glyphs: FontGlyphs): unknown[] {
  const w: unknown[] = [];
  let run: number[] = [];
  let next = -1;
  for (const cid of cids) {
    if (cid !== next) {
      run = [];
      w.push(cid, run);
    }
    run.push(Math.round(glyphs.widthOf(cid) * 1000) / 1000);
    next = cid + 1;
  }
  return w;
}

/** The ToUnicode CMap: each CID's text as UTF-16BE, in bfchar sections of at most 100 entries. */
function toUnicodeCmap(cids: readonly number[], glyphs: FontGlyphs): string {
  const entries = cids.map((cid) => `<${hex4(cid)}> <${[...String.fromCodePoint(...glyphs.codePointsOf(cid))].map(utf16).join('')}>`);
  const sections: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    sections.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
${sections.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** One character as UTF-16BE hex (a surrogate pair beyond the BMP). */
function utf16(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += hex4(ch.charCodeAt(i));
  return out;
}
