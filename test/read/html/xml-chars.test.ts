import { describe, expect, it } from 'vitest';
import { stripXmlIllegal } from '../../../src/read/html/xml-chars.js';

describe('stripXmlIllegal', () => {
  it('keeps clean text untouched, including tab, LF, CR, NBSP and astral characters', () => {
    const text = 'a\tb\nc\r\nd\u00a0e 😀 \u{10FFFD} ✓';
    expect(stripXmlIllegal(text)).toEqual({ text, removed: 0 });
  });

  it('removes and counts C0 controls, DEL/C1, U+FFFE/U+FFFF and non-characters', () => {
    const { text, removed } = stripXmlIllegal('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\u007Fh\u0085i\uFFFEj\uFFFFk\uFDD0l\u{1FFFE}m');
    expect(text).toBe('abcdefghijklm');
    expect(removed).toBe(12);
  });

  it('removes lone surrogates but keeps surrogate pairs', () => {
    const { text, removed } = stripXmlIllegal('x\uD800y\uDC00z\uD83D\uDE00');
    expect(text).toBe('xyz\uD83D\uDE00');
    expect(removed).toBe(2);
  });
});
