/**
 * Flow units: what pagination moves around. A unit is a line, a figure with its caption or a
 * table row — something never split across pages — with the rules that bind it to its
 * neighbours (keep with next, space before, a header to repeat).
 */
import { verticalMetrics } from '../font-metrics.js';
import { parseStyleKey, type Face } from '../text-style.js';
import type { FigureFrame } from './figure-unit.js';
import type { InlineRef, RunSource } from './inline-runs.js';
import { sourceOffset } from './inline-runs.js';
import type { PageItem, PlacedRule, PlacedText } from './page-items.js';
import type { SetLine } from './set-paragraph.js';

export interface Unit {
  height: number;
  /** x from the text block's left edge, y from the unit's top. */
  items: PageItem[];
  /** Space above the unit, dropped at the top of a page. */
  spaceBefore: number;
  /** Never break a page between this unit and the next. */
  keepWithNext: boolean;
  /**
   * Never break between this unit and the next where the reader turns the leaf (after a recto):
   * a line ending in a hyphen may end a verso, whose recto faces it across the spread, but not a recto.
   */
  keepOverLeaf?: boolean;
  pageBreakBefore?: boolean;
  /** Where the unit's text begins in the model (for the page map). */
  origin?: { block: number[]; offset: number };
  /** Units (a table's header rows, as artifacts) to repeat when a page breaks before this unit. */
  repeatHeader?: Unit[];
  /** An outline entry (bookmark) that points at this unit. */
  outline?: { title: string; level: number };
  /** Index of the article this unit belongs to (running heads, page map). */
  article: number;
  /** Keep with this many lines of text that follow (a heading's 2); applied by {@link applyKeepLines}. */
  keepLines?: number;
  /** A unit that may be set smaller to fit the rest of a page (a figure); see {@link Shrink}. */
  shrink?: Shrink;
}

/**
 * How a unit gets smaller: a careful typesetter scales a figure down a little rather than leave
 * half a page empty, but not so far that it stops being legible. Plain data (no closure), so that
 * laid-out units can be cloned to and from worker threads and the layout cache.
 */
export interface Shrink {
  /** The least height the unit may take (its smallest acceptable size). */
  minHeight: number;
  /** The figure the unit sets; layout/figure-unit.ts sets it smaller. */
  figure: FigureFrame;
}

/** Baseline of a line of `size` text in a line box `leading` high, centred like CSS. */
export function baselineIn(leading: number, face: Face, size: number): number {
  const m = verticalMetrics(face, size);
  return (leading - (m.ascent - m.descent)) / 2 + m.ascent;
}

export interface LineUnitOptions {
  article: number;
  leading: number;
  /** Left edge of the lines within the text block. */
  x: number;
  /** Width the lines were set in (for right/centre alignment). */
  width: number;
  firstIndent?: number;
  align?: 'start' | 'end' | 'center';
  sources: readonly RunSource[];
  /** The block's model plain text and path, for page-map origins. */
  block: number[];
  plain: string;
  face: Face;
  size: number;
  spaceBefore: number;
}

/**
 * Units of set lines, with widow and orphan control: the first two and the last two lines of a
 * paragraph stay together, so no page begins with a paragraph's last line or ends with its first;
 * and no recto ends on a hyphen.
 */
export function lineUnits(lines: readonly SetLine[], o: LineUnitOptions): Unit[] {
  const baseline = baselineIn(o.leading, o.face, o.size);
  const units: Unit[] = lines.map((line, n) => {
    const indent = n === 0 ? (o.firstIndent ?? 0) : 0;
    const shift = o.align === 'end' ? o.width - indent - line.width : o.align === 'center' ? (o.width - indent - line.width) / 2 : 0;
    const items: PageItem[] = [];
    line.fragments.forEach((f, k) => {
      const ref = f.ref as InlineRef;
      const x = o.x + indent + shift + f.x;
      if (ref.anchor !== undefined) items.push({ kind: 'dest', name: ref.anchor, x, y: 0 });
      // Optional members assigned, not spread in: one placed text per word of the book.
      const text: PlacedText = { kind: 'text', x, y: baseline - ref.rise, text: f.text, style: parseStyleKey(f.style), width: f.width, owner: { node: ref.node } };
      if (f.space) text.space = true;
      if (line.hyphenated && k === line.fragments.length - 1) text.hyphen = true;
      if (ref.link) text.link = ref.link;
      if ((f as { rtl?: boolean }).rtl) text.rtl = true;
      const spaceDx = spaceDxOf(f);
      if (spaceDx !== undefined && f.space) text.spaceDx = spaceDx;
      items.push(text);
    });
    items.push(...strikeRules(line, o.x + indent + shift, baseline));
    const first = line.fragments[0];
    let offset = first ? sourceOffset(o.sources, first.offset) : 0;
    if (n > 0 && lines[n - 1]?.hyphenated) offset = wordStart(o.plain, offset);
    return { height: o.leading, items, spaceBefore: n === 0 ? o.spaceBefore : 0, keepWithNext: false, origin: { block: o.block, offset }, article: o.article };
  });
  const count = units.length;
  if (count >= 2) units[0]!.keepWithNext = true;
  if (count >= 3) units[count - 2]!.keepWithNext = true;
  // No page turn inside a hyphenated word (TeX's \brokenpenalty): a reader would turn the leaf
  // mid-word. Across a spread (verso to recto) the eye only moves to the facing page, so the break is
  // allowed there, and the page map puts the EPUB's marker before the whole word.
  lines.forEach((line, n) => {
    if (line.hyphenated && n < count - 1) units[n]!.keepOverLeaf = true;
  });
  return units;
}

/**
 * The lines through struck-through text on one line: one rule per stretch of struck fragments
 * (across the spaces between them), at about half the x-height above the baseline. Drawn as
 * artifacts; the struck text itself stays in the structure untouched.
 */
function strikeRules(line: SetLine, x0: number, baseline: number): PlacedRule[] {
  const rules: PlacedRule[] = [];
  let open: PlacedRule | undefined;
  for (const f of line.fragments) {
    const ref = f.ref as InlineRef;
    if (!ref.strike) {
      open = undefined;
      continue;
    }
    const { size } = parseStyleKey(f.style);
    const y = baseline - ref.rise - size * 0.28;
    const x1 = x0 + f.x;
    const x2 = x1 + f.width;
    if (open && Math.abs(open.y1 - y) < 0.01) {
      open.x2 = x2;
    } else {
      open = { kind: 'rule', x1, x2, y1: y, y2: y, lineWidth: Math.max(0.4, size * 0.06) };
      rules.push(open);
    }
  }
  return rules;
}

/**
 * Chains `units[from]` to the next `lines` lines of text after it (a heading with at least two
 * lines of what follows, even when what follows is a one-line paragraph). Spacers and other
 * empty units in between are chained too; a unit that forces a page break ends the chain.
 */
export function keepWithLines(units: readonly Unit[], from: number, lines: number): void {
  let seen = 0;
  for (let j = from; j < units.length - 1 && seen < lines; j++) {
    const next = units[j + 1]!;
    if (next.pageBreakBefore) return;
    units[j]!.keepWithNext = true;
    if (next.items.some((item) => item.kind === 'text' || item.kind === 'image')) seen++;
  }
}

/** Applies every unit's `keepLines` over a whole article's units (what follows may be in the next section). */
export function applyKeepLines(units: readonly Unit[]): void {
  units.forEach((u, i) => {
    if (u.keepLines !== undefined) keepWithLines(units, i, u.keepLines);
  });
}

/** Start of the word that contains `offset` (a page that begins inside a hyphenated word). */
function wordStart(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && !/\s/u.test(text[i - 1] ?? ' ')) i--;
  return i;
}

/** Moves every item of `units` right by `dx`. */
export function shiftUnits(units: readonly Unit[], dx: number): void {
  if (dx === 0) return;
  for (const u of units) for (const item of u.items) shiftItem(item, dx, 0);
}

export function shiftItem(item: PageItem, dx: number, dy: number): void {
  if (item.kind === 'rule') {
    item.x1 += dx;
    item.x2 += dx;
    item.y1 += dy;
    item.y2 += dy;
  } else {
    item.x += dx;
    item.y += dy;
  }
}

/** Where text/bidi.ts put a word's space in a line with right-to-left text. */
function spaceDxOf(f: object): number | undefined {
  return (f as { spaceDx?: number }).spaceDx;
}
