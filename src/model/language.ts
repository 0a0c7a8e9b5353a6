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
  if (!/^[A-Za-z]{2,3}(?:-|$)/.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

export const languageTag = z
  .string()
  .refine((tag) => canonicalLanguage(tag) !== undefined, {
    message: 'is not a BCP 47 language tag — use a tag such as "en", "en-US", "de" or "pt-BR"',
  })
  .transform((tag) => canonicalLanguage(tag) ?? tag);

export const textDirection = z.enum(['ltr', 'rtl', 'auto']);
