/**
 * The Markdown article reader: YAML front matter → metadata, body → HTML → the same sanitizer and
 * HTML→model mapping as the HTML reader.
 */
import path from 'node:path';
import { parseDate } from '../../model/index.js';
import { hastToModel } from '../html/index.js';
import { sanitizeTree, warnRemovedCharacters } from '../html/sanitize.js';
import { stripXmlIllegal } from '../html/xml-chars.js';
import { fallbackTitle } from '../title-fallback.js';
import type { ArticleReader, Place } from '../types.js';
import { parseFrontMatter, splitFrontMatter, type FrontMatter } from './front-matter.js';
import { frontMatterMeta } from './meta.js';
import { markdownToHast } from './to-html.js';

/** Jekyll's `2025-06-30-title.md`: the date a post without `date:` was published. */
const DATED_FILE = /^(\d{4}-\d{2}-\d{2})-/;

/**
 * Reads a Markdown file with optional YAML front matter. Reader-level problems (empty file, broken
 * YAML) are reported with their line; metadata is validated later against the model.
 */
export const readMarkdown: ArticleReader = (file, source, ctx) => {
  const normalized = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') {
    ctx.diagnostics.error({ code: 'read.empty', file, line: 1, column: 1, message: 'the file is empty', fix: 'write the article in it, or remove the file' });
    return undefined;
  }
  // Removing characters never removes a line feed, so line numbers stay those of the file.
  const stripped = stripXmlIllegal(normalized);
  const split = splitFrontMatter(stripped.text);
  if ('unclosed' in split) {
    ctx.diagnostics.error({
      code: 'read.front-matter.unclosed',
      file,
      line: split.unclosed,
      column: 1,
      message: 'the front matter opened here is never closed',
      fix: 'end the front matter with a line holding only `---`',
    });
    return undefined;
  }
  let frontMatter: FrontMatter | undefined;
  if (split.frontMatter) {
    frontMatter = parseFrontMatter(split.frontMatter, file, ctx.diagnostics);
    if (!frontMatter) return undefined;
  }
  const { meta, sources, duplicates } = frontMatterMeta(frontMatter?.data ?? {});
  for (const d of duplicates) {
    const place = frontMatter?.locate([d.ignored]);
    ctx.diagnostics.warn({
      code: 'read.front-matter.duplicate',
      file,
      line: place?.line,
      column: place?.column,
      message: `\`${d.ignored}\` repeats \`${d.used}\` (both give the ${d.field}), so it was ignored`,
      fix: `keep only one of \`${d.used}\` and \`${d.ignored}\``,
    });
  }
  const dated = DATED_FILE.exec(path.basename(file));
  if (meta['published'] === undefined && dated && parseDate(dated[1]!)) meta['published'] = dated[1];

  const { tree, firstH1Line, unclosedComment } = markdownToHast(split.body);
  if (unclosedComment) {
    ctx.diagnostics.warn({
      code: 'read.markdown.unclosed-comment',
      file,
      line: unclosedComment.line + split.bodyLine - 1,
      column: unclosedComment.column,
      message: 'this comment is never closed, so it would hide the rest of the file; its text was kept',
      fix: 'close the comment with `-->` where it should end',
    });
  }
  const safe = sanitizeTree(tree);
  const removed = stripped.removed + safe.removedCharacters;
  warnRemovedCharacters(ctx.diagnostics, file, removed);
  const title = typeof meta['title'] === 'string' && meta['title'] !== '' ? meta['title'] : undefined;
  const lang = typeof meta['lang'] === 'string' ? meta['lang'] : undefined;
  const mapped = hastToModel(safe.tree, {
    ...(title !== undefined ? { title } : { titleFromFirstH1: meta['title'] === undefined }),
    ...(lang !== undefined && { lang }),
    report: (issue) => ctx.diagnostics.warn({ code: issue.code, file, message: issue.message, fix: issue.fix }),
  });
  const titleLine = mapped.title !== undefined && firstH1Line !== undefined ? firstH1Line + split.bodyLine - 1 : undefined;
  if (mapped.title !== undefined) meta['title'] = mapped.title;
  if (meta['title'] === undefined) {
    const fallback = fallbackTitle(file, ctx, 'no `title:` in the front matter and no `# heading`');
    if (fallback !== undefined) meta['title'] = fallback;
  }
  if (mapped.body.length === 0 && mapped.notes.length === 0) {
    ctx.diagnostics.warn({ code: 'read.no-body', file, line: split.bodyLine, column: 1, message: 'the article has no text after its front matter', fix: 'write the article below the closing `---`' });
  }

  return {
    candidate: { meta, body: mapped.body, notes: mapped.notes, origin: file },
    locate(where: readonly PropertyKey[]): Place | undefined {
      if (where[0] === 'body') return { line: split.bodyLine, column: 1 };
      if (where[0] !== 'meta') return undefined;
      if (where.length === 1) return frontMatter ? { line: frontMatter.line, column: 1 } : undefined;
      if (where[1] === 'title' && titleLine !== undefined) return { line: titleLine, column: 1 };
      // The longest model path with a known source, then the rest of the path inside that value.
      for (let n = where.length; n >= 2; n--) {
        const yamlPath = sources.get(where.slice(1, n).map(String).join('.'));
        if (!yamlPath || !frontMatter) continue;
        const rest = where.slice(n).filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
        for (let m = rest.length; m >= 0; m--) {
          const place = frontMatter.locate([...yamlPath, ...rest.slice(0, m)]);
          if (place) return place;
        }
      }
      return undefined;
    },
  };
};
