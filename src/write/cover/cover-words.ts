/**
 * The few words the generated cover and its alt text add to the metadata ("Edited by …"), in the
 * publication's language. Kept as data: a new language is a new entry. Unknown languages get English.
 */

/** Relator codes (MARC) that get their own line on the cover, in this order; authors come first. */
export const CREDITED_ROLES = ['aut', 'edt', 'trl', 'ill', 'pht'] as const;
export type CreditedRole = (typeof CREDITED_ROLES)[number];

export interface CoverWords {
  /** Line prefix per role; authors have none. */
  by: Record<Exclude<CreditedRole, 'aut'>, string>;
  /** Joins the last two names of a list. */
  and: string;
  /** Alt text opening, before the title. */
  cover: string;
}

const WORDS: Record<string, CoverWords> = {
  en: { by: { edt: 'Edited by', trl: 'Translated by', ill: 'Illustrated by', pht: 'Photographs by' }, and: 'and', cover: 'Cover' },
  de: { by: { edt: 'Herausgegeben von', trl: 'Übersetzt von', ill: 'Illustriert von', pht: 'Fotos von' }, and: 'und', cover: 'Titelbild' },
  fr: { by: { edt: 'Sous la direction de', trl: 'Traduit par', ill: 'Illustré par', pht: 'Photographies de' }, and: 'et', cover: 'Couverture' },
  es: { by: { edt: 'Edición de', trl: 'Traducción de', ill: 'Ilustraciones de', pht: 'Fotografías de' }, and: 'y', cover: 'Cubierta' },
  it: { by: { edt: 'A cura di', trl: 'Traduzione di', ill: 'Illustrazioni di', pht: 'Fotografie di' }, and: 'e', cover: 'Copertina' },
  nl: { by: { edt: 'Redactie', trl: 'Vertaald door', ill: 'Geïllustreerd door', pht: 'Foto’s van' }, and: 'en', cover: 'Omslag' },
};

/** Words for a BCP 47 tag, by its primary language subtag. */
export function coverWords(lang: string): CoverWords {
  return WORDS[lang.split('-')[0].toLowerCase()] ?? WORDS.en;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[], words: CoverWords): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${words.and} ${names[names.length - 1]}`;
}
