import fc from 'fast-check';
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

describe('escapeXml fast paths', () => {
  it('gives what dropping NOT_XML then escaping every special gives, for any text', () => {
    // The definition escapeXml had before its fast paths (one look-around replace, one escape).
    const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
    const reference = (text: string) => text.replace(notXml, '').replace(/[&<>"']/g, (c) => entities[c] ?? c);
    const risky = fc.constantFrom('&', '<', '>', '"', "'", '\u0000', '\u0008', '\t', '\n', '\u001F', '\uD800', '\uDC00', '😀', '\uFFFE', '\uFFFF', 'a', 'é');
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.array(risky).map((parts) => parts.join('')));
    fc.assert(fc.property(text, (t) => escapeXml(t) === reference(t)), { numRuns: 2000 });
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
