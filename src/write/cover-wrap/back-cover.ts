/**
 * The back cover's text: the title, the subtitle, the publication's description (the one metadata
 * record's, as the EPUB, the PDF and the JSON-LD give it) and the imprint, set ragged on the
 * language's side inside the service's safe margin, all of it clear of the barcode zone.
 * Pure: returns placed text for the drawing code, measured with the PDF's font metrics.
 *
 * A description too long for the panel is set smaller (down to {@link MIN_BODY}), then cut at a word
 * with an ellipsis and reported: a cover is not the text edition, and print services reject text
 * they cannot print legibly.
 */
import type { MetadataRecord } from '../metadata/record.js';
import { textWidth } from '../pdf/font-metrics.js';
import type { PlacedText } from '../pdf/layout/page-items.js';
import type { Rect } from '../pdf/page-geometry.js';
import type { Face } from '../pdf/text-style.js';
import { structChild, type StructNode } from '../pdf/tag/struct-node.js';
import { truncateLines, wrapBalanced, wrapGreedy } from '../cover/wrap.js';
import type { WrapGeometry } from './wrap-geometry.js';

/** Smallest body size for the description, points. */
export const MIN_BODY = 8;
/** Most lines the title or the subtitle may take. */
const MAX_HEAD_LINES = 4;

export interface BackCover {
  items: PlacedText[];
  /** The description did not fit whole even at {@link MIN_BODY}, or the title took more than {@link MAX_HEAD_LINES}. */
  truncated: boolean;
}

interface Block {
  text: string;
  face: Face;
  size: number;
  leading: number;
  spaceBefore: number;
}

/** Lays out the back cover of `g` under `parent` (the Document element). */
export function backCover(record: MetadataRecord, g: WrapGeometry, parent: StructNode): BackCover {
  // The generated front cover's margin (a tenth of the width), never less than the service's.
  const margin = Math.max(g.backSafe.x - g.back.x, g.panel.width * 0.1);
  const area: Rect = { x: g.back.x + margin, y: g.back.y + margin, width: g.back.width - 2 * margin, height: g.back.height - 2 * margin };
  // Text stops above the barcode zone; the imprint goes beside it, on the foot margin.
  const bottom = Math.min(area.y + area.height, g.barcode.y);
  // Ranged on the side the sheet reads from: right on a right-to-left book's.
  const rtl = g.direction === 'rtl';
  const items: PlacedText[] = [];
  const place = (lines: string[], b: Block, node: StructNode, top: number, width: number): number => {
    let y = top;
    lines.forEach((line, i) => {
      y += i === 0 ? b.size * 0.95 : b.leading;
      const w = textWidth(line, b.face, b.size);
      const x = rtl ? area.x + width - w : area.x;
      // A real space at each line end (but the last) so that extraction finds the word boundary.
      items.push({ kind: 'text', x, y, text: line, style: { face: b.face, size: b.size }, width: w, owner: { node }, space: i < lines.length - 1 });
    });
    return y;
  };

  const base = Math.min(12, Math.max(9, g.panel.width / 40));
  const headBlocks = (body: number): Block[] => [
    { text: record.title, face: 'bold', size: body * 1.5, leading: body * 1.5 * 1.2, spaceBefore: 0 },
    ...(record.subtitle && record.subtitle !== record.description ? [{ text: record.subtitle, face: 'italic' as const, size: body * 1.1, leading: body * 1.1 * 1.3, spaceBefore: body * 0.8 }] : []),
  ];
  const texts = record.description.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);

  // The largest body size at which everything fits above the barcode zone, in half points.
  let body = base;
  let laid = layout(body);
  while (laid.bottom > bottom && body - 0.5 >= MIN_BODY) {
    body -= 0.5;
    laid = layout(body);
  }
  let truncated = laid.headCut;
  let y = area.y;
  const head = headBlocks(body);
  for (const [i, b] of head.entries()) {
    y = place(laid.head[i]!, b, structChild(parent, i === 0 ? 'H1' : 'P'), y + b.spaceBefore, area.width);
  }
  const desc = descBlock(body);
  for (const [i, lines] of laid.paragraphs.entries()) {
    const top = y + (i === 0 ? body * 1.6 : desc.leading * 0.6);
    // Lines that still fit above the barcode zone.
    const room = Math.floor((bottom - top - desc.size * 0.95) / desc.leading) + 1;
    const fits = room >= lines.length;
    const kept = fits ? lines : truncateLines(lines, Math.max(room, 0), area.width, (t) => textWidth(t, desc.face, desc.size));
    if (kept.length === 0) {
      truncated = true;
      break;
    }
    y = place(kept, desc, structChild(parent, 'P'), top, area.width);
    if (!fits) {
      truncated = true;
      break;
    }
  }
  if (record.publisher) {
    // On the foot margin, beside the barcode zone on whichever side leaves more room.
    const gap = body;
    const before = { x: area.x, width: g.barcode.x - gap - area.x };
    const after = { x: g.barcode.x + g.barcode.width + gap, width: area.x + area.width - (g.barcode.x + g.barcode.width + gap) };
    const slot = before.width >= after.width ? before : after;
    const size = body * 0.9;
    const measure = (t: string): number => textWidth(t, 'regular', size);
    const [line] = slot.width > 0 ? truncateLines(wrapGreedy(record.publisher, slot.width, measure), 1, slot.width, measure) : [];
    if (line) {
      const w = measure(line);
      const x = rtl ? slot.x + slot.width - w : slot.x;
      items.push({ kind: 'text', x, y: area.y + area.height, text: line, style: { face: 'regular', size }, width: w, owner: { node: structChild(parent, 'P') } });
    }
  }
  return { items, truncated };

  function descBlock(size: number): Block {
    return { text: '', face: 'regular', size, leading: size * 1.4, spaceBefore: size * 1.6 };
  }

  /** The lines of every block at body size `size`, and where the last one ends. */
  function layout(size: number): { head: string[][]; headCut: boolean; paragraphs: string[][]; bottom: number } {
    let at = area.y;
    let headCut = false;
    const head = headBlocks(size).map((b) => {
      const measure = (t: string): number => textWidth(t, b.face, b.size);
      // However long the title, it leaves room for the description.
      const all = wrapBalanced(b.text, area.width, measure);
      headCut ||= all.length > MAX_HEAD_LINES;
      const lines = truncateLines(all, MAX_HEAD_LINES, area.width, measure);
      at += b.spaceBefore + b.size * 0.95 + (lines.length - 1) * b.leading;
      return lines;
    });
    const d = descBlock(size);
    const paragraphs = texts.map((p, i) => {
      const lines = wrapGreedy(p, area.width, (t) => textWidth(t, d.face, d.size));
      at += (i === 0 ? d.spaceBefore : d.leading * 0.6) + d.size * 0.95 + (lines.length - 1) * d.leading;
      return lines;
    });
    return { head, headCut, paragraphs, bottom: at + d.size * 0.3 };
  }
}
