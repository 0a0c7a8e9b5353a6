/**
 * Front matter: the cover (the print image filling the page, into the bleed when there is one),
 * the title page and the table of contents, whose page numbers are filled in once the articles
 * are paginated (its length does not depend on them: the number column is reserved).
 */
import type { MetadataRecord } from '../../metadata/record.js';
import type { CoverArt } from '../../cover/cover-art.js';
import { textWidth } from '../font-metrics.js';
import { textArea, type PageGeometry } from '../page-geometry.js';
import { structChild, type StructNode } from '../tag/struct-node.js';
import type { Measurer } from '../typeset/measure.js';
import { textUnits, headingStyle, type FlowContext } from './blocks.js';
import { baselineIn, type Unit } from './flow.js';
import type { PageItem } from './page-items.js';

/** The key of the cover picture among the images drawn. */
export const COVER_IMAGE = 'cover';

/** The cover page: the picture scaled to cover the page (cropped, never distorted). */
export function coverPage(cover: CoverArt, g: PageGeometry, parent: StructNode): PageItem[] {
  const figure = structChild(parent, 'Figure', { alt: cover.alt });
  const pageW = g.mediaWidth;
  const pageH = g.mediaHeight;
  const scale = Math.max(pageW / cover.print.width, pageH / cover.print.height);
  const w = cover.print.width * scale;
  const h = cover.print.height * scale;
  figure.attrs.bbox = [0, 0, pageW, pageH];
  return [{ kind: 'image', x: (pageW - w) / 2, y: (pageH - h) / 2, width: w, height: h, image: COVER_IMAGE, owner: { node: figure } }];
}

/** The title page: title, subtitle and creators in the upper third, the publisher at the foot. */
export function titlePage(record: MetadataRecord, g: PageGeometry, parent: StructNode, ctx: FlowContext): PageItem[] {
  const area = textArea(g, 1);
  const sect = structChild(parent, 'Sect');
  const place = { parent: sect, lang: record.lang, x: 0, width: area.width, path: [], indent: false, first: true };
  const title = headingStyle(1, ctx);
  const units: Unit[] = [];
  const p = (): StructNode => structChild(sect, 'P');
  units.push(...textUnits([{ type: 'text', value: record.title }], p(), { place, ctx, face: 'bold', size: title.size * 1.15, leading: title.leading * 1.15, align: 'center', hyphenate: false, spaceBefore: 0 }));
  if (record.subtitle) units.push(...textUnits([{ type: 'text', value: record.subtitle }], p(), { place, ctx, face: 'italic', size: ctx.fontSize * 1.2, leading: ctx.leading * 1.2, align: 'center', hyphenate: false, spaceBefore: ctx.leading }));
  if (record.creators.length > 0) units.push(...textUnits([{ type: 'text', value: record.creators.map((c) => c.name).join(', ') }], p(), { place, ctx, face: 'regular', size: ctx.fontSize * 1.05, leading: ctx.leading * 1.1, align: 'center', hyphenate: false, spaceBefore: ctx.leading * 2 }));
  const items: PageItem[] = [];
  let y = area.y + area.height * 0.18;
  for (const u of units) {
    y += u.spaceBefore;
    for (const item of u.items) items.push(offset(item, area.x, y));
    y += u.height;
  }
  if (record.publisher) {
    const pub = textUnits([{ type: 'text', value: record.publisher }], p(), { place, ctx, face: 'regular', size: ctx.fontSize, leading: ctx.leading, align: 'center', hyphenate: false, spaceBefore: 0 });
    let py = area.y + area.height - pub.reduce((h, u) => h + u.height, 0);
    for (const u of pub) {
      for (const item of u.items) items.push(offset(item, area.x, py));
      py += u.height;
    }
  }
  return items;
}

function offset(item: PageItem, dx: number, dy: number): PageItem {
  const copy = { ...item };
  if (copy.kind === 'rule') { copy.x1 += dx; copy.x2 += dx; copy.y1 += dy; copy.y2 += dy; } else { copy.x += dx; copy.y += dy; }
  return copy;
}

export interface TocEntry {
  title: string;
  authors: string;
  lang: string;
  dest: string;
}

/** The contents as flow units, and how to give each entry its folio once the body is drawn. */
export interface Toc {
  units: Unit[];
  /**
   * Puts each entry's folio at the right of its title's last line. The lines do not move (the
   * titles are set beside a column kept for the numbers), so the contents are set once, before the
   * body is drawn (to know how many pages they take), and given their numbers after.
   */
  setFolios(folios: readonly string[]): void;
}

/** The contents as flow units (heading, then one TOCI per article with a right-aligned folio). */
export function tocUnits(entries: readonly TocEntry[], parent: StructNode, ctx: FlowContext, width: number, title: string, lang: string, measurer: Measurer): Toc {
  void measurer;
  const sect = structChild(parent, 'Sect');
  const h1 = structChild(sect, 'H1');
  const s = headingStyle(1, ctx);
  const units = textUnits([{ type: 'text', value: title }], h1, { place: { parent: h1, lang, x: 0, width, path: [], indent: false, first: true }, ctx, face: s.face, size: s.size, leading: s.leading, align: 'left', hyphenate: false, spaceBefore: 0 });
  for (const u of units) { u.keepWithNext = true; delete u.origin; }
  if (units[0]) units[0].outline = { title, level: 1 };
  const toc = structChild(sect, 'TOC');
  const numberColumn = textWidth('0000', 'regular', ctx.fontSize);
  // Per entry, its title's last line and its link (the folio is drawn in that link's element).
  const folioLines: { last: Unit | undefined; linkInfo: { target: { dest: string }; node: StructNode; contents: string } }[] = [];
  for (const entry of entries) {
    const item = structChild(toc, 'TOCI', entry.lang.toLowerCase() !== lang.toLowerCase() ? { lang: entry.lang } : {});
    const link = structChild(item, 'Link');
    const lines = textUnits([{ type: 'text', value: entry.title }], link, {
      place: { parent: link, lang: entry.lang, x: 0, width: width - numberColumn - ctx.fontSize, path: [], indent: false, first: false }, ctx,
      face: 'regular', size: ctx.fontSize, leading: ctx.leading, align: 'left', hyphenate: false, spaceBefore: ctx.leading * 0.6,
    });
    const linkInfo = { target: { dest: entry.dest }, node: link, contents: `${entry.title}, page ` };
    for (const u of lines) {
      delete u.origin;
      for (const it of u.items) if (it.kind === 'text') it.link = linkInfo;
    }
    folioLines.push({ last: lines[lines.length - 1], linkInfo });
    if (entry.authors) {
      const by = textUnits([{ type: 'text', value: entry.authors }], link, {
        place: { parent: link, lang: entry.lang, x: 0, width: width - numberColumn - ctx.fontSize, path: [], indent: false, first: false }, ctx,
        face: 'italic', size: ctx.fontSize * 0.9, leading: ctx.leading, align: 'left', hyphenate: false, spaceBefore: 0,
      });
      for (const u of by) { delete u.origin; for (const it of u.items) if (it.kind === 'text') it.link = linkInfo; }
      lines.push(...by);
    }
    for (const u of lines.slice(0, -1)) u.keepWithNext = true;
    units.push(...lines);
  }
  const setFolios = (folios: readonly string[]): void => {
    folioLines.forEach(({ last, linkInfo }, i) => {
      const folio = folios[i] ?? '';
      linkInfo.contents = `${entries[i]!.title}, page ${folio}`;
      if (!last || folio === '') return;
      // A space glyph between title and number keeps them two words when the text is extracted.
      const texts = last.items.filter((it) => it.kind === 'text');
      const end = texts[texts.length - 1];
      if (end && end.kind === 'text') end.space = true;
      const w = textWidth(folio, 'regular', ctx.fontSize);
      last.items.push({ kind: 'text', x: width - w, y: baselineIn(ctx.leading, 'regular', ctx.fontSize), text: folio, style: { face: 'regular', size: ctx.fontSize }, width: w, owner: { node: linkInfo.node }, link: linkInfo });
    });
  };
  return { units, setFolios };
}
