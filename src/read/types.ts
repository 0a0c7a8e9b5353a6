/**
 * The contract between readers and the rest of the pipeline.
 */
import type { Diagnostics } from '../check/diagnostic.js';

/** Line and column (both 1-based) of a place in an input file. */
export interface Place { line: number; column: number }

/**
 * What a reader hands back: an article-shaped value that has not been validated yet, and a way to
 * find where each field came from, so validation errors can name the line in the user's file.
 */
export interface ReadResult {
  /** Shaped like `Article` (see src/model/publication.ts) but unchecked. */
  candidate: { meta: Record<string, unknown>; body: unknown; notes?: unknown; origin: string };
  /** Place in the source of the value at `path` inside `candidate` (e.g. ['meta', 'title']). */
  locate(path: readonly PropertyKey[]): Place | undefined;
}

export interface ReadContext {
  diagnostics: Diagnostics;
  /** `--strict`: what would be a warning with a fallback (a title from the file name) is an error. Default false. */
  strict?: boolean;
  /**
   * `--extract`: when the HTML reader runs Mozilla's Readability to find the article of a whole web
   * page. `auto` (default): on whole pages without one clear `<article>`; `always`: on every whole
   * page; `never`: the whole `<body>` is kept.
   */
  extract?: ExtractMode;
}

export type ExtractMode = 'auto' | 'always' | 'never';

/** Reads one article file. Problems go to `ctx.diagnostics`; undefined means nothing usable was read. */
export type ArticleReader = (file: string, source: string, ctx: ReadContext) => ReadResult | undefined;
