/**
 * Which CID each drawn glyph gets, per font of a document, and what each CID draws and says.
 *
 * A CID is the glyph's own id in the font file (the content stream says `<0123>` for glyph 0x123
 * whatever else the book draws): so the bytes of a drawn word do not depend on the words drawn
 * before it, which is what lets pages be drawn apart and kept between builds. The font's
 * CIDToGIDMap (cid-font.ts) maps each CID to the glyph's place in the embedded subset.
 *
 * A CID has one text in the ToUnicode map. A glyph that a font uses for several characters (Noto
 * Naskh draws ج, ح and خ on one body and adds the dots as marks) keeps its own id for the first
 * text it is drawn with and gets a copy above the font's last glyph id for each other text, each
 * with its own ToUnicode entry: sharing would make every ج extract as whichever letter came first.
 */
import { openFont, type FontId } from '../../../fonts/registry.js';
import type { GlyphUse } from './glyph-run.js';
import type { ShapedGlyph } from '../../../fonts/shape.js';

/** What a CID draws: a glyph of the font, its width in thousandths of an em, the text it stands for. */
export interface CidGlyph {
  readonly gid: number;
  readonly width: number;
  readonly codePoints: readonly number[];
}

/** The CIDs of one font in one document. */
export class FontGlyphs {
  /** Every CID drawn so far. */
  readonly cids = new Map<number, CidGlyph>();
  /** 1000 / unitsPerEm: widths are kept in thousandths of an em. */
  readonly scale: number;
  private readonly copies = new Map<string, number>();
  /** The next CID for a copy: copies come after the font's own glyph ids. */
  private nextCopy: number;

  constructor(readonly font: FontId) {
    const f = openFont(font);
    this.scale = 1000 / f.unitsPerEm;
    this.nextCopy = (f as unknown as { numGlyphs: number }).numGlyphs;
  }

  /** The CID `glyph` is drawn with (recording it); its width is `widthOf(cid)`. */
  cid(glyph: Pick<ShapedGlyph, 'id' | 'codePoints' | 'advanceWidth'>): number {
    const known = this.cids.get(glyph.id);
    if (known === undefined) {
      this.cids.set(glyph.id, { gid: glyph.id, width: glyph.advanceWidth * this.scale, codePoints: [...glyph.codePoints] });
      return glyph.id;
    }
    if (glyph.codePoints.length === 0 || sameCodePoints(known.codePoints, glyph.codePoints)) return glyph.id;
    const key = `${glyph.id}:${glyph.codePoints.join(',')}`;
    let copy = this.copies.get(key);
    if (copy === undefined) {
      // Identity-H codes are two bytes: a font would need 65,536 glyphs and copies to run out.
      if (this.nextCopy > 0xffff) throw new Error(`font ${this.font}: more than 65,536 glyphs and copies of glyphs drawn with other characters`);
      copy = this.nextCopy++;
      this.copies.set(key, copy);
      this.cids.set(copy, { gid: glyph.id, width: glyph.advanceWidth * this.scale, codePoints: [...glyph.codePoints] });
    }
    return copy;
  }

  /** Whether a glyph drawn elsewhere with `codePoints` (as its own id) means another text here. */
  clashes(use: GlyphUse): boolean {
    const known = this.cids.get(use.gid);
    return known !== undefined && !sameCodePoints(known.codePoints, use.codePoints);
  }

  /** The width of a CID already drawn, in thousandths of an em (the PDF's /W). */
  widthOf(cid: number): number {
    return this.cids.get(cid)?.width ?? 0;
  }

  /** The text of a CID already drawn. */
  codePointsOf(cid: number): readonly number[] {
    return this.cids.get(cid)?.codePoints ?? [];
  }
}

/** The fonts drawn with in one document, in the order of first use. */
export class GlyphBook {
  private readonly fonts = new Map<FontId, FontGlyphs>();

  font(id: FontId): FontGlyphs {
    let f = this.fonts.get(id);
    if (f === undefined) this.fonts.set(id, (f = new FontGlyphs(id)));
    return f;
  }

  /**
   * Adds the glyphs a page drawn elsewhere used (each as its own id, with its own text), if none
   * of them means another text here; returns false, adding nothing, if one does: the page must then
   * be drawn again in this document, where that glyph needs a copy.
   */
  adopt(uses: readonly (readonly [FontId, readonly GlyphUse[]])[]): boolean {
    if (uses.some(([font, list]) => list.some((u) => this.font(font).clashes(u)))) return false;
    for (const [font, list] of uses) {
      const f = this.font(font);
      for (const u of list) f.cid({ id: u.gid, codePoints: u.codePoints, advanceWidth: u.advanceWidth });
    }
    return true;
  }

  /** Every font drawn with, in the order of first use. */
  used(): FontGlyphs[] {
    return [...this.fonts.values()];
  }
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
