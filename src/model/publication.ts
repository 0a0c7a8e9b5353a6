/**
 * The canonical model: a publication of one or more articles. Readers produce it, writers consume it;
 * neither knows about the other (pandoc's AST, unified's trees).
 */
import { z } from 'zod';
import { blockList } from './block.js';
import { articleMeta, publicationMeta } from './meta.js';

/** Bumped on any incompatible change; a JSON model with another major version is refused. */
export const MODEL_VERSION = '1.0';

/** A note (footnote or endnote); referenced from the text by `noteRef` inlines with the same id. */
export const note = z.object({
  id: z.string().min(1),
  children: blockList,
});

export const article = z.object({
  meta: articleMeta,
  body: blockList,
  notes: z.array(note).default([]),
  /**
   * Path of the file the article was read from. Relative image paths resolve against its folder;
   * diagnostics name it. Absent for articles built in memory (images then resolve against the cwd).
   */
  origin: z.string().optional(),
});

export const publication = z.object({
  modelVersion: z.string().regex(/^1\.\d+$/, `this broadsheet reads model version ${MODEL_VERSION}`).optional(),
  meta: publicationMeta,
  articles: z.array(article).min(1, 'a publication needs at least one article'),
  /** Folder of `publication.yaml`; the publication cover resolves against it. */
  origin: z.string().optional(),
});

export type Note = z.infer<typeof note>;
export type Article = z.infer<typeof article>;
export type Publication = z.infer<typeof publication>;
/** What a reader or a JSON file may hand in, before defaults are filled. */
export type PublicationInput = z.input<typeof publication>;
