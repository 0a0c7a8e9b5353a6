/**
 * The title of an article that gives none (no front matter `title`, `<title>`, `<h1>`, og:title
 * or JSON-LD headline): its file name, as pandoc does, with a warning — or, with `--strict`, an
 * error. A whole book should not fail because one saved page lacks a `<title>`.
 */
import path from 'node:path';
import type { ReadContext } from './types.js';

/** Jekyll's `2025-06-30-` date prefix, which is the post's date, not part of its title. */
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}[-_]/;

/**
 * The title a file name gives: the base name without extension and date prefix, with `-` and `_`
 * read as spaces (`2025-06-30-my-first_post.md` → "my first post"); for `index.html` (a site
 * generator's page bundle) the folder's name. Case is kept as written.
 */
export function titleFromFileName(file: string): string {
  const ext = path.extname(file);
  let base = path.basename(file, ext);
  if (/^(?:index|_index|readme)$/i.test(base)) base = path.basename(path.dirname(path.resolve(file))) || base;
  const words = base.replace(DATE_PREFIX, '').replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words || base;
}

/**
 * The fallback title for `file`, after reporting it: a warning, or an error under `strict` (then
 * undefined, and the article has no title). `sources` names what was looked for, for the message.
 */
export function fallbackTitle(file: string, ctx: ReadContext, sources: string): string | undefined {
  const title = titleFromFileName(file);
  const d = {
    code: 'read.title.missing',
    file,
    message: ctx.strict ? `the article has no title (${sources})` : `the article has no title (${sources}), so its file name "${title}" is used`,
    fix: ctx.strict ? 'give it a title, or build without --strict to use the file name' : 'give it a title',
  };
  if (ctx.strict) {
    ctx.diagnostics.error(d);
    return undefined;
  }
  ctx.diagnostics.warn(d);
  return title;
}
