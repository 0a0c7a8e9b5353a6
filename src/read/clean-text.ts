/**
 * The last line of defence for text: removes the code points XML forbids from every string of a
 * validated publication, whatever reader produced it (JSON input bypasses the HTML sanitizer),
 * and reports how many were removed, per file, so nothing disappears without a word.
 *
 * Text is also put in Unicode Normalization Form C (canonically equivalent, so no word changes):
 * W3C's character model asks for NFC on the web, and a base letter with a separate combining mark
 * (`A` + U+030A) would otherwise be drawn as two glyphs in the PDF and extract as two characters.
 */
import type { Diagnostics } from '../check/diagnostic.js';
import type { Publication } from '../model/publication.js';
import { stripXmlIllegal } from './html/xml-chars.js';

/** Cleans `pub` in place. */
export function cleanPublicationText(pub: Publication, diagnostics: Diagnostics): void {
  const inMeta = cleanIn(pub, 'meta');
  if (inMeta > 0) warn(diagnostics, pub.origin ?? 'publication', inMeta);
  for (const article of pub.articles) {
    const removed = cleanIn(article, 'meta') + cleanIn(article, 'body') + cleanIn(article, 'notes');
    if (removed > 0) warn(diagnostics, article.origin ?? article.meta.title, removed);
  }
}

/** Printable ASCII and the three XML whitespace controls: nothing to remove, and already NFC. */
const PLAIN = /^[\t\n\r\x20-\x7e]*$/;

/**
 * Cleans `holder[key]` and everything under it in place (but no `origin`, a file name); returns how
 * many characters were removed. Strings are replaced only when cleaning changed them.
 */
function cleanIn(holder: object, key: string | number): number {
  const record = holder as Record<string | number, unknown>;
  const value = record[key];
  if (typeof value === 'string') {
    if (PLAIN.test(value)) return 0;
    const { text, removed } = stripXmlIllegal(value);
    const normal = text.normalize('NFC');
    if (normal !== value) record[key] = normal;
    return removed;
  }
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) n += cleanIn(value, i);
  } else {
    for (const k of Object.keys(value)) if (k !== 'origin') n += cleanIn(value, k);
  }
  return n;
}

function warn(diagnostics: Diagnostics, file: string, removed: number): void {
  diagnostics.warn({
    code: 'text.illegal-characters',
    file,
    message: `removed ${removed} character${removed === 1 ? '' : 's'} that XML forbids (control characters, non-characters or lone surrogates)`,
    fix: 'remove them from the source to silence this warning',
  });
}
