/**
 * The pure stages of the PDF text engine (issue 11): UAX #9 reordering of set lines, UAX #14 and
 * dictionary break opportunities with kinsoku, and the glyph clusters that decide where /ActualText
 * is needed — on real fonts through the registry, where fonts matter.
 */
import { describe, expect, it } from 'vitest';
import { faceRuns, fallbacks } from '../../../src/fonts/registry.js';
import type { SetLine } from '../../../src/write/pdf/layout/set-paragraph.js';
import { embeddingLevels, isRtlLang, paragraphDirection, visualLine, visualRuns } from '../../../src/write/pdf/text/bidi.js';
import { glyphClusters } from '../../../src/write/pdf/text/clusters.js';
import { shape } from '../../../src/fonts/shape.js';
import { scriptBreaks } from '../../../src/text/script-breaks.js';
import type { Measurer } from '../../../src/write/pdf/typeset/measure.js';
import { paragraphItems } from '../../../src/write/pdf/typeset/paragraph.js';

/** One unit per UTF-16 code unit: positions are easy to read. */
const fixed: Measurer = { width: (t) => t.length, spaceWidth: () => 1, hyphenWidth: () => 1 };

/** A line as the breaker sets it: words in logical order, one space between. */
function line(text: string): SetLine {
  const fragments: SetLine['fragments'] = [];
  let x = 0;
  for (const m of text.matchAll(/\S+/g)) {
    fragments.push({ x: m.index, width: m[0].length, text: m[0], style: 's', ref: null, offset: m.index, endOffset: m.index + m[0].length, space: true });
    x = m.index + m[0].length;
  }
  return { fragments, hyphenated: false, width: x };
}

const visual = (l: SetLine): string => [...l.fragments].sort((a, b) => a.x - b.x).map((f) => f.text).join(' ');

describe('bidi (UAX #9)', () => {
  it('knows the right-to-left languages and paragraphs', () => {
    expect(['ar', 'he-IL', 'fa', 'ur', 'yi', 'az-Arab'].every(isRtlLang)).toBe(true);
    expect(['en', 'ku-Latn', 'zh-Hans'].some(isRtlLang)).toBe(false);
    expect(paragraphDirection('en', 'from دمشق to')).toBe('ltr');
    expect(paragraphDirection('en', 'دمشق 1948')).toBe('rtl');
  });

  it('reverses an RTL paragraph line, keeps its numbers left to right, and keeps the content order logical', () => {
    const text = 'في عام 1948 في باريس';
    const set = visualLine(line(text), text, embeddingLevels(text, 'rtl'), 'rtl', fixed);
    expect(visual(set)).toBe('باريس في 1948 عام في');
    expect(set.fragments.map((f) => f.text)).toEqual(['في', 'عام', '1948', 'في', 'باريس']);
    expect(set.fragments.filter((f) => 'rtl' in f && f.rtl).map((f) => f.text)).toEqual(['في', 'عام', 'في', 'باريس']);
  });

  it('keeps an Arabic name in place in English, its parentheses outside it', () => {
    const text = 'from (دمشق) to';
    const set = visualLine(line(text), text, embeddingLevels(text, 'ltr'), 'ltr', fixed);
    expect(visual(set)).toBe('from ( دمشق ) to');
  });

  it('orders one-line text (running heads, contents) from its first strong character', () => {
    expect(visualRuns('المادة الأولى 1').map((r) => [r.text, r.rtl])).toEqual([['1', false], ['المادة الأولى ', true]]);
    expect(visualRuns('Plain text')).toEqual([{ text: 'Plain text', rtl: false }]);
  });
});

describe('break opportunities of unspaced scripts (UAX #14, kinsoku, dictionary)', () => {
  it('breaks Chinese and Japanese between characters but never before closing punctuation or after opening', () => {
    const text = '人人生而自由，在尊严。「すべて」ちょっと';
    const starts = scriptBreaks(text).map((i) => text[i]);
    expect(starts).toContain('生');
    for (const never of ['，', '。', '」', 'ょ']) expect(starts).not.toContain(never);
    expect(scriptBreaks(text).map((i) => text[i - 1])).not.toContain('「');
  });

  it('breaks Thai between dictionary words, and nothing in spaced scripts', () => {
    const text = 'มนุษย์ทั้งหลายเกิดมามีอิสระ';
    const pieces: string[] = [];
    let from = 0;
    for (const at of [...scriptBreaks(text), text.length]) pieces.push(text.slice(from, (from = at)));
    expect(pieces).toContain('มนุษย์');
    expect(pieces).toContain('ทั้ง');
    expect(scriptBreaks('extraordinary')).toEqual([]);
    expect(scriptBreaks('인간은')).toEqual([]);
  });
});

describe('fonts and clusters', () => {
  it('falls back per character to the face that has it', () => {
    const stack = ['serif-regular', ...fallbacks(false)] as const;
    // Spaces and punctuation stay in the run they follow when its face has them (fewer runs, and the
    // shaper sees the context); ✓ comes from Noto Sans SC, the first fallback that has it.
    expect(faceRuns('from دمشق, 王小明 and 🎉 ✓', stack).map((r) => [r.text, r.font])).toEqual([
      ['from ', 'serif-regular'], ['دمشق, ', 'arabic-regular'], ['王小明 ', 'cjk-regular'], ['and ', 'serif-regular'], ['🎉 ', 'emoji-regular'], ['✓', 'cjk-regular'],
    ]);
  });

  it('needs no ActualText where glyphs read back as the text, and gives one to a reordered Devanagari vowel sign', () => {
    const latin = shape('serif-regular', 'Waffle');
    const read = (run: ReturnType<typeof shape>): string[] => run.glyphs.map((g) => String.fromCodePoint(...g.codePoints));
    expect(glyphClusters('Waffle', latin, read(latin))).toEqual([{ from: 0, to: latin.glyphs.length }]);
    const hindi = shape('devanagari-regular', 'किसी');
    const clusters = glyphClusters('किसी', hindi, read(hindi));
    expect(clusters.find((c) => c.actualText !== undefined)?.actualText).toBe('कि');
  });

  it('joins Arabic letters and groups split-off dots with their letter', () => {
    const run = shape('arabic-regular', 'جميع');
    expect(run.direction).toBe('rtl');
    // ج is drawn as the body of ح plus a dot: still one cluster, read back as ج.
    const read = run.glyphs.map((g) => String.fromCodePoint(...g.codePoints));
    const clusters = glyphClusters('جميع', run, read);
    expect(clusters.every((c) => c.actualText === undefined)).toBe(true);
    expect(run.glyphs.some((g) => g.codePoints.length === 0)).toBe(true);
  });
});

describe('hyphenation by the language of each run', () => {
  const hyphens = (lang: string): number =>
    paragraphItems([{ text: 'The word ', style: 's' }, { text: 'Donaudampfschifffahrtsgesellschaft', style: 's', lang }], { lang: 'en', measurer: fixed, justify: true })
      .filter((i) => i.type === 'penalty' && i.flagged && i.width > 0).length;

  it('hyphenates a German span inside English by German patterns, and a CJK span not at all', () => {
    expect(hyphens('de')).toBeGreaterThan(3);
    const cjk = paragraphItems([{ text: '人人生而自由在尊严和权利上一律平等', style: 's', lang: 'zh' }], { lang: 'en', measurer: fixed, justify: true });
    expect(cjk.filter((i) => i.type === 'penalty' && i.width > 0)).toHaveLength(0);
    // …but it may break between every two characters (glue that stretches when justified).
    expect(cjk.filter((i) => i.type === 'glue' && i.width === 0 && i.stretch > 0).length).toBeGreaterThan(10);
  });
});
