/**
 * Fragment identifiers inside one XHTML document: unique, and valid as XML ids so that EPUBCheck
 * and every reading system accept them (https://www.w3.org/TR/xml/#id). A slug keeps the letters of
 * every script (a heading `حقوق الإنسان` gets the id `حقوق-الإنسان`); after slugify's NFKC every
 * letter, mark and digit it keeps is an XML 1.0 (5th edition) name character.
 */
import { SlugScope, slugify } from '../../model/slug.js';

const XML_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** `wanted` if it is already a usable id, else a slug of it that starts with a letter. */
export function toXmlId(wanted: string, fallback = 'id'): string {
  if (XML_ID.test(wanted)) return wanted;
  const slug = slugify(wanted, fallback);
  return /^\p{L}/u.test(slug) ? slug : `${fallback}-${slug}`;
}

/** Hands out the ids of one document; the same wanted id twice gets `-2`, `-3` … */
export class IdScope {
  private readonly scope = new SlugScope();

  /** A new unique id based on `wanted` (normalized with {@link toXmlId}). */
  take(wanted: string, fallback = 'id'): string {
    return this.scope.unique(toXmlId(wanted, fallback));
  }
}
