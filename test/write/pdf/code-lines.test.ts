/**
 * Issue 10: the PDF sets code listings line by line, and the page map must point into the listing
 * as the EPUB writes it. Tabs (expanded to tab stops) and CRLF/CR line ends make the set text and
 * the source differ; wrapped lines must never split a character.
 */
import { describe, expect, it } from 'vitest';
import { codeLines } from '../../../src/write/pdf/layout/code-lines.js';
import { wrapCode } from '../../../src/write/pdf/layout/blocks.js';

describe('codeLines', () => {
  it('splits at LF, CRLF and CR and gives each line its start in the source', () => {
    const value = 'one\r\ntwo\rthree\nfour';
    const lines = codeLines(value);
    expect(lines.map((l) => l.text)).toEqual(['one', 'two', 'three', 'four']);
    for (const l of lines) expect(value.slice(l.start, l.start + l.text.length)).toBe(l.text);
  });

  it('expands tabs to the next tab stop and maps every set column back to its source character', () => {
    const value = 'x\n\tif err != nil {\treturn }';
    const [, line] = codeLines(value);
    expect(line?.text).toBe('    if err != nil { return }');
    const at = line!.text.indexOf('return');
    expect(value.slice(line!.source(at))).toBe('return }');
    // Every column of a tab maps to the tab itself.
    expect(value[line!.source(1)]).toBe('\t');
    expect(line!.source(line!.text.length)).toBe(value.length);
  });
});

describe('wrapCode', () => {
  it('keeps every character of a line far beyond the measure, in order', () => {
    const text = `fmt.Println("${'x'.repeat(300)}") // ${'segment/'.repeat(40)}`;
    const pieces = wrapCode(text, 40);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.map((p) => p.text).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    for (const p of pieces) expect(text.slice(p.start).startsWith(p.text)).toBe(true);
  });

  it('never cuts a surrogate pair or a combining mark from its character', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(9)}e\u0301${'c'.repeat(20)}`;
    for (const columns of [8, 9, 10, 11, 19, 20, 21]) {
      const pieces = wrapCode(text, columns);
      expect(pieces.map((p) => p.text).join('')).toBe(text);
      for (const p of pieces) expect(p.text, `${columns} columns`).not.toMatch(/^[\uDC00-\uDFFF\u0301]|[\uD800-\uDBFF]$/u);
    }
  });
});
