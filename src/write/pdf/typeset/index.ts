/**
 * The typesetting core of the PDF writer: paragraphs in, positioned lines out.
 *
 * Why a facade: the writer needs one call per paragraph; the steps behind it (items,
 * Knuth–Plass breaking, positioning) stay separately testable and free of pdfkit, which
 * only ever sees the resulting fragments.
 */
import { breakLines, type BreakOptions } from './break-lines.js';
import { layoutLines, type Align, type Line } from './lines.js';
import type { Measurer } from './measure.js';
import { paragraphItems, type BreakPenalties, type Run } from './paragraph.js';

export type { Align, Line, LineEnding, PlacedFragment } from './lines.js';
export type { Measurer, StyleKey } from './measure.js';
export { memoizeMeasurer } from './measure.js';
export type { Run, BreakPenalties } from './paragraph.js';
export type { BreakOptions } from './break-lines.js';
export { HYPHEN } from './items.js';

export interface ParagraphOptions {
  /** Measure of the paragraph, in the measurer's unit. */
  readonly width: number;
  /** BCP 47 language, for hyphenation. */
  readonly lang: string;
  readonly measurer: Measurer;
  readonly align: Align;
  /** Indent of the first line (negative outdents). */
  readonly firstLineIndent?: number;
  /** Indent of every line after the first (hanging indent of list items, references…). */
  readonly hangingIndent?: number;
  /** Use hyphenation patterns (default true). */
  readonly hyphenate?: boolean;
  /** Line-breaking parameters; `raggedStretch` defaults to six spaces of the first run. */
  readonly breaking?: Partial<BreakOptions>;
  readonly penalties?: Partial<BreakPenalties>;
}

export interface SetParagraph {
  readonly lines: Line[];
  /**
   * True when justification was asked for but the paragraph could not be set within
   * tolerance, so it was set ragged-right instead (worth a diagnostic).
   */
  readonly ragged: boolean;
}

/** Set one paragraph: break it into lines and position its fragments. */
export function setParagraph(runs: readonly Run[], options: ParagraphOptions): SetParagraph {
  const { width, measurer } = options;
  if (!(width > 0) || !Number.isFinite(width)) throw new RangeError(`setParagraph: width must be positive, got ${width}`);
  const first = options.firstLineIndent ?? 0;
  const rest = options.hangingIndent ?? 0;
  const lineWidths = first === rest ? width - first : [width - first, width - rest];
  const indents = first === rest ? first : [first, rest];
  const narrowest = Math.min(width - first, width - rest);
  if (!(narrowest > 0)) throw new RangeError('setParagraph: indents leave no room for text');

  const firstStyle = runs.find((r) => r.text.trim() !== '')?.style ?? runs[0]?.style ?? '';
  const raggedStretch = options.breaking?.raggedStretch ?? 6 * measurer.spaceWidth(firstStyle);
  const itemsFor = (justify: boolean) =>
    paragraphItems(runs, {
      lang: options.lang,
      measurer,
      justify,
      hyphenate: options.hyphenate ?? true,
      maxWidth: narrowest,
      ...(options.penalties ? { penalties: options.penalties } : {}),
    });

  if (options.align === 'justify') {
    const items = itemsFor(true);
    if (items.length === 0) return { lines: [], ragged: false };
    const result = breakLines(items, lineWidths, { ...options.breaking, raggedStretch: 0 });
    if (result.feasible) {
      return { lines: layoutLines(items, result.breaks, { lineWidths, indents, align: 'justify' }), ragged: false };
    }
  }
  const items = itemsFor(false);
  if (items.length === 0) return { lines: [], ragged: false };
  const result = breakLines(items, lineWidths, { ...options.breaking, raggedStretch });
  const align = options.align === 'justify' ? 'left' : options.align;
  return { lines: layoutLines(items, result.breaks, { lineWidths, indents, align }), ragged: options.align === 'justify' };
}
