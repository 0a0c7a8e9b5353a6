/**
 * What the generated cover says, derived from the metadata record once, so that the picture and its
 * alt text cannot say different things.
 */
import type { MetadataRecord } from '../metadata/record.js';
import { CREDITED_ROLES, coverWords, joinNames, type CreditedRole } from './cover-words.js';

export interface CoverCredit {
  role: CreditedRole;
  /** "Ahmad Karimi" for authors, "Edited by Jane Q. Doe" for the others. */
  text: string;
}

export interface CoverText {
  /** BCP 47 tag of the publication: upper-casing and the added words follow it. */
  lang: string;
  title: string;
  subtitle?: string;
  /** Series name. */
  series?: string;
  /** Position in the series, as written ("2"). */
  seriesPosition?: string;
  /** Year of publication; absent when the record has no real date (its fallback is the epoch). */
  year?: string;
  /** One entry per credited role, authors first; other roles (contributors, …) stay off the cover. */
  credits: CoverCredit[];
  publisher?: string;
}

/** Runs of white space (including line breaks from YAML) become one space. */
function clean(text: string | undefined): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** The cover's text for `record`. */
export function coverText(record: MetadataRecord): CoverText {
  const words = coverWords(record.lang);
  const credits: CoverCredit[] = [];
  for (const role of CREDITED_ROLES) {
    const names = record.creators.filter((c) => c.role === role).map((c) => clean(c.name)).filter((n): n is string => !!n);
    if (names.length === 0) continue;
    const list = joinNames(names, words);
    credits.push({ role, text: role === 'aut' ? list : `${words.by[role]} ${list}` });
  }
  const position = record.series?.position;
  return {
    lang: record.lang,
    title: clean(record.title) ?? record.title,
    subtitle: clean(record.subtitle),
    series: clean(record.series?.name),
    seriesPosition: position === undefined ? undefined : String(position),
    // The record falls back to 1970-01-01 when the content has no date at all; printing "1970"
    // on a cover would state something false, so no year is shown then.
    year: record.published.getTime() === 0 ? undefined : String(record.published.getUTCFullYear()),
    credits,
    publisher: clean(record.publisher),
  };
}
