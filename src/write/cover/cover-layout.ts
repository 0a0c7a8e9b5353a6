/**
 * Lays out the generated cover: where every line of text and every rule goes, in points, on the
 * trim. Pure (no fonts opened, nothing rendered): widths come from a `TextMeasure`, so tests can
 * check the geometry directly — every line inside the safe area, every text colour legible.
 *
 * The design is a broadsheet's front page: a folio strip between a heavy and a hairline rule
 * (series left, year right), the title large and bold below it, an accent rule, the subtitle in
 * italic, and the credits and the imprint at the foot. All text is ranged left on one margin.
 */
import type { CoverStyle } from './cover-fonts.js';
import type { TextMeasure } from './font-metrics.js';
import type { CoverText } from './cover-text.js';
import { PALETTE, type CoverPalette } from './palette.js';
import { splitWord, truncateLines, wrapBalanced, wrapGreedy, wrapUnits, type Measure } from './wrap.js';

/** A rectangle in points, origin at the top-left corner of the trim, y growing downwards. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of text, placed. */
export interface PlacedLine {
  /** What the line belongs to. */
  role: 'series' | 'year' | 'title' | 'subtitle' | 'credit' | 'imprint';
  text: string;
  style: CoverStyle;
  sizePt: number;
  /** Extra space between characters (SVG `letter-spacing`), in points. */
  trackingPt: number;
  fill: keyof CoverPalette;
  /** Pen position at the start of the line (SVG `x`). */
  x: number;
  baseline: number;
  /** Measured width, overhanging ink included. */
  width: number;
  /** Line box: advances and ink across, the font's ascender and descender up and down. */
  box: Box;
}

/** A filled rectangle (rules and bars). */
export interface PlacedRule {
  box: Box;
  fill: keyof CoverPalette;
}

export interface CoverLayout {
  /** Trim size in points. */
  trim: { width: number; height: number };
  /** Bleed on every side, in points; the background extends into it. */
  bleed: number;
  /** Nothing but the background lies outside this box. */
  safe: Box;
  background: keyof CoverPalette;
  rules: PlacedRule[];
  /** In reading order: top to bottom. */
  lines: PlacedLine[];
  /** Colours, resolved. */
  palette: CoverPalette;
}

/** Proportions of the design, in hundredths of the cover's reference width (see `unit`). */
const DESIGN = {
  margin: 10,
  folioSize: 2.7,
  tracking: 0.16, // em, for capitals
  heavyRule: 0.8,
  hairline: 0.2,
  folioGap: 1.7, // between a rule and the folio's capitals
  titleGap: 9, // between the folio strip and the title
  titleMax: 14,
  titleMin: 5,
  titleMaxLines: 5,
  titleLeading: 1.08,
  titleDrop: 0.25, // share of the free space above the title block
  accentWidth: 14,
  accentHeight: 0.7,
  accentGap: 4.2,
  subtitleSize: 4.7,
  subtitleMin: 3.4,
  subtitleRatio: 0.42, // of the title size
  subtitleLeading: 1.3,
  subtitleMaxLines: 4,
  authorSize: 4.6,
  roleSize: 3.7,
  creditLeading: 1.3,
  creditGap: 0.8, // between credit groups
  creditMaxLines: 5,
  footGap: 7, // between the title block and the credits, at least
  imprintSize: 2.7,
  imprintGap: 2.6, // between the hairline and the imprint
};

/**
 * The design unit: a hundredth of the trim width, or of the width an ISO page of the same height
 * would have when the trim is unusually wide (so landscape trims do not get giant type).
 */
function unit(trim: { width: number; height: number }): number {
  return Math.min(trim.width, trim.height / Math.SQRT2) / 100;
}

/** Lays out `text` on a trim of `trim` points with `bleed` points of bleed. */
export function coverLayout(text: CoverText, trim: { width: number; height: number }, bleed: number, measure: TextMeasure): CoverLayout {
  const u = unit(trim);
  // At least a quarter inch: print services reject text closer than that to the trim.
  const margin = Math.max(DESIGN.margin * u, 18);
  const safe: Box = { x: margin, y: margin, width: trim.width - 2 * margin, height: trim.height - 2 * margin };
  const lines: PlacedLine[] = [];
  const rules: PlacedRule[] = [];
  const left = safe.x;
  const right = safe.x + safe.width;

  // `boxLeft` is where the line's box starts; the pen starts later when the first glyph overhangs.
  const place = (role: PlacedLine['role'], content: string, style: CoverStyle, sizePt: number, fill: keyof CoverPalette, boxLeft: number, baseline: number, trackingPt = 0): PlacedLine => {
    const { ascent, descent } = measure.extent(style);
    const width = measure.width(content, style, sizePt, trackingPt);
    const x = boxLeft + measure.overhang(content, style, sizePt);
    const line: PlacedLine = {
      role, text: content, style, sizePt, trackingPt, fill, x, baseline, width,
      box: { x: boxLeft, y: baseline - ascent * sizePt, width, height: (ascent + descent) * sizePt },
    };
    lines.push(line);
    return line;
  };
  const upper = (s: string): string => s.toLocaleUpperCase(text.lang);
  const rule = (y: number, height: number, fill: keyof CoverPalette = 'ink'): void => {
    rules.push({ box: { x: left, y, width: safe.width, height }, fill });
  };

  // Folio strip: heavy rule, capitals, hairline.
  let y = safe.y;
  rule(y, DESIGN.heavyRule * u);
  y += DESIGN.heavyRule * u + DESIGN.folioGap * u;
  const folio = DESIGN.folioSize * u;
  const folioTracking = DESIGN.tracking * folio;
  const { ascent: folioAscent, descent: folioDescent } = measure.extent('regular');
  const folioBaseline = y + folioAscent * folio;
  const yearText = text.year ?? '';
  const yearWidth = yearText ? measure.width(yearText, 'regular', folio, folioTracking) : 0;
  if (text.series) {
    const series = upper(text.seriesPosition ? `${text.series} · ${text.seriesPosition}` : text.series);
    const room = safe.width - (yearWidth ? yearWidth + 4 * u : 0);
    const m: Measure = (s) => measure.width(s, 'regular', folio, folioTracking);
    const [fitted] = truncateLines(wrapGreedy(series, room, m).flatMap((l) => (m(l) > room ? splitWord(l, room, m) : [l])), 1, room, m);
    place('series', fitted, 'regular', folio, 'accent', left, folioBaseline, folioTracking);
  }
  if (yearText) place('year', yearText, 'regular', folio, 'ink', right - yearWidth, folioBaseline, folioTracking);
  y = folioBaseline + folioDescent * folio + DESIGN.folioGap * u;
  rule(y, DESIGN.hairline * u);
  const mastheadBottom = y + DESIGN.hairline * u;

  // Foot, from the bottom up: imprint, hairline, credits.
  let foot = safe.y + safe.height;
  if (text.publisher) {
    const size = DESIGN.imprintSize * u;
    const tracking = DESIGN.tracking * size;
    const m: Measure = (s) => measure.width(s, 'regular', size, tracking);
    const [imprint] = truncateLines(wrapGreedy(upper(text.publisher), safe.width, m), 1, safe.width, m);
    const { ascent, descent } = measure.extent('regular');
    const baseline = foot - descent * size;
    place('imprint', imprint, 'regular', size, 'ink', left, baseline, tracking);
    foot = baseline - ascent * size - DESIGN.imprintGap * u;
    rule(foot - DESIGN.hairline * u, DESIGN.hairline * u);
    foot -= DESIGN.hairline * u + DESIGN.imprintGap * u;
  }
  const creditBlocks = text.credits.map((c) => {
    const author = c.role === 'aut';
    const style: CoverStyle = author ? 'regular' : 'italic';
    const size = (author ? DESIGN.authorSize : DESIGN.roleSize) * u;
    const m: Measure = (s) => measure.width(s, style, size);
    return { style, size, fill: (author ? 'ink' : 'inkSoft') as keyof CoverPalette, lines: fitWidth(wrapGreedy(c.text, safe.width, m), safe.width, m) };
  });
  // Too many names: keep the first lines, end with an ellipsis (the alt text has them all).
  let budget = DESIGN.creditMaxLines;
  for (const block of creditBlocks) {
    const m: Measure = (s) => measure.width(s, block.style, block.size);
    block.lines = budget > 0 ? truncateLines(block.lines, budget, safe.width, m) : [];
    budget -= block.lines.length;
  }
  const shown = creditBlocks.filter((b) => b.lines.length > 0);
  for (let i = shown.length - 1; i >= 0; i--) {
    const block = shown[i];
    const { ascent, descent } = measure.extent(block.style);
    const leading = DESIGN.creditLeading * block.size;
    let baseline = foot - descent * block.size;
    for (let j = block.lines.length - 1; j >= 0; j--) {
      place('credit', block.lines[j], block.style, block.size, block.fill, left, baseline);
      if (j > 0) baseline -= leading;
    }
    foot = baseline - ascent * block.size - (i > 0 ? DESIGN.creditGap * u : 0);
  }

  // Title block: title, accent rule, subtitle — between the masthead and the foot.
  const top = mastheadBottom + DESIGN.titleGap * u;
  const bottom = foot - DESIGN.footGap * u;
  placeTitleBlock(text, { top, bottom, left, width: safe.width }, u, measure, place, rules);

  // The foot was set bottom-up; list the lines in reading order, top to bottom, left to right.
  lines.sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  return { trim: { ...trim }, bleed, safe, background: 'paper', rules, lines, palette: PALETTE };
}

type Place = (role: PlacedLine['role'], content: string, style: CoverStyle, sizePt: number, fill: keyof CoverPalette, x: number, baseline: number) => PlacedLine;

/** Lines wider than `width` (single long words) are split between characters. */
function fitWidth(lines: string[], width: number, m: Measure): string[] {
  return lines.flatMap((l) => (m(l) > width ? splitWord(l, width, m) : [l]));
}

/** Height of `n` lines: first ascender to last descender. */
function blockHeight(n: number, sizePt: number, leading: number, extent: { ascent: number; descent: number }): number {
  return n === 0 ? 0 : (n - 1) * leading * sizePt + (extent.ascent + extent.descent) * sizePt;
}

/**
 * Sets the title as large as fits (from `titleMax` down to `titleMin`, in quarter points), with the
 * subtitle below it, scaled with the title within its own limits. When even the smallest title does not fit, the subtitle gives up
 * lines first, then the title is cut with an ellipsis; the full text is always in the alt text.
 */
function placeTitleBlock(
  text: CoverText,
  region: { top: number; bottom: number; left: number; width: number },
  u: number,
  measure: TextMeasure,
  place: Place,
  rules: PlacedRule[],
): void {
  const titleExtent = measure.extent('bold');
  const subExtent = measure.extent('italic');
  const accentBlock = 2 * DESIGN.accentGap * u + DESIGN.accentHeight * u;
  const available = region.bottom - region.top;
  // The subtitle follows the title down in size, so a long title does not end up lighter than it.
  const subSizeFor = (titleSize: number): number =>
    Math.min(DESIGN.subtitleSize * u, Math.max(DESIGN.subtitleMin * u, DESIGN.subtitleRatio * titleSize));
  const subWrap = (subSize: number): string[] => {
    if (!text.subtitle) return [];
    const m: Measure = (s) => measure.width(s, 'italic', subSize);
    return fitWidth(wrapBalanced(text.subtitle, region.width, m), region.width, m);
  };
  const subtitleHeight = (n: number, subSize: number): number =>
    n === 0 ? 0 : accentBlock + blockHeight(n, subSize, DESIGN.subtitleLeading, subExtent);
  const titleAt = (size: number): string[] => {
    const m: Measure = (s) => measure.width(s, 'bold', size);
    return fitWidth(wrapBalanced(text.title, region.width, m), region.width, m);
  };
  const wordsFit = (s: number): boolean => wrapUnits(text.title).every((w) => measure.width(w.text, 'bold', s) <= region.width);
  const fits = (lines: string[], s: number, subLines: number, subSize: number): boolean =>
    blockHeight(lines.length, s, DESIGN.titleLeading, titleExtent) + subtitleHeight(subLines, subSize) <= available;

  // The largest size, on a quarter-point grid, at which the title fits whole, no word broken, in at
  // most `titleMaxLines` lines. Widths scale with the size, so line counts only grow as the size
  // does and a binary search finds it.
  const settledAt = (s: number): boolean => {
    const lines = titleAt(s);
    const sub = Math.min(subWrap(subSizeFor(s)).length, DESIGN.subtitleMaxLines);
    return lines.length <= DESIGN.titleMaxLines && wordsFit(s) && fits(lines, s, sub, subSizeFor(s));
  };
  let lo = Math.ceil(DESIGN.titleMin * u * 4); // quarter points
  let hi = Math.floor(DESIGN.titleMax * u * 4);
  if (settledAt(hi / 4)) lo = hi;
  else {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (settledAt(mid / 4)) lo = mid;
      else hi = mid;
    }
  }
  const size = lo / 4;
  let title = titleAt(size);
  const subSize = subSizeFor(size);
  const subAll = subWrap(subSize);
  const subMeasure: Measure = (s) => measure.width(s, 'italic', subSize);
  let subLines = truncateLines(subAll, DESIGN.subtitleMaxLines, region.width, subMeasure);
  if (!fits(title, size, subLines.length, subSize)) {
    // Give the title the room: the subtitle shrinks to one line, then goes.
    for (let n = Math.min(subLines.length, 1); n >= 0 && !fits(title, size, subLines.length, subSize); n--) {
      subLines = truncateLines(subAll, n, region.width, subMeasure);
    }
    const room = available - subtitleHeight(subLines.length, subSize);
    let n = title.length;
    while (n > 1 && blockHeight(n, size, DESIGN.titleLeading, titleExtent) > room) n--;
    title = truncateLines(title, n, region.width, (s) => measure.width(s, 'bold', size));
  }

  // A short block sits a little below the masthead rather than against it, at a quarter of the
  // free space: high enough to read as the top of the page, low enough not to look pushed up.
  const used = blockHeight(title.length, size, DESIGN.titleLeading, titleExtent) + subtitleHeight(subLines.length, subSize);
  const offset = Math.max(0, available - used) * DESIGN.titleDrop;
  let baseline = region.top + offset + titleExtent.ascent * size;
  title.forEach((line, i) => {
    if (i > 0) baseline += DESIGN.titleLeading * size;
    place('title', line, 'bold', size, 'ink', region.left, baseline);
  });
  if (subLines.length === 0) return;
  const accentTop = baseline + titleExtent.descent * size + DESIGN.accentGap * u;
  rules.push({ box: { x: region.left, y: accentTop, width: DESIGN.accentWidth * u, height: DESIGN.accentHeight * u }, fill: 'accent' });
  baseline = accentTop + DESIGN.accentHeight * u + DESIGN.accentGap * u + subExtent.ascent * subSize;
  subLines.forEach((line, i) => {
    if (i > 0) baseline += DESIGN.subtitleLeading * subSize;
    place('subtitle', line, 'italic', subSize, 'inkSoft', region.left, baseline);
  });
}
