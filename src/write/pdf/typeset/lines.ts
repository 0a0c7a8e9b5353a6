/**
 * From items and chosen breaks to positioned lines of text fragments.
 *
 * Why a separate step: breaking decides *where* lines end; this decides *where things go*
 * (glue set by the adjustment ratio, or natural widths for ragged and last lines) and keeps
 * what the tagged PDF needs to stay extractable: which fragments are followed by a space,
 * which line ends carry an inserted hyphen, the whole word behind a split, and the source
 * offsets of every fragment.
 */
import { FORCED_BREAK, HYPHEN, lineStartAfter, type Item } from './items.js';
import type { StyleKey } from './measure.js';

export type Align = 'justify' | 'left' | 'center' | 'right';

/**
 * How a line ends: at a space, with an inserted hyphen, inside a word without a hyphen
 * (after a hyphen or dash in the text, URL punctuation, a zero-width space or an emergency
 * break), at an explicit line break, or at the end of the paragraph.
 */
export type LineEnding = 'space' | 'hyphen' | 'word' | 'forced' | 'paragraph';

/** A run of text drawn in one go: consecutive pieces of one style and ref with no space between. */
export interface PlacedFragment {
  /** Text to draw, exactly; ends with the inserted {@link HYPHEN} when `hyphen` is true. */
  readonly text: string;
  readonly style: StyleKey;
  readonly ref?: unknown;
  /** Left edge, from the left edge of the paragraph (indents and alignment included). */
  readonly x: number;
  /** Advance width of `text` as set (inserted hyphen included). */
  readonly width: number;
  /** Offset in the paragraph's concatenated run text of the first character. */
  readonly offset: number;
  /** Offset just past the last source character (soft hyphens inside count, so this may exceed offset + text length). */
  readonly endOffset: number;
  /** A space (or no-break space) of the source follows, here or at the start of the next line. */
  readonly spaceAfter: boolean;
  /** The last character of `text` is a hyphen inserted by hyphenation, not in the source. */
  readonly hyphen: boolean;
  /**
   * Set on every fragment of a word that is split across lines: the word as written (no
   * inserted hyphen, no soft hyphens), for `/ActualText`.
   */
  readonly wholeWord?: string;
}

export interface Line {
  readonly fragments: readonly PlacedFragment[];
  /** The measure of this line. */
  readonly width: number;
  /** Width the content occupies as set (equals `width` when justified). */
  readonly contentWidth: number;
  /** Adjustment ratio applied to the glue (0 when set at natural width). */
  readonly ratio: number;
  /** The line was stretched or shrunk to fill its measure exactly. */
  readonly justified: boolean;
  /** The line ends with an inserted hyphen. */
  readonly hyphenated: boolean;
  readonly ending: LineEnding;
  /** Source offsets covered by the line: first character and just past the last. */
  readonly offset: number;
  readonly endOffset: number;
}

export interface LayoutOptions {
  /** Measure of each line (the last repeats), or one for all. */
  readonly lineWidths: number | readonly number[];
  /** Left indent of each line (the last repeats), or one for all; default 0. */
  readonly indents?: number | readonly number[];
  /**
   * 'justify' fills every line that does not end at a forced break; the others are set at
   * natural width (shrunk only if they would otherwise overflow) and aligned.
   */
  readonly align: Align;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function perLine(value: number | readonly number[] | undefined, line: number): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  return value[Math.min(line, value.length - 1)] ?? 0;
}

/** For each box, whether a source space (glue with text) comes before the next box. */
function spaceFlags(items: readonly Item[]): Uint8Array {
  const flags = new Uint8Array(items.length);
  let seen = false;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.type === 'box') {
      flags[i] = seen ? 1 : 0;
      seen = false;
    } else if (item.type === 'glue' && item.text !== '') {
      seen = true;
    }
  }
  return flags;
}

/** Position the lines ending at `breaks` (as returned by `breakLines`). */
export function layoutLines(items: readonly Item[], breaks: readonly number[], options: LayoutOptions): Line[] {
  const spaces = spaceFlags(items);
  const lines: Line[] = [];
  let start = 0;
  let lastOffset = 0;
  breaks.forEach((b, index) => {
    const line = layoutLine(items, spaces, start, b, index, options, lastOffset);
    lastOffset = line.endOffset;
    lines.push(line);
    start = lineStartAfter(items, b);
  });
  markSplitWords(lines);
  return lines;
}

function layoutLine(
  items: readonly Item[],
  spaces: Uint8Array,
  start: number,
  b: number,
  index: number,
  options: LayoutOptions,
  prevOffset: number,
): Line {
  const brk = items[b]!;
  const forced = brk.type === 'penalty' && brk.penalty <= FORCED_BREAK;
  const hyphenWidth = brk.type === 'penalty' && !forced ? brk.width : 0;
  let natural = hyphenWidth;
  let stretch = 0;
  let shrink = 0;
  let fil = 0;
  for (let k = start; k < b; k++) {
    const item = items[k]!;
    if (item.type === 'box') natural += item.width;
    else if (item.type === 'glue') {
      natural += item.width;
      shrink += item.shrink;
      if (item.stretch === Infinity) fil++;
      else stretch += item.stretch;
    }
  }
  const target = perLine(options.lineWidths, index);
  const diff = target - natural;
  const eps = 1e-9 * Math.max(1, target);
  const justifyLine = options.align === 'justify' && !forced;
  let ratio = 0;
  if (diff < -eps) ratio = shrink > 0 ? Math.max(diff / shrink, -1) : 0;
  else if (diff > eps && justifyLine && fil === 0 && stretch > 0) ratio = diff / stretch;
  const used = natural + (ratio > 0 ? ratio * stretch : ratio * shrink);
  const justified = justifyLine && Math.abs(used - target) <= 1e-6 * Math.max(1, target);
  const slack = Math.max(0, target - used);
  const align = options.align === 'justify' ? 'left' : options.align;
  let x = perLine(options.indents, index) + (align === 'center' ? slack / 2 : align === 'right' ? slack : 0);

  const fragments: Mutable<PlacedFragment>[] = [];
  let last: Mutable<PlacedFragment> | null = null;
  let adjacent = false;
  let offset = -1;
  let endOffset = prevOffset;
  let lastBox = -1;
  for (let k = start; k < b; k++) {
    const item = items[k]!;
    if (item.type === 'box') {
      if (offset < 0) offset = item.offset;
      endOffset = item.endOffset;
      if (item.text === '') {
        x += item.width;
        continue;
      }
      lastBox = k;
      if (last !== null && adjacent && last.style === item.style && last.ref === item.ref) {
        last.text += item.text;
        last.width += item.width;
        last.endOffset = item.endOffset;
        last.spaceAfter = spaces[k] === 1;
      } else {
        last = {
          text: item.text,
          style: item.style,
          x,
          width: item.width,
          offset: item.offset,
          endOffset: item.endOffset,
          spaceAfter: spaces[k] === 1,
          hyphen: false,
        };
        if (item.ref !== undefined) last.ref = item.ref;
        fragments.push(last);
      }
      x += item.width;
      adjacent = true;
    } else if (item.type === 'glue') {
      const flex = ratio > 0 ? (item.stretch === Infinity ? 0 : ratio * item.stretch) : ratio * item.shrink;
      x += item.width + flex;
      adjacent = false;
    }
  }
  if (hyphenWidth > 0 && last !== null) {
    last.text += HYPHEN;
    last.width += hyphenWidth;
    last.hyphen = true;
  }
  let ending: LineEnding;
  if (forced) ending = b === items.length - 1 ? 'paragraph' : 'forced';
  else if (hyphenWidth > 0) ending = 'hyphen';
  else ending = lastBox >= 0 && spaces[lastBox] === 1 ? 'space' : 'word';
  return {
    fragments,
    width: target,
    contentWidth: used,
    ratio,
    justified,
    hyphenated: ending === 'hyphen',
    ending,
    offset: offset < 0 ? prevOffset : offset,
    endOffset,
  };
}

/** Give every fragment of a word split across lines the whole word. */
function markSplitWords(lines: readonly Line[]): void {
  let group: Mutable<PlacedFragment>[] = [];
  let spansLines = false;
  const close = (): void => {
    if (spansLines && group.length > 1) {
      const word = group.map((f) => (f.hyphen ? f.text.slice(0, -HYPHEN.length) : f.text)).join('');
      for (const f of group) f.wholeWord = word;
    }
    group = [];
    spansLines = false;
  };
  for (const line of lines) {
    const fragments = line.fragments as Mutable<PlacedFragment>[];
    fragments.forEach((f, i) => {
      group.push(f);
      const lastOnLine = i === fragments.length - 1;
      const joined = lastOnLine ? line.ending === 'hyphen' || line.ending === 'word' : !f.spaceAfter;
      if (!joined) close();
      else if (lastOnLine) spansLines = true;
    });
    if (fragments.length === 0) close();
  }
  close();
}
