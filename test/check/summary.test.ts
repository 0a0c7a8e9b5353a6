/**
 * Issue 10: repeated warnings are summarised, one line per file and kind, with a count and examples.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/check/diagnostic.js';
import { EXAMPLES, summarizeDiagnostics } from '../../src/check/summary.js';

const glyph = (file: string, char: string, line?: number): Diagnostic => ({
  severity: 'warning',
  code: 'pdf.glyph.missing',
  message: `the character "${char}" (U+${char.codePointAt(0)?.toString(16).toUpperCase()}) is in none of the embedded fonts`,
  fix: 'add a font that has it',
  file,
  line,
  column: line === undefined ? undefined : 1,
});
const chinese = [...'人人生而自由在尊严和权利上一律平等'].map((c, i) => glyph('zh.html', c, i + 1));

describe('summarizeDiagnostics', () => {
  it('folds many warnings of one kind in one file into one line with the count and a few examples', () => {
    const lines = summarizeDiagnostics(chinese);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `zh.html: warning: ${chinese.length} × pdf.glyph.missing, e.g. 1:1: the character "人" (U+4EBA) is in none of the embedded fonts; ` +
        '2:1: the character "人" (U+4EBA) is in none of the embedded fonts; 3:1: the character "生" (U+751F) is in none of the embedded fonts; …' +
        ' — add a font that has it (--verbose lists them all)',
    );
  });

  it('lists everything with verbose, as formatDiagnostic writes it', () => {
    expect(summarizeDiagnostics(chinese, { verbose: true })).toEqual(chinese.map(formatDiagnostic));
  });

  it('keeps a few warnings of a kind, other kinds, other files and errors as they are, in order', () => {
    const few = chinese.slice(0, EXAMPLES);
    const other: Diagnostic = { severity: 'warning', code: 'image.remote', message: 'a remote image', file: 'zh.html' };
    const error: Diagnostic = { severity: 'error', code: 'image.invalid', message: 'not an image', file: 'zh.html', line: 9, column: 2 };
    const errors = [error, error, error, error, error];
    const arabic = [...'دمشق'].map((c) => glyph('ar.md', c));
    const all = [...few, other, ...errors, ...arabic];
    expect(summarizeDiagnostics(all)).toEqual([
      ...few.map(formatDiagnostic),
      formatDiagnostic(other),
      ...errors.map(formatDiagnostic),
      'ar.md: warning: 4 × pdf.glyph.missing, e.g. the character "د" (U+62F) is in none of the embedded fonts; the character "م" (U+645) is in none of the embedded fonts; the character "ش" (U+634) is in none of the embedded fonts; … — add a font that has it (--verbose lists them all)',
    ]);
  });

  it('puts each summary where its kind first appeared, shortens long examples and drops fixes that differ', () => {
    const long = 'x'.repeat(200);
    const mixed: Diagnostic[] = [1, 2, 3, 4].map((n) => ({ severity: 'warning', code: 'epub.link.dropped', message: `${n} ${long}`, fix: `fix ${n}` }));
    const first = chinese[0] as Diagnostic;
    const lines = summarizeDiagnostics([...mixed.slice(0, 2), first, ...mixed.slice(2)]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^warning: 4 × epub\.link\.dropped, e\.g\. 1 x{77}…; 2 x{77}…; 3 x{77}…; … \(--verbose lists them all\)$/);
    expect(lines[1]).toBe(formatDiagnostic(first));
  });
});
