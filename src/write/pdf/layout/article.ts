/**
 * One article as flow units: its opening (layout/opening.ts) on a new page, the body
 * in sections (a Sect per h2), and its notes at the end, each note linked both ways with its
 * reference.
 */
import type { Article } from '../../../model/publication.js';
import { inlineText } from '../../../model/text.js';
import { structChild, type StructNode } from '../tag/struct-node.js';
import { headingStyle, sequenceUnits, textUnits, type FlowContext, type Place } from './blocks.js';
import { applyKeepLines, type Unit } from './flow.js';
import { openingUnits } from './opening.js';

/** The heading of the notes section, in the article's language. */
export function notesTitle(lang: string): string {
  const primary = lang.toLowerCase().split('-')[0];
  const titles: Record<string, string> = { de: 'Anmerkungen', fr: 'Notes', es: 'Notas', it: 'Note', pt: 'Notas', nl: 'Noten', el: 'Σημειώσεις', ru: 'Примечания' };
  return titles[primary ?? ''] ?? 'Notes';
}

export interface ArticleNames {
  /** Named destination of the article's start. */
  dest: string;
  /** Note id → number and destinations. */
  notes: Map<string, { label: string; dest: string; backDest: string }>;
}

/** The article's units; `node` is its Art element. */
export function articleUnits(article: Article, index: number, node: StructNode, names: ArticleNames, ctx: FlowContext, width: number): Unit[] {
  const lang = article.meta.lang;
  const base: Omit<Place, 'path' | 'indent' | 'first'> = { parent: node, lang, x: 0, width };
  const units: Unit[] = [];

  // Opening: kicker, title (H1), dek, byline, dateline.
  units.push(...openingUnits(article, node, names.dest, ctx, width));
  const bodyStart = units.length;

  // Body: a Sect opens at every h2 and holds everything up to the next.
  let parent = node;
  let run: { start: number; blocks: Article['body'] } = { start: 0, blocks: [] };
  const flush = (): void => {
    if (run.blocks.length === 0) return;
    const sectionUnits = sequenceUnits(run.blocks, { ...base, parent }, [], ctx);
    // sequenceUnits numbers blocks from 0; make their paths absolute.
    for (const u of sectionUnits) if (u.origin) u.origin = { ...u.origin, block: [run.start + (u.origin.block[0] ?? 0), ...u.origin.block.slice(1)] };
    units.push(...sectionUnits);
  };
  article.body.forEach((block, i) => {
    if (block.type === 'heading' && block.level === 2) {
      flush();
      parent = structChild(node, 'Sect');
      run = { start: i, blocks: [block] };
    } else {
      run.blocks.push(block);
    }
  });
  flush();
  const firstBody = units[bodyStart];
  if (firstBody) firstBody.spaceBefore = ctx.leading * 1.5;

  // Notes at the end of the article, in the order of their numbers.
  if (article.notes.length > 0) {
    const sect = structChild(node, 'Sect');
    const h2 = structChild(sect, 'H2');
    const s = headingStyle(2, ctx);
    const heading = textUnits([{ type: 'text', value: notesTitle(lang) }], h2, {
      place: { ...base, parent: h2, path: [], indent: false, first: false }, ctx, face: s.face, size: s.size, leading: s.leading, align: 'left', hyphenate: false, spaceBefore: ctx.leading * 1.25,
    });
    for (const u of heading) { u.keepWithNext = true; delete u.origin; }
    if (heading[0]) heading[0].outline = { title: notesTitle(lang), level: 2 };
    const lastLine = heading[heading.length - 1];
    if (lastLine) lastLine.keepLines = 2;
    units.push(...heading);
    const ordered = article.notes
      .map((note, i) => ({ note, i, label: names.notes.get(note.id)?.label ?? '' }))
      .sort((a, b) => Number(a.label) - Number(b.label));
    const noteSize = ctx.fontSize * 0.9;
    const noteCtx: FlowContext = { ...ctx, fontSize: noteSize, leading: Math.round(noteSize * 1.4 * 4) / 4 };
    for (const { note, i, label } of ordered) {
      const names_ = names.notes.get(note.id);
      const noteNode = structChild(sect, 'Note', { id: `note-${index + 1}-${note.id}` });
      const back = structChild(noteNode, 'Link');
      const noteUnits = sequenceUnits(note.children, { ...base, parent: noteNode }, [article.body.length + i], noteCtx,
        names_ ? { label, link: { target: { dest: names_.backDest }, node: back, contents: `Back to the reference of note ${label}` } } : undefined);
      const first = noteUnits[0];
      if (first) {
        first.spaceBefore = ctx.leading * 0.3;
        if (names_) first.items.unshift({ kind: 'dest', name: names_.dest, x: 0, y: 0 });
      }
      units.push(...noteUnits);
    }
  }
  applyKeepLines(units);
  return units;
}

/** Numbers an article's notes in order of first reference (unreferenced notes follow). */
export function noteNames(article: Article, index: number): Map<string, { label: string; dest: string; backDest: string }> {
  const order: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const node = value as { type?: string; id?: string };
      if (node.type === 'noteRef' && typeof node.id === 'string' && !order.includes(node.id)) order.push(node.id);
      for (const v of Object.values(value)) if (v && typeof v === 'object') visit(v);
    }
  };
  visit(article.body);
  for (const n of article.notes) if (!order.includes(n.id)) order.push(n.id);
  const known = new Set(article.notes.map((n) => n.id));
  const map = new Map<string, { label: string; dest: string; backDest: string }>();
  order.filter((id) => known.has(id)).forEach((id, k) => {
    map.set(id, { label: String(k + 1), dest: `note-${index + 1}-${id}`, backDest: `noteref-${index + 1}-${id}` });
  });
  return map;
}

/** Plain text of an article's title (for running heads and the TOC). */
export function articleTitle(article: Article): string {
  return inlineText([{ type: 'text', value: article.meta.title }]);
}
