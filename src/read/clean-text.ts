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
  const clean = (value: unknown): [unknown, number] => {
    if (typeof value === 'string') {
      const { text, removed } = stripXmlIllegal(value);
      return [text.normalize('NFC'), removed];
    }
    if (Array.isArray(value)) {
      let n = 0;
      for (let i = 0; i < value.length; i++) {
        const [v, r] = clean(value[i]);
        value[i] = v;
        n += r;
      }
      return [value, n];
    }
    if (typeof value === 'object' && value !== null) {
      let n = 0;
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (key === 'origin') continue;
        const [v, r] = clean(record[key]);
        record[key] = v;
        n += r;
      }
      return [value, n];
    }
    return [value, 0];
  };
  const [, inMeta] = clean(pub.meta);
  if (inMeta > 0) warn(diagnostics, pub.origin ?? 'publication', inMeta);
  for (const article of pub.articles) {
    const [, removed] = clean({ meta: article.meta, body: article.body, notes: article.notes });
    if (removed > 0) warn(diagnostics, article.origin ?? article.meta.title, removed);
  }
}

function warn(diagnostics: Diagnostics, file: string, removed: number): void {
  diagnostics.warn({
    code: 'text.illegal-characters',
    file,
    message: `removed ${removed} character${removed === 1 ? '' : 's'} that XML forbids (control characters, non-characters or lone surrogates)`,
    fix: 'remove them from the source to silence this warning',
  });
}
