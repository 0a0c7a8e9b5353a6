/**
 * Language tags and text direction, shared by metadata and content nodes.
 */
import { z } from 'zod';

/**
 * Canonical BCP 47 form of `tag`, or undefined when it is not a usable tag.
 *
 * `Intl.getCanonicalLocales` checks the grammar but accepts 5–8 letter "registered" primary
 * subtags such as `english`; no such subtag is registered, so a primary subtag must be an
 * ISO 639 code of 2–3 letters.
 */
export function canonicalLanguage(tag: string): string | undefined {
  if (canonical.has(tag)) return canonical.get(tag);
  let result: string | undefined;
  if (/^[A-Za-z]{2,3}(?:-|$)/.test(tag)) {
    try {
      result = Intl.getCanonicalLocales(tag)[0];
    } catch {
      result = undefined;
    }
  }
  canonical.set(tag, result);
  return result;
}

/**
 * Answers by tag, for the process: a book names a handful of languages but asks about them for
 * every article, span and block, and `Intl` parses the tag afresh each time.
 */
const canonical = new Map<string, string | undefined>();
const direction = new Map<string, 'ltr' | 'rtl'>();

export const languageTag = z
  .string()
  .refine((tag) => canonicalLanguage(tag) !== undefined, {
    message: 'is not a BCP 47 language tag — use a tag such as "en", "en-US", "de" or "pt-BR"',
  })
  .transform((tag) => canonicalLanguage(tag) ?? tag);

export const textDirection = z.enum(['ltr', 'rtl', 'auto']);

export type TextDirection = z.infer<typeof textDirection>;

/**
 * ISO 15924 codes of the scripts written right to left (Unicode's bidi class R/AL scripts): the
 * living ones (Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam, Hanifi Rohingya, Mandaic, Samaritan,
 * Yezidi, Mende Kikakui) and the historic ones a quotation may use.
 */
const RTL_SCRIPTS = new Set([
  'Adlm', 'Arab', 'Aran', 'Armi', 'Avst', 'Chrs', 'Cprt', 'Elym', 'Hatr', 'Hebr', 'Hung', 'Khar', 'Lydi',
  'Mand', 'Mani', 'Mend', 'Merc', 'Mero', 'Narb', 'Nbat', 'Nkoo', 'Orkh', 'Ougr', 'Palm', 'Phli', 'Phlp',
  'Phnx', 'Prti', 'Rohg', 'Samr', 'Sarb', 'Sogd', 'Sogo', 'Syrc', 'Thaa', 'Yezi',
]);

/**
 * Writing direction of a language: `rtl` when its script (given, as in `az-Arab`, or the likely one
 * from CLDR, as `ckb` → Arab, `yi` → Hebr, `dv` → Thaa) is written right to left, else `ltr`.
 * https://www.w3.org/International/questions/qa-scripts
 */
export function languageDirection(tag: string): 'ltr' | 'rtl' {
  let known = direction.get(tag);
  if (known === undefined) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(tag).maximize().script;
    } catch {
      script = undefined;
    }
    known = script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
    direction.set(tag, known);
  }
  return known;
}

/** Letters of the right-to-left scripts in use today (JavaScript regexps have no Bidi_Class). */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Mende_Kikakui}\p{Script=Yezidi}]/u;

/**
 * Direction of `text` by its first letter, as `dir="auto"` decides it (UAX #9 rules P2–P3), or
 * undefined when it has no letter (digits and punctuation are weak or neutral).
 */
export function firstStrongDirection(text: string): 'ltr' | 'rtl' | undefined {
  const letter = /\p{L}/u.exec(text)?.[0];
  if (letter === undefined) return undefined;
  return RTL_LETTER.test(letter) ? 'rtl' : 'ltr';
}
