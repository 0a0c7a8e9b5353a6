/**
 * The Knuth–Plass item stream: a paragraph reduced to boxes, glue and penalties.
 *
 * Why a tiny discriminated union: line breaking, positioning and the item builder are pure
 * functions over this one representation (as in TeX and tex-linebreak), so each can be tested
 * on hand-written items without fonts, text or pdfkit.
 */
import type { StyleKey } from './measure.js';

/**
 * Something that is drawn and never broken or stretched: a piece of a word.
 *
 * The payload (`text`, `style`, `ref`, offsets) is what the positioning step hands to the PDF
 * writer; the line breaker looks only at `width`.
 */
export interface Box {
  readonly type: 'box';
  readonly width: number;
  /** The text drawn (never contains soft hyphens); '' for a structural placeholder. */
  readonly text: string;
  readonly style: StyleKey;
  /** Opaque caller tag carried through to the placed fragment (a link, a language span…). */
  readonly ref?: unknown;
  /** Offset of the first character in the paragraph's concatenated run text. */
  readonly offset: number;
  /** Offset just past the last character in the concatenated run text. */
  readonly endOffset: number;
}

/**
 * Space that may stretch or shrink, and a break opportunity when it follows a box.
 *
 * `stretch` may be `Infinity` (TeX's `fil`): such glue absorbs all the slack of its line, which is
 * how the last line of a paragraph is left unjustified.
 */
export interface Glue {
  readonly type: 'glue';
  readonly width: number;
  readonly stretch: number;
  readonly shrink: number;
  /**
   * The source whitespace this glue stands for: ' ' for an interword space, '\u00A0' for a
   * no-break space, '' for purely structural glue (paragraph fill, zero-width space). Kept so
   * that text extraction from the PDF can recover the spaces.
   */
  readonly text: string;
}

/**
 * A potential break with a cost: negative invites a break, {@link FORBIDDEN_BREAK} prevents
 * one, {@link FORCED_BREAK} demands one. `width` is typeset only if the break is taken (the
 * hyphen of a hyphenated word); `flagged` marks hyphen-like breaks so that consecutive
 * hyphenated lines cost extra.
 */
export interface Penalty {
  readonly type: 'penalty';
  readonly width: number;
  readonly penalty: number;
  readonly flagged: boolean;
}

export type Item = Box | Glue | Penalty;

/** A penalty at or below this value is a mandatory break (TeX's −10000, "−∞"). */
export const FORCED_BREAK = -10000;
/** A penalty at or above this value can never be a break (TeX's 10000, "+∞"). */
export const FORBIDDEN_BREAK = 10000;

/** The character inserted at a hyphenated line end. */
export const HYPHEN = '-';

export function box(
  width: number,
  text: string,
  style: StyleKey,
  offset: number,
  endOffset: number,
  ref?: unknown,
): Box {
  return ref === undefined
    ? { type: 'box', width, text, style, offset, endOffset }
    : { type: 'box', width, text, style, ref, offset, endOffset };
}

export function glue(width: number, stretch: number, shrink: number, text = ''): Glue {
  return { type: 'glue', width, stretch, shrink, text };
}

export function penalty(width: number, cost: number, flagged = false): Penalty {
  return { type: 'penalty', width, penalty: cost, flagged };
}

/** A mandatory break. */
export function forcedBreak(): Penalty {
  return penalty(0, FORCED_BREAK, false);
}

/** Whether a penalty value demands a break. */
export function isForced(item: Item): boolean {
  return item.type === 'penalty' && item.penalty <= FORCED_BREAK;
}

/**
 * Whether `items[i]` is a legal breakpoint: a penalty below +∞, or glue right after a box
 * (glue after glue or after a penalty would leave an empty gap at the line end).
 */
export function isLegalBreak(items: readonly Item[], i: number): boolean {
  const item = items[i];
  if (item === undefined) return false;
  if (item.type === 'penalty') return item.penalty < FORBIDDEN_BREAK;
  if (item.type === 'glue') return i > 0 && items[i - 1]?.type === 'box';
  return false;
}

/**
 * The first item of the line that starts after a break at `b`: glue and non-forced penalties
 * right after a break vanish (TeX discards them), up to the next box or forced break.
 */
export function lineStartAfter(items: readonly Item[], b: number): number {
  let i = b + 1;
  for (; i < items.length; i++) {
    const item = items[i]!;
    if (item.type === 'box') break;
    if (item.type === 'penalty' && item.penalty <= FORCED_BREAK) break;
  }
  return i;
}
