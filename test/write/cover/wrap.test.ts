import { describe, expect, test } from 'vitest';
import { splitWord, truncateLines, wrapBalanced, wrapGreedy, wrapUnits } from '../../../src/write/cover/wrap.js';

/** One unit per character: layouts can be checked by counting. */
const chars = (s: string): number => [...s].length;

describe('wrapGreedy', () => {
  test('fills each line as far as it goes', () => {
    expect(wrapGreedy('aaa bbb ccc ddd', 7, chars)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(wrapGreedy('aaa bbb ccc', 8, chars)).toEqual(['aaa bbb', 'ccc']);
  });
  test('collapses white space, including line breaks', () => {
    expect(wrapGreedy('  aaa \n bbb  ', 20, chars)).toEqual(['aaa bbb']);
    expect(wrapGreedy('   ', 20, chars)).toEqual([]);
  });
  test('gives a too-long word its own line', () => {
    expect(wrapGreedy('a bbbbbbbbbb c', 5, chars)).toEqual(['a', 'bbbbbbbbbb', 'c']);
  });
});

describe('wrapBalanced', () => {
  test('keeps the line count and evens the lines out', () => {
    const text = 'Harbour and the Sea';
    expect(wrapGreedy(text, 16, chars)).toEqual(['Harbour and the', 'Sea']);
    expect(wrapBalanced(text, 16, chars)).toEqual(['Harbour and', 'the Sea']);
  });
  test('leaves one line alone', () => {
    expect(wrapBalanced('short', 40, chars)).toEqual(['short']);
  });
  test('never exceeds the measure', () => {
    const text = 'The Extraordinarily Long and Winding History of Harbour Walls and Breakwaters';
    for (const width of [16, 20, 33, 50]) {
      const lines = wrapBalanced(text, width, chars);
      expect(lines.length).toBe(wrapGreedy(text, width, chars).length);
      for (const l of lines) expect(chars(l)).toBeLessThanOrEqual(width);
      expect(lines.join(' ')).toBe(text);
    }
  });
});

describe('splitWord', () => {
  test('breaks between grapheme clusters, never inside one', () => {
    const word = 'e\u0301'.repeat(5); // é as e + combining acute
    const pieces = splitWord(word, 4, chars);
    expect(pieces.join('')).toBe(word);
    for (const p of pieces) expect(p.startsWith('\u0301')).toBe(false);
  });
});

describe('truncateLines', () => {
  test('keeps lines that fit as they are', () => {
    expect(truncateLines(['a', 'b'], 2, 10, chars)).toEqual(['a', 'b']);
  });
  test('ends the last kept line with an ellipsis that still fits', () => {
    expect(truncateLines(['aaa bbb ccc', 'ddd'], 1, 11, chars)).toEqual(['aaa bbb…']);
    expect(truncateLines(['aaa bbb,', 'ddd'], 1, 11, chars)).toEqual(['aaa bbb…']);
  });
  test('can drop everything', () => {
    expect(truncateLines(['a', 'b'], 0, 10, chars)).toEqual([]);
  });
});

describe('wrapping titles in scripts without spaces (issue 11)', () => {
  const measure = (s: string): number => [...s].length;
  test('breaks a Chinese title between characters, never before closing punctuation', () => {
    const lines = wrapGreedy('世界人权宣言第一条：人人生而自由，在尊严和权利上一律平等。', 6, measure);
    expect(lines.join('')).toBe('世界人权宣言第一条：人人生而自由，在尊严和权利上一律平等。');
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) {
      expect(measure(line)).toBeLessThanOrEqual(7);
      expect(line).not.toMatch(/^[：，。]/u);
    }
  });

  test('keeps spaced words whole and joins them with spaces', () => {
    expect(wrapUnits('Harbour 和平 Sea').map((u) => [u.text, u.space])).toEqual([['Harbour', false], ['和', true], ['平', false], ['Sea', true]]);
  });
});
