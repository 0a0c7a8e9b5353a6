/**
 * An article's opening, as a newspaper sets it: the section (kicker) in letter-spaced capitals
 * above the title, the title (H1), the dek, the byline and the dateline.
 *
 * Each is its own element in reading order (P, H1, P, P, P), so a screen reader meets them as a
 * sighted reader does. The kicker is drawn in capitals but its element carries the section as
 * written (/ActualText), so it is read as a word, not spelt out. The first unit starts the page,
 * carries the article's named destination (the TOC's link target) and its page-map origin; the
 * title carries the bookmark. All are kept with the first lines of the body.
 */
import type { Article } from '../../../model/publication.js';
import { textWidth } from '../font-metrics.js';
import { drawableText } from '../glyph-coverage.js';
import { bylineText, datelineText, type OpeningLine } from '../opening-words.js';
import { structChild, type StructNode } from '../tag/struct-node.js';
import { headingStyle, textUnits, type FlowContext, type Place } from './blocks.js';
import { baselineIn, type Unit } from './flow.js';

/**
 * Letter-spacing of the kicker, as a fraction of its size. Checked with poppler 22: from about 0.1
 * pdftotext splits the capitals into separate words ("F E AT U R E S"), so stay well below.
 */
const KICKER_TRACKING = 0.06;

/** The opening's units; `node` is the article's Art element, `dest` its named destination. */
export function openingUnits(article: Article, node: StructNode, dest: string, ctx: FlowContext, width: number): Unit[] {
  const { meta } = article;
  const lang = meta.lang;
  const base: Place = { parent: node, lang, x: 0, width, path: [], indent: false, first: false };
  const units: Unit[] = [];
  const para = (line: OpeningLine): StructNode => structChild(node, 'P', line.lang.toLowerCase() !== lang.toLowerCase() ? { lang: line.lang } : {});

  if (meta.section !== undefined && meta.section.trim() !== '') units.push(...kickerUnits(meta.section.trim(), node, base, ctx));

  const h1 = structChild(node, 'H1');
  const t = headingStyle(1, ctx);
  const title = textUnits([{ type: 'text', value: meta.title }], h1, {
    place: { ...base, parent: h1 }, ctx, face: t.face, size: t.size, leading: t.leading, align: 'left', hyphenate: false, spaceBefore: ctx.leading * 0.2,
  });
  if (title[0]) title[0].outline = { title: meta.title, level: 1 };
  units.push(...title);

  if (meta.subtitle) {
    const dek = structChild(node, 'P');
    units.push(...textUnits([{ type: 'text', value: meta.subtitle }], dek, {
      place: { ...base, parent: dek }, ctx, face: 'italic', size: ctx.fontSize * 1.15, leading: ctx.leading * 1.15, align: 'left', hyphenate: false, spaceBefore: ctx.leading * 0.4,
    }));
  }
  const byline = bylineText(meta.authors, lang);
  if (byline) {
    const p = para(byline);
    units.push(...textUnits([{ type: 'text', value: byline.text }], p, {
      place: { ...base, parent: p, lang: byline.lang }, ctx, face: 'regular', size: ctx.fontSize * 0.9, leading: ctx.leading, align: 'left', hyphenate: false, spaceBefore: ctx.leading * 0.5,
    }));
  }
  const dateline = datelineText(meta.published, meta.modified, lang);
  if (dateline) {
    const p = para(dateline);
    const lines = textUnits([{ type: 'text', value: dateline.text }], p, {
      place: { ...base, parent: p, lang: dateline.lang }, ctx, face: 'italic', size: ctx.fontSize * 0.85, leading: ctx.leading * 0.95, align: 'left', hyphenate: false, spaceBefore: byline ? 0 : ctx.leading * 0.5,
    });
    for (const u of lines) for (const item of u.items) if (item.kind === 'text') item.tint = 'grey';
    units.push(...lines);
  }

  for (const u of units) {
    u.keepWithNext = true;
    delete u.origin;
  }
  const end = units[units.length - 1];
  if (end) end.keepLines = 2;
  const head = units[0];
  if (head) {
    head.spaceBefore = 0;
    head.pageBreakBefore = true;
    head.items.unshift({ kind: 'dest', name: dest, x: 0, y: 0 });
    // The opening page is the article's first page even before its first body line; the empty
    // path means "the article's start", where the EPUB places its marker (before the header).
    head.origin = { block: [], offset: 0 };
  }
  return units;
}

/** The section in letter-spaced capitals on one line, or wrapped plainly when it is too long. */
function kickerUnits(section: string, parent: StructNode, base: Place, ctx: FlowContext): Unit[] {
  const size = ctx.fontSize * 0.8;
  const face = 'bold' as const;
  const p = structChild(parent, 'P', { actualText: section });
  const caps = drawableText(section.toLocaleUpperCase(base.lang), face, ctx.inline.missing);
  const tracking = size * KICKER_TRACKING;
  const width = textWidth(caps, face, size) + tracking * [...caps].length;
  if (width > base.width) {
    return textUnits([{ type: 'text', value: section }], p, { place: { ...base, parent: p }, ctx, face, size, leading: ctx.leading, align: 'left', hyphenate: false, spaceBefore: 0 });
  }
  return [{
    height: ctx.leading,
    items: [{ kind: 'text', x: base.x, y: baselineIn(ctx.leading, face, size), text: caps, style: { face, size }, width, owner: { node: p }, tint: 'grey', tracking }],
    spaceBefore: 0,
    keepWithNext: true,
    article: ctx.article,
  }];
}
