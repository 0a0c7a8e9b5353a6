/**
 * Escapes text for an XML text node or a double-quoted attribute value.
 *
 * Why its own function: cover text comes straight from the user's metadata (`Harbour & “Notes” <from>`);
 * one unescaped `&` or `<` makes the SVG unparsable and the build fails. Characters XML 1.0 forbids
 * (C0 controls other than tab, newline and carriage return; lone surrogates) are dropped, since they
 * cannot be written at all.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
