/**
 * Issue 10, as a property: the line breaker sets any real-ish paragraph — words, long tokens, URLs,
 * inline code without spaces, zero-width spaces, soft hyphens, no-break spaces, explicit line
 * breaks, several faces and sizes — at any measure down to narrower than one letter, without
 * throwing, keeping every visible character in order and every position a number. Both the
 * writer's path (layout/set-paragraph.ts) and the typesetting facade (typeset/index.ts) are checked.
 * PROPERTY_RUNS scales the number of cases; PROPERTY_SEED varies them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fontMeasurer } from '../../src/write/pdf/font-metrics.js';
import { setParagraph as setInLayout } from '../../src/write/pdf/layout/set-paragraph.js';
import { styleKey, type Face } from '../../src/write/pdf/text-style.js';
import { memoizeMeasurer, setParagraph } from '../../src/write/pdf/typeset/index.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40) * 3;
const SEED = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);
const measurer = memoizeMeasurer(fontMeasurer);

/** Pieces real articles are made of. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('the', 'a', 'of', 'engineering', 'Überprüfung', 'naïve', 'cat-and-mouse', '(see', 'note).', '—', '“quoted”', 'Ж', 'W') },
  { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_./:=&?#{}[\]*-]{20,320}$/) },
  { weight: 2, arbitrary: fc.constantFrom('\u200B', '\u00AD', '\u00A0', '\n', ' ', '  ', '\t', 'in\u00ADter\u00ADnal', 'zero\u200Bwidth', 'no\u00A0break') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
);
const face = fc.constantFrom<Face>('regular', 'italic', 'bold', 'mono');
const run = fc.record({
  text: fc.array(fc.tuple(piece, fc.constantFrom(' ', ' ', '')), { minLength: 1, maxLength: 14 }).map((ps) => ps.map(([p, sep]) => p + sep).join('')),
  style: fc.tuple(face, fc.constantFrom(6, 8.5, 10, 14, 28)).map(([f, size]) => styleKey({ face: f, size })),
});
const paragraph = fc.array(run, { minLength: 1, maxLength: 4 });
const width = fc.oneof(fc.constantFrom(0.5, 4, 9, 18), fc.double({ min: 1, max: 420, noNaN: true }));

/** What must come back: every character that is drawn (spaces, soft hyphens and ZWSP are not glyphs). */
const visible = (s: string): string => s.replace(/[\s\u00AD\u200B]/gu, '');

describe('issue 10: the line breaker sets any paragraph', () => {
  it('never throws, keeps every character in order and places every fragment at a number (writer path)', () => {
    fc.assert(
      fc.property(paragraph, width, fc.constantFrom(0, 12), fc.constantFrom<'justify' | 'left'>('justify', 'left'), (runs, w, indent, align) => {
        const set = setInLayout(runs, { width: w, firstIndent: Math.min(indent, w / 2), lang: 'en', measurer, align });
        const fragments = set.lines.flatMap((l) => l.fragments);
        expect(visible(fragments.map((f) => f.text).join(''))).toBe(visible(runs.map((r) => r.text).join('')));
        for (const f of fragments) expect(Number.isFinite(f.x) && Number.isFinite(f.width)).toBe(true);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });

  it('never throws and keeps every character in order (typesetting facade, all alignments)', () => {
    fc.assert(
      fc.property(paragraph, width, fc.constantFrom<'justify' | 'left' | 'center' | 'right'>('justify', 'left', 'center', 'right'), (runs, w, align) => {
        const set = setParagraph(runs, { width: w, lang: 'en', measurer, align });
        const text = set.lines.flatMap((l) => l.fragments.map((f) => (f.hyphen ? f.text.slice(0, -1) : f.text))).join('');
        expect(visible(text)).toBe(visible(runs.map((r) => r.text).join('')));
        for (const l of set.lines) for (const f of l.fragments) expect(Number.isFinite(f.x)).toBe(true);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });
});
