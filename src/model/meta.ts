/**
 * Metadata of articles and publications, as the readers hand it to the writers.
 */
import { z } from 'zod';
import { dateString } from './date.js';
import { languageTag, textDirection } from './language.js';
import { SLUG_MAX_BYTES } from './slug.js';

const nonEmpty = (what: string) =>
  z.string().trim().min(1, `${what} is empty — give it a value or remove the key`);

export const author = z.object({
  name: nonEmpty('the author name'),
  /** MARC relator term or code, e.g. "author", "editor", "photographer", "aut". Default: author. */
  role: z.string().optional(),
  url: z.string().optional(),
  /** Sort form such as "Doe, Jane"; derived from the name when absent. */
  fileAs: z.string().optional(),
});
export type Author = z.infer<typeof author>;

/** A cover image: a path (any format the image module reads) relative to the file that names it, and its text alternative. */
export const cover = z.object({
  image: nonEmpty('the cover image path'),
  alt: nonEmpty('the cover alt text'),
});
export type Cover = z.infer<typeof cover>;

/**
 * A file-name stem and id given by the author: lower-case or caseless letters of any script, marks,
 * digits and hyphens (what slugify makes of a title), short enough for every file system.
 */
const slug = z
  .string()
  .regex(/^[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}-]*$/u, 'use lower-case letters, digits and hyphens')
  .refine((s) => new TextEncoder().encode(s).length <= SLUG_MAX_BYTES, `is too long for a file name — use at most ${SLUG_MAX_BYTES} bytes`);

export const articleMeta = z.object({
  title: z.string({ error: 'the article has no title — add `title:` to the front matter (Markdown), a <title> or <h1> (HTML), or meta.title (JSON)' }).trim().min(1, 'the title is empty — give the article a title'),
  subtitle: z.string().optional(),
  authors: z.array(author).default([]),
  published: dateString.optional(),
  modified: dateString.optional(),
  publisher: z.string().optional(),
  section: z.string().optional(),
  tags: z.array(z.string()).default([]),
  lang: languageTag,
  dir: textDirection.optional(),
  description: z.string().optional(),
  /** Canonical URL of the original article. */
  source: z.string().optional(),
  rights: z.string().optional(),
  cover: cover.optional(),
  /** File-name stem and id of the article; derived from the title when absent. */
  slug: slug.optional(),
});
export type ArticleMeta = z.infer<typeof articleMeta>;

/** Trim sizes the PDF writer knows by name; anything else is `WIDTHxHEIGHT` with a unit (mm, in, pt). */
export const pageSize = z.string().regex(
  /^(?:A4|A5|Letter|6x9|\d+(?:\.\d+)?(?:mm|in|pt)?x\d+(?:\.\d+)?(?:mm|in|pt))$/i,
  'is not a page size — use A4, A5, Letter, 6x9, or WIDTHxHEIGHT with a unit such as 148mmx210mm',
);

export const publicationMeta = z.object({
  title: z.string({ error: 'the publication has no title — add `title:` to publication.yaml' }).trim().min(1, 'the title is empty — give the publication a title'),
  subtitle: z.string().optional(),
  authors: z.array(author).default([]),
  publisher: z.string().optional(),
  /** `urn:isbn:…`, `urn:uuid:…`, a DOI or a URL. Derived (UUID v5) when absent, stable across builds. */
  identifier: z.string().optional(),
  lang: languageTag,
  dir: textDirection.optional(),
  published: dateString.optional(),
  modified: dateString.optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).default([]),
  source: z.string().optional(),
  rights: z.string().optional(),
  cover: cover.optional(),
  series: z.object({ name: nonEmpty('the series name'), position: z.number().optional() }).optional(),
  slug: slug.optional(),
  pageSize: pageSize.optional(),
  bleed: z.boolean().optional(),
});
export type PublicationMeta = z.infer<typeof publicationMeta>;
