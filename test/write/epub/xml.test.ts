import { describe, expect, it } from 'vitest';
import { attrs, el, escapeXml } from '../../../src/write/epub/xml.js';

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;');
  });
  it('does not double-escape on purpose: it escapes what it is given', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
  it('drops characters XML 1.0 forbids, keeps tab/newline and astral characters', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\tf\ng😀h')).toBe('abcde\tf\ng😀h');
    expect(escapeXml('x\uD800y\uDC00z')).toBe('xyz');
  });
});

describe('el / attrs', () => {
  it('writes attributes in order, leaves out undefined/false, escapes values', () => {
    expect(attrs({ a: '1', b: undefined, c: false, d: true, e: 'x"<' })).toBe(' a="1" d="" e="x&quot;&lt;"');
    expect(el('img', { src: 'a.png', alt: '' }, null)).toBe('<img src="a.png" alt=""/>');
    expect(el('p', {}, ['a', 'b'])).toBe('<p>ab</p>');
  });
});
