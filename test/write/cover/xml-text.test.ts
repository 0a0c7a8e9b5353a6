import { expect, test } from 'vitest';
import { escapeXml } from '../../../src/write/cover/xml-text.js';

test('escapes markup characters in text and attributes', () => {
  expect(escapeXml(`Harbour & “Notes” <from> the 'Coast' "now"`)).toBe(
    'Harbour &amp; “Notes” &lt;from&gt; the &apos;Coast&apos; &quot;now&quot;',
  );
  expect(escapeXml('&amp;')).toBe('&amp;amp;');
});

test('drops characters XML cannot carry, keeps everything else', () => {
  expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
  expect(escapeXml('x\uD800y')).toBe('xy');
  expect(escapeXml('Zoë Ångström ’ 😀')).toBe('Zoë Ångström ’ 😀');
});
