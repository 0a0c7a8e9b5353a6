/**
 * Knuth–Plass total-fit line breaking over an item stream.
 *
 * Why total fit: choosing all the breaks of a paragraph together avoids the loose line that
 * first-fit leaves after a run of tight ones, and it weighs hyphenation against spacing. The
 * implementation follows Knuth & Plass, "Breaking Paragraphs into Lines" (1981), and TeX §813ff:
 * an active list of feasible breakpoints ordered by line number, per-fitness-class candidates
 * and demerits, prefix sums so that each line is measured in O(1). The active list stays as
 * short as the number of breakpoints that fit on one line, so the work is linear in the
 * paragraph length.
 */
import { firstFitBreaks } from './fallback-breaks.js';
import { FORBIDDEN_BREAK, FORCED_BREAK, lineStartAfter, type Item } from './items.js';

export interface BreakOptions {
  /** Largest adjustment ratio (stretch used / stretch available) of the first pass. */
  readonly tolerance: number;
  /** Tolerances of the passes tried, in order, when the previous one finds no solution. */
  readonly retryTolerances: readonly number[];
  /** Lines to add (positive) or remove (negative) relative to the optimum, as TeX's `\looseness`. */
  readonly looseness: number;
  /** Cost of every line; higher values prefer fewer lines (TeX's `\linepenalty`). */
  readonly linePenalty: number;
  /** Extra demerits for two consecutive lines ending at flagged (hyphen) breaks. */
  readonly flaggedDemerits: number;
  /** Extra demerits when the second-last line ends hyphenated (TeX's `\finalhyphendemerits`). */
  readonly finalHyphenDemerits: number;
  /** Extra demerits for adjacent lines whose fitness classes are not neighbours. */
  readonly fitnessDemerits: number;
  /**
   * Stretch every line gets at its end, as TeX's `\rightskip` of `\raggedright`: with rigid
   * interword glue this sets ragged-right text that is still optimised for an even rag. 0 for
   * justified text.
   */
  readonly raggedStretch: number;
}

export const DEFAULT_BREAK_OPTIONS: BreakOptions = Object.freeze({
  tolerance: 1.5,
  retryTolerances: Object.freeze([3]),
  looseness: 0,
  linePenalty: 10,
  flaggedDemerits: 10000,
  finalHyphenDemerits: 5000,
  fitnessDemerits: 10000,
  raggedStretch: 0,
});

export interface BreakResult {
  /** For each line, the index of the item it breaks at; the last is `items.length - 1`. */
  readonly breaks: number[];
  /** For each line, its adjustment ratio (−1…0 shrinks, >0 stretches). */
  readonly ratios: number[];
  /** Total demerits of the chosen breaks. */
  readonly demerits: number;
  /** Tolerance of the pass that produced the breaks (`Infinity` for the last resort). */
  readonly tolerance: number;
  /**
   * False when no pass found breaks within tolerance: the breaks then come from a last-resort
   * pass that accepts any line that is not overfull (or, if even that is impossible, an overfull
   * one) or, when that pass too runs out of breakpoints, from first fit (fallback-breaks.ts), and
   * the caller should set the paragraph ragged rather than stretch it. Ratios of overfull lines
   * may then be below −1 (−∞ without shrink): clamp before positioning.
   */
  readonly feasible: boolean;
}

/** 0 tight, 1 decent, 2 loose, 3 very loose (Knuth & Plass). */
export type FitnessClass = 0 | 1 | 2 | 3;

export function fitnessClass(ratio: number): FitnessClass {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

/** Badness of a line: 100·|r|³, capped so that infinitely bad lines still compare. */
export function badness(ratio: number): number {
  const a = Math.abs(ratio);
  return a >= 1000 ? 1e11 : Math.min(100 * a * a * a, 1e11);
}

/**
 * Adjustment ratio of a line of natural `width` with the given glue totals set to `target`.
 * Infinite (`fil`) stretch absorbs any shortfall; no stretch or shrink gives ±Infinity.
 */
export function adjustmentRatio(
  width: number,
  stretch: number,
  shrink: number,
  fil: number,
  target: number,
): number {
  const diff = target - width;
  if (Math.abs(diff) <= 1e-9 * Math.max(1, Math.abs(target))) return 0;
  if (diff > 0) {
    if (fil > 0) return 0;
    return stretch > 0 ? diff / stretch : Infinity;
  }
  if (!(shrink > 0)) return -Infinity;
  const r = diff / shrink;
  // Prefix sums of thirds drift by a few ulps; a line shrunk exactly to its limit must stay feasible.
  return r < -1 && r > -1 - 1e-9 ? -1 : r;
}

/** A line can be set when it need not shrink beyond its shrink nor stretch beyond `tolerance`. */
export function isFeasible(ratio: number, tolerance: number): boolean {
  return ratio >= -1 && ratio <= tolerance;
}

/** Demerits of one line (Knuth & Plass eq. (1) plus TeX's additions). */
export function lineDemerits(
  ratio: number,
  penaltyValue: number,
  options: Pick<BreakOptions, 'linePenalty'>,
): number {
  const base = (options.linePenalty + badness(ratio)) ** 2;
  if (penaltyValue >= 0) return base + penaltyValue * penaltyValue;
  if (penaltyValue > FORCED_BREAK) return base - penaltyValue * penaltyValue;
  return base;
}

/** Running totals of widths, finite stretch, shrink and `fil` glue count: totals[i] covers items[0..i). */
interface Sums {
  readonly width: Float64Array;
  readonly stretch: Float64Array;
  readonly shrink: Float64Array;
  readonly fil: Int32Array;
}

function prefixSums(items: readonly Item[]): Sums {
  const n = items.length;
  const width = new Float64Array(n + 1);
  const stretch = new Float64Array(n + 1);
  const shrink = new Float64Array(n + 1);
  const fil = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    let w = 0;
    let st = 0;
    let sh = 0;
    let f = 0;
    if (item.type === 'box') w = item.width;
    else if (item.type === 'glue') {
      w = item.width;
      sh = item.shrink;
      if (item.stretch === Infinity) f = 1;
      else st = item.stretch;
    }
    width[i + 1] = width[i]! + w;
    stretch[i + 1] = stretch[i]! + st;
    shrink[i + 1] = shrink[i]! + sh;
    fil[i + 1] = fil[i]! + f;
  }
  return { width, stretch, shrink, fil };
}

/** Ratio of the line made of items[start..b) broken at b. */
function ratioOfLine(
  items: readonly Item[],
  sums: Sums,
  start: number,
  b: number,
  target: number,
  raggedStretch: number,
): number {
  const item = items[b]!;
  const pw = item.type === 'penalty' ? item.width : 0;
  return adjustmentRatio(
    sums.width[b]! - sums.width[start]! + pw,
    sums.stretch[b]! - sums.stretch[start]! + raggedStretch,
    sums.shrink[b]! - sums.shrink[start]!,
    sums.fil[b]! - sums.fil[start]!,
    target,
  );
}

/** A feasible breakpoint: the end of the best way found so far to set the lines before it. */
interface BreakNode {
  /** Item index of the break (−1 for the paragraph start). */
  readonly index: number;
  /** First item of the line after the break. */
  readonly start: number;
  /** Number of lines before the break, i.e. the index of the line that follows it. */
  readonly line: number;
  readonly fitness: FitnessClass;
  readonly total: number;
  readonly ratio: number;
  readonly flagged: boolean;
  readonly prev: BreakNode | null;
}

type WidthOf = (line: number) => number;

function widthFunction(lineWidths: number | readonly number[]): WidthOf {
  if (typeof lineWidths === 'number') return () => lineWidths;
  if (lineWidths.length === 0) throw new RangeError('breakLines: lineWidths is empty');
  const last = lineWidths.length - 1;
  return (line) => lineWidths[line < last ? line : last]!;
}

/** Per fitness class, the best way found to reach the breakpoint under consideration. */
class Candidates {
  private readonly total = new Float64Array([Infinity, Infinity, Infinity, Infinity]);
  private readonly ratio = new Float64Array(4);
  private readonly from: (BreakNode | null)[] = [null, null, null, null];
  min = Infinity;

  offer(fitness: FitnessClass, total: number, from: BreakNode, ratio: number): void {
    if (total < this.total[fitness]!) {
      this.total[fitness] = total;
      this.from[fitness] = from;
      this.ratio[fitness] = ratio;
      if (total < this.min) this.min = total;
    }
  }

  /**
   * Append to `into` (holding `count` nodes) a new active node for each fitness class within
   * `fitnessDemerits` of the best; reset; return the new count.
   */
  flush(into: BreakNode[], count: number, index: number, start: number, flagged: boolean, fitnessDemerits: number): number {
    const limit = this.min + fitnessDemerits;
    for (let c = 0; c < 4; c++) {
      const from = this.from[c];
      const total = this.total[c]!;
      if (from && total <= limit) {
        into[count++] = {
          index,
          start,
          line: from.line + 1,
          fitness: c as FitnessClass,
          total,
          ratio: this.ratio[c]!,
          flagged,
          prev: from,
        };
      }
      this.total[c] = Infinity;
      this.from[c] = null;
    }
    this.min = Infinity;
    return count;
  }
}

/**
 * One Knuth–Plass pass at `tolerance`. Returns the nodes at the final break, or null when the
 * active list empties (no way to set the paragraph within tolerance). With `rescue`, an empty
 * active list is refilled with an overfull line from the least bad deactivated node, so the
 * pass always succeeds.
 */
function runPass(
  items: readonly Item[],
  sums: Sums,
  lineWidths: number | readonly number[],
  classLimit: number,
  options: BreakOptions,
  tolerance: number,
  rescue: boolean,
): BreakNode[] | null {
  const n = items.length;
  const { width: W, stretch: Y, shrink: Z, fil: F } = sums;
  const uniform = typeof lineWidths === 'number' ? lineWidths : -1;
  const widths = typeof lineWidths === 'number' ? [lineWidths] : lineWidths;
  const lastWidth = widths.length - 1;
  const { raggedStretch, flaggedDemerits, finalHyphenDemerits, fitnessDemerits } = options;
  let active: BreakNode[] = [
    { index: -1, start: 0, line: 0, fitness: 1, total: 0, ratio: 0, flagged: false, prev: null },
  ];
  let next: BreakNode[] = [];
  // Both lists are reused: only their first `activeCount` / `nextCount` entries are live.
  let activeCount = 1;
  let nextCount = 0;
  const candidates = new Candidates();
  for (let b = 0; b < n; b++) {
    // Legal breakpoints only: penalties below +∞, glue right after a box.
    const item = items[b]!;
    let pw = 0;
    let value = 0;
    let flagged = false;
    if (item.type === 'penalty') {
      if (item.penalty >= FORBIDDEN_BREAK) continue;
      pw = item.width;
      value = item.penalty;
      flagged = item.flagged;
    } else if (item.type !== 'glue' || b === 0 || items[b - 1]!.type !== 'box') {
      continue;
    }
    const forced = value <= FORCED_BREAK;
    const last = b === n - 1;
    const wb = W[b]! + pw;
    const yb = Y[b]! + raggedStretch;
    const zb = Z[b]!;
    const fb = F[b]!;
    let start = -1;
    let rescueFrom: BreakNode | null = null;
    let rescueRatio = -Infinity;
    let cls = -1;
    nextCount = 0;
    for (let k = 0; k < activeCount; k++) {
      const a = active[k]!;
      const c = a.line < classLimit ? a.line : classLimit;
      if (c !== cls) {
        if (candidates.min < Infinity) {
          if (start < 0) start = lineStartAfter(items, b);
          nextCount = candidates.flush(next, nextCount, b, start, flagged, fitnessDemerits);
        }
        cls = c;
      }
      const s = a.start;
      if (s >= b) {
        // The break lies in the glue discarded after `a`: no line ends here.
        if (!forced) next[nextCount++] = a;
        continue;
      }
      const target = uniform >= 0 ? uniform : widths[a.line < lastWidth ? a.line : lastWidth]!;
      const r = adjustmentRatio(wb - W[s]!, yb - Y[s]!, zb - Z[s]!, fb - F[s]!, target);
      if (r < -1 || forced) {
        if (r < -1 && rescue && (rescueFrom === null || a.total < rescueFrom.total)) {
          rescueFrom = a;
          rescueRatio = r;
        }
      } else {
        next[nextCount++] = a;
      }
      if (isFeasible(r, tolerance)) {
        const fitness = fitnessClass(r);
        let d = lineDemerits(r, value, options);
        if (flagged && a.flagged) d += flaggedDemerits;
        else if (last && a.flagged) d += finalHyphenDemerits;
        if (fitness - a.fitness > 1 || a.fitness - fitness > 1) d += fitnessDemerits;
        candidates.offer(fitness, a.total + d, a, r);
      }
    }
    if (candidates.min < Infinity) {
      if (start < 0) start = lineStartAfter(items, b);
      nextCount = candidates.flush(next, nextCount, b, start, flagged, fitnessDemerits);
    } else if (nextCount === 0 && rescueFrom !== null) {
      next[nextCount++] = {
        index: b,
        start: lineStartAfter(items, b),
        line: rescueFrom.line + 1,
        fitness: 0,
        total: rescueFrom.total + 1e15,
        ratio: rescueRatio,
        flagged,
        prev: rescueFrom,
      };
    }
    [active, next] = [next, active];
    activeCount = nextCount;
    if (activeCount === 0) return null;
  }
  return active.slice(0, activeCount).filter((a) => a.index === n - 1);
}

/** The final node honouring `looseness` (TeX §875), else the one with fewest demerits. */
function chooseFinal(finals: readonly BreakNode[], looseness: number): BreakNode {
  let best = finals[0]!;
  for (const f of finals) if (f.total < best.total) best = f;
  if (looseness === 0) return best;
  const bestLine = best.line;
  let chosen = best;
  let actual = 0;
  for (const f of finals) {
    const diff = f.line - bestLine;
    if ((diff < actual && looseness <= diff) || (diff > actual && looseness >= diff)) {
      chosen = f;
      actual = diff;
    } else if (diff === actual && f.total < chosen.total) {
      chosen = f;
    }
  }
  return chosen;
}

/**
 * Break `items` into lines of `lineWidths` (one width for all lines, or one per line with the
 * last repeated), trying `tolerance` then each retry tolerance, then a last resort, then first
 * fit: it never throws on an item stream that ends with a forced break (issue 10).
 *
 * `items` must end with a forced break (the usual `glue(0, Infinity, 0)`, `penalty(−∞)` ending).
 */
export function breakLines(
  items: readonly Item[],
  lineWidths: number | readonly number[],
  options: Partial<BreakOptions> = {},
): BreakResult {
  const opts: BreakOptions = { ...DEFAULT_BREAK_OPTIONS, ...options };
  const lastItem = items[items.length - 1];
  if (lastItem === undefined || lastItem.type !== 'penalty' || lastItem.penalty > FORCED_BREAK) {
    throw new RangeError('breakLines: items must end with a forced break');
  }
  const sums = prefixSums(items);
  widthFunction(lineWidths); // validates
  const classLimit =
    opts.looseness !== 0 ? Infinity : typeof lineWidths === 'number' ? 0 : Math.max(0, lineWidths.length - 1);
  const passes = [opts.tolerance, ...opts.retryTolerances.filter((t) => t > opts.tolerance)];
  for (const tolerance of passes) {
    const finals = runPass(items, sums, lineWidths, classLimit, opts, tolerance, false);
    if (finals !== null && finals.length > 0) return result(chooseFinal(finals, opts.looseness), tolerance, true);
  }
  const finals = runPass(items, sums, lineWidths, classLimit, opts, Infinity, true);
  if (finals !== null && finals.length > 0) return result(chooseFinal(finals, opts.looseness), Infinity, false);
  // Even the rescue pass can lose every active node (an overfull piece that ends the paragraph,
  // an empty line between forced breaks): first fit always finds breaks (issue 10).
  const breaks = firstFitBreaks(items, widthFunction(lineWidths));
  const ratios = adjustmentRatios(items, breaks, lineWidths, opts.raggedStretch);
  return { breaks, ratios, demerits: totalDemerits(items, breaks, lineWidths, opts), tolerance: Infinity, feasible: false };
}

function result(node: BreakNode, tolerance: number, feasible: boolean): BreakResult {
  const breaks: number[] = [];
  const ratios: number[] = [];
  for (let n: BreakNode | null = node; n !== null && n.index >= 0; n = n.prev) {
    breaks.push(n.index);
    ratios.push(n.ratio);
  }
  breaks.reverse();
  ratios.reverse();
  return { breaks, ratios, demerits: node.total, tolerance, feasible };
}

/** Adjustment ratio of every line of a given set of breaks (for checks and comparisons). */
export function adjustmentRatios(
  items: readonly Item[],
  breaks: readonly number[],
  lineWidths: number | readonly number[],
  raggedStretch = 0,
): number[] {
  const sums = prefixSums(items);
  const widthOf = widthFunction(lineWidths);
  const ratios: number[] = [];
  let start = 0;
  breaks.forEach((b, line) => {
    ratios.push(ratioOfLine(items, sums, start, b, widthOf(line), raggedStretch));
    start = lineStartAfter(items, b);
  });
  return ratios;
}

/**
 * Total demerits of a given set of breaks under the same rules as {@link breakLines}, so that
 * other strategies (first fit) can be compared with total fit.
 */
export function totalDemerits(
  items: readonly Item[],
  breaks: readonly number[],
  lineWidths: number | readonly number[],
  options: Partial<BreakOptions> = {},
): number {
  const opts: BreakOptions = { ...DEFAULT_BREAK_OPTIONS, ...options };
  const ratios = adjustmentRatios(items, breaks, lineWidths, opts.raggedStretch);
  let total = 0;
  let prevFitness: FitnessClass = 1;
  let prevFlagged = false;
  breaks.forEach((b, i) => {
    const item = items[b]!;
    const r = ratios[i]!;
    const value = item.type === 'penalty' ? item.penalty : 0;
    const flagged = item.type === 'penalty' && item.flagged;
    const fitness = fitnessClass(r);
    let d = lineDemerits(r, value, opts);
    if (flagged && prevFlagged) d += opts.flaggedDemerits;
    else if (b === items.length - 1 && prevFlagged) d += opts.finalHyphenDemerits;
    if (Math.abs(fitness - prevFitness) > 1) d += opts.fitnessDemerits;
    total += d;
    prevFitness = fitness;
    prevFlagged = flagged;
  });
  return total;
}
