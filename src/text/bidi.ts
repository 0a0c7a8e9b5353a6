/**
 * The Unicode Bidirectional Algorithm (UAX #9) over bidi-js: which text is right to left, the base
 * direction of a paragraph, embedding levels, and the visual order of runs (rule L2). Shared by the
 * PDF's line setting and the cover.
 *
 * @see https://unicode.org/reports/tr9/
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan… and their presentation forms). */
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** Languages written right to left (BCP 47 primary subtags). */
const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ji', 'ks', 'ku-arab', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Whether the text has any right-to-left letter (the fast test that keeps Latin text on the plain path). */
export function hasRtl(text: string): boolean {
  // Every right-to-left range starts at U+0590: text below it (nearly all of it) needs no regex.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x0590) return RTL_CHAR.test(text);
  return false;
}

/** Whether a language is written right to left (`ar`, `he-IL`, `fa`, `az-Arab`…). */
export function isRtlLang(lang: string): boolean {
  let rtl = RTL_BY_TAG.get(lang);
  if (rtl === undefined) {
    const parts = lang.toLowerCase().split(/[-_]/);
    if (parts.includes('arab') || parts.includes('hebr') || parts.includes('syrc') || parts.includes('thaa')) rtl = true;
    else if (parts.includes('latn') || parts.includes('cyrl')) rtl = false;
    else rtl = RTL_LANGS.has(parts[0] ?? '');
    RTL_BY_TAG.set(lang, rtl);
  }
  return rtl;
}

/** Answers per tag: every paragraph asks, and a book has a handful of tags. */
const RTL_BY_TAG = new Map<string, boolean>();

/**
 * Base direction of a paragraph: its language's, or right to left when a paragraph in a
 * left-to-right language has no left-to-right letter at all but has right-to-left ones (an
 * untagged Arabic quotation).
 */
export function paragraphDirection(lang: string, text: string): 'ltr' | 'rtl' {
  if (isRtlLang(lang)) return 'rtl';
  if (!hasRtl(text)) return 'ltr';
  return /\p{L}/u.test(text.replace(/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu, '')) ? 'ltr' : 'rtl';
}

/** Embedding levels of a paragraph's text (one per UTF-16 unit). */
export function embeddingLevels(text: string, direction: 'ltr' | 'rtl'): Uint8Array {
  return bidi.getEmbeddingLevels(text, direction).levels;
}

/** UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every run at or above it. */
export function reorder<T extends { level: number }>(atoms: T[]): void {
  let max = 0;
  let minOdd = Infinity;
  for (const a of atoms) {
    if (a.level > max) max = a.level;
    if (a.level % 2 === 1 && a.level < minOdd) minOdd = a.level;
  }
  for (let lv = max; lv >= minOdd && lv > 0; lv--) {
    let i = 0;
    while (i < atoms.length) {
      if (atoms[i]!.level >= lv) {
        let j = i;
        while (j < atoms.length && atoms[j]!.level >= lv) j++;
        const run = atoms.slice(i, j).reverse();
        atoms.splice(i, j - i, ...run);
        i = j;
      } else i++;
    }
  }
}

/**
 * A one-line text (a running head, a table-of-contents entry, a label) as runs of one direction in
 * visual order, its base direction from its first strong character (UAX #9 rules P2–P3).
 */
export function visualRuns(text: string): { text: string; rtl: boolean }[] {
  const levels = bidi.getEmbeddingLevels(text, 'auto').levels;
  const atoms: { level: number; width: number }[] = [];
  const texts: string[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && (levels[i] === levels[start] || /[\uDC00-\uDFFF\p{M}]/u.test(text[i]!))) continue;
    texts.push(text.slice(start, i));
    atoms.push({ level: levels[start]!, width: texts.length - 1 });
    start = i;
  }
  reorder(atoms);
  return atoms.map((a) => ({ text: texts[a.width]!, rtl: a.level % 2 === 1 }));
}
