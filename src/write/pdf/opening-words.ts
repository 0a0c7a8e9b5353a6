/**
 * The words the PDF adds to an article's opening: the byline ("By …", "Edited by …") and the
 * dateline (the published date, "Updated …"), in the article's language.
 *
 * Kept as data, a language per entry; a language without an entry gets English, and says so
 * (`lang`), so the paragraph can carry /Lang en and a screen reader uses the right voice
 * (WCAG 3.1.2). Dates are formatted in UTC, never the build machine's zone, so builds stay identical.
 */
import type { Author } from '../../model/meta.js';
import { parseDate } from '../../model/date.js';
import { relatorCode } from '../metadata/record.js';

interface Words {
  /** BCP 47 tag of these words. */
  lang: string;
  by: string;
  /** Prefix by MARC relator code for contributors who are not authors. */
  roles: Record<string, string>;
  updated: string;
}

const WORDS: Record<string, Words> = {
  en: { lang: 'en', by: 'By', roles: { edt: 'Edited by', trl: 'Translated by', ill: 'Illustrations by', pht: 'Photographs by' }, updated: 'Updated' },
  de: { lang: 'de', by: 'Von', roles: { edt: 'Herausgegeben von', trl: 'Übersetzt von', ill: 'Illustrationen von', pht: 'Fotos von' }, updated: 'Aktualisiert am' },
  fr: { lang: 'fr', by: 'Par', roles: { edt: 'Sous la direction de', trl: 'Traduit par', ill: 'Illustrations de', pht: 'Photographies de' }, updated: 'Mis à jour le' },
  es: { lang: 'es', by: 'Por', roles: { edt: 'Edición de', trl: 'Traducción de', ill: 'Ilustraciones de', pht: 'Fotografías de' }, updated: 'Actualizado el' },
  it: { lang: 'it', by: 'Di', roles: { edt: 'A cura di', trl: 'Traduzione di', ill: 'Illustrazioni di', pht: 'Fotografie di' }, updated: 'Aggiornato il' },
  nl: { lang: 'nl', by: 'Door', roles: { edt: 'Redactie', trl: 'Vertaald door', ill: 'Illustraties van', pht: 'Foto’s van' }, updated: 'Bijgewerkt op' },
};

function wordsFor(lang: string): Words {
  return WORDS[lang.split('-')[0]?.toLowerCase() ?? ''] ?? WORDS.en!;
}

/** `lang` itself when the words are in it (`en-GB` keeps its region), else the words' language. */
function wordsLang(words: Words, lang: string): string {
  return lang.split('-')[0]?.toLowerCase() === words.lang ? lang : words.lang;
}

/** A line of the opening and the language its words are in. */
export interface OpeningLine {
  text: string;
  lang: string;
}

/** "a, b and c" in `lang` (CLDR list patterns). */
function nameList(names: readonly string[], lang: string): string {
  try {
    return intl(listFormats, lang, () => new Intl.ListFormat(lang, { type: 'conjunction' })).format(names);
  } catch {
    return names.join(', ');
  }
}

/**
 * Formatters by language. Why: making an Intl formatter costs about a millisecond, once per
 * article otherwise; formatting with one is cheap.
 */
const listFormats = new Map<string, Intl.ListFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function intl<T>(cache: Map<string, T>, lang: string, make: () => T): T {
  let f = cache.get(lang);
  if (f === undefined) cache.set(lang, (f = make()));
  return f;
}

/**
 * The byline: authors first ("By A and B"), then one phrase per other role in the order first
 * met ("Photographs by C"); a role without a phrase keeps its name in parentheses.
 */
export function bylineText(authors: readonly Author[], lang: string): OpeningLine | undefined {
  if (authors.length === 0) return undefined;
  const words = wordsFor(lang);
  const groups = new Map<string, string[]>();
  const others: string[] = [];
  for (const a of authors) {
    const code = relatorCode(a.role);
    if (code === 'aut' || words.roles[code] !== undefined) groups.set(code, [...(groups.get(code) ?? []), a.name]);
    else others.push(`${a.name} (${a.role ?? code})`);
  }
  const parts: string[] = [];
  const authorNames = [...(groups.get('aut') ?? []), ...others];
  if (authorNames.length > 0) parts.push(`${words.by} ${nameList(authorNames, wordsLang(words, lang))}`);
  for (const [code, names] of groups) if (code !== 'aut') parts.push(`${words.roles[code]} ${nameList(names, wordsLang(words, lang))}`);
  return { text: parts.join(' · '), lang: wordsLang(words, lang) };
}

/** A long date in `lang` (UTC), e.g. "28 April 2025", "1. Mai 2025"; the string as given if not a date. */
export function longDate(value: string, lang: string): string {
  const date = parseDate(value);
  if (!date) return value;
  try {
    return intl(dateFormats, lang, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/**
 * The dateline: the published date, and "Updated …" when the modified date falls on another day
 * (an edit the same day is not news to a reader of print).
 */
export function datelineText(published: string | undefined, modified: string | undefined, lang: string): OpeningLine | undefined {
  const words = wordsFor(lang);
  const format = (l: string): { first?: string; update?: string } => {
    const first = published !== undefined ? longDate(published, l) : undefined;
    const later = modified !== undefined ? longDate(modified, l) : undefined;
    return { ...(first !== undefined ? { first } : {}), ...(later !== undefined && later !== first ? { update: `${words.updated} ${later}` } : {}) };
  };
  let parts = format(lang);
  // "Updated" may fall back to English; then the whole line is English, one language per line.
  const inLang = parts.update !== undefined ? wordsLang(words, lang) : lang;
  if (inLang !== lang) parts = format(inLang);
  const text = [parts.first, parts.update].filter((p): p is string => p !== undefined).join(' · ');
  return text === '' ? undefined : { text, lang: inLang };
}
