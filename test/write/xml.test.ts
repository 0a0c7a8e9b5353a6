import { describe, expect, it } from 'vitest';
import { attrs, el, escapeXml } from '../../src/write/xml.js';

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

describe('escapeXml for metadata and cover text', () => {
  it('escapes a title with markup characters and quotes', () => {
    expect(escapeXml(`Harbour & “Notes” <from> the 'Coast' "now"`)).toBe('Harbour &amp; “Notes” &lt;from&gt; the &#39;Coast&#39; &quot;now&quot;');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
  it('drops characters XML cannot carry, keeps everything else', () => {
    expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
    expect(escapeXml('x\uD800y')).toBe('xy');
    expect(escapeXml('Zoë Ångström ’ 😀')).toBe('Zoë Ångström ’ 😀');
  });
});
