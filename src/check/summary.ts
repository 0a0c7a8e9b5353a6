/**
 * Repeated warnings, summarised for the terminal. A Chinese page once gave 291 lines, one per
 * character missing from the fonts; the user needs to know *that* it happened, where, and roughly
 * what, not every instance (issue 10). Warnings of one kind (`code`) in one file are folded into one
 * line with a count and a few examples once there are more than {@link EXAMPLES}; `--verbose` turns
 * folding off. Errors are always listed one by one: each must be fixed where it is.
 */
import { formatDiagnostic, type Diagnostic } from './diagnostic.js';

/** Warnings of one kind in one file shown in full; more are summarised with this many examples. */
export const EXAMPLES = 3;

/** Longest example in a summary line, in characters (the full text is one `--verbose` away). */
const EXAMPLE_LENGTH = 80;

export interface SummaryOptions {
  /** List every diagnostic, as `formatDiagnostic` does. Default false. */
  verbose?: boolean;
}

/**
 * The lines to print for `diagnostics`, in the order of their first occurrence: errors and
 * infrequent warnings as `formatDiagnostic` writes them; for each file and warning code with more
 * than {@link EXAMPLES} warnings, one line instead, at the place of the first:
 *
 * `page.html: warning: 291 × pdf.glyph.missing, e.g. the character "中" …; … — fix (--verbose lists them all)`
 */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[], options: SummaryOptions = {}): string[] {
  if (options.verbose) return diagnostics.flatMap((d) => [formatDiagnostic(d), ...(d.details ?? []).map((line) => `  ${line}`)]);
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity !== 'warning') continue;
    const key = groupKey(d);
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const lines: string[] = [];
  for (const d of diagnostics) {
    const group = d.severity === 'warning' ? groups.get(groupKey(d)) : undefined;
    if (!group || group.length <= EXAMPLES) lines.push(formatDiagnostic(d));
    else if (group[0] === d) lines.push(summaryLine(group));
  }
  return lines;
}

function groupKey(d: Diagnostic): string {
  return JSON.stringify([d.file ?? null, d.code]);
}

/** One line for a group of at least two warnings of one code in one file. */
function summaryLine(group: readonly Diagnostic[]): string {
  const first = group[0] as Diagnostic;
  const examples = group.slice(0, EXAMPLES).map((d) => shorten(`${d.line !== undefined ? `${d.line}:${d.column ?? 1}: ` : ''}${d.message}`));
  const fixes = new Set(group.map((d) => d.fix).filter((f): f is string => f !== undefined));
  // The fix is worth repeating only when all of them share it.
  const fix = fixes.size === 1 ? ` — ${[...fixes][0]}` : '';
  const place = first.file ? `${first.file}: ` : '';
  return `${place}warning: ${group.length} × ${first.code}, e.g. ${examples.join('; ')}; …${fix} (--verbose lists them all)`;
}

/** Made by the first example shortened: the first Intl.Segmenter of a process costs ~20 ms (ICU's data). */
let graphemes: Intl.Segmenter | undefined;

/** `text` cut to {@link EXAMPLE_LENGTH} characters (whole graphemes) with an ellipsis. */
function shorten(text: string): string {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  return parts.length <= EXAMPLE_LENGTH ? text : `${parts.slice(0, EXAMPLE_LENGTH - 1).join('')}…`;
}
