/**
 * The HTML article reader: a whole page or a fragment → an unvalidated article.
 *
 * Metadata and JSON-LD are read from the parsed page first (the sanitizer removes `<head>` and
 * scripts); then the article part of the page goes through the same sanitize → model mapping as
 * Markdown.
 */
import type { Element, Root } from 'hast';
import { fallbackTitle } from '../title-fallback.js';
import type { ArticleReader, Place, ReadContext } from '../types.js';
import { articleContent, type ArticleContent, type Dropped } from './content.js';
import { placeOf, readHead, type Sourced } from './head.js';
import { linkedDataArticle, type LinkedDataArticle } from './json-ld.js';
import { pageMeta } from './meta.js';
import { unwrapNoscriptImages } from './noscript.js';
import { parseHtml, reopenUnclosedComment } from './parse.js';
import { readabilityPick, type ReadabilityPick } from './readability.js';
import { sanitizeTree, warnRemovedCharacters } from './sanitize.js';
import { takeStandfirst } from './standfirst.js';
import { hastToModel, type MappingIssue } from './to-model/index.js';
import { textContent } from './to-model/hast.js';
import { contentOf, findAll } from './tree.js';
import { stripXmlIllegal } from './xml-chars.js';

/**
 * Reads an HTML page or fragment. Metadata comes from `<head>`, Open Graph and JSON-LD; `lang` is
 * left out when the page gives none, so the pipeline can apply its fallback and warn.
 */
export const readHtml: ArticleReader = (file, source, ctx) => {
  if (source.trim() === '') {
    ctx.diagnostics.error({ code: 'read.empty', file, line: 1, column: 1, message: 'the file is empty', fix: 'write the article in it, or remove the file' });
    return undefined;
  }
  const stripped = stripXmlIllegal(source);
  const { tree: document, unclosedComment } = parseHtml(stripped.text);
  if (unclosedComment) {
    const restored = reopenUnclosedComment(document, unclosedComment);
    if (restored > 0) {
      ctx.diagnostics.warn({
        code: 'read.html.unclosed-comment',
        file,
        line: unclosedComment.line,
        column: unclosedComment.column,
        message: 'this comment is never closed, so browsers hide the rest of the file; its text was kept',
        fix: 'close the comment with `-->` where it should end',
      });
    }
  }
  unwrapNoscriptImages(document);
  const head = readHead(document);
  const { linkedData, place: linkedDataPlace } = readLinkedData(head.jsonLd, file, ctx);
  const { content, guide } = chooseContent(file, document, ctx);
  const h1 = firstH1(content.root) ?? firstH1(document);
  const { meta, places, notes: metaNotes } = pageMeta({
    head,
    ...(linkedData && { linkedData }),
    ...(linkedDataPlace && { linkedDataPlace }),
    ...(h1 && { h1 }),
    ...(guide && { guesses: guide }),
  });
  for (const note of metaNotes) ctx.diagnostics.warn({ code: 'read.html.meta', file, line: note.place?.line, column: note.place?.column, message: note.message, fix: note.fix });
  warnFurniture(file, content.dropped, ctx);
  const root = takeStandfirst(content.root, meta, places);
  if (meta['title'] === undefined) {
    const title = fallbackTitle(file, ctx, 'no <title>, <h1>, og:title or JSON-LD headline');
    if (title !== undefined) meta['title'] = title;
  }

  const safe = sanitizeTree(root);
  const removed = stripped.removed + safe.removedCharacters;
  warnRemovedCharacters(ctx.diagnostics, file, removed);
  const title = typeof meta['title'] === 'string' ? meta['title'] : undefined;
  const lang = typeof meta['lang'] === 'string' ? meta['lang'] : undefined;
  const mapped = hastToModel(safe.tree, {
    ...(title !== undefined && { title }),
    ...(lang !== undefined && { lang }),
    report: (issue: MappingIssue) => ctx.diagnostics.warn({ code: issue.code, file, message: issue.message, fix: issue.fix }),
  });
  const bodyPlace = content.element ? placeOf(content.element) : undefined;
  return {
    candidate: { meta, body: mapped.body, notes: mapped.notes, origin: file },
    locate(path: readonly PropertyKey[]): Place | undefined {
      if (path[0] === 'meta' && typeof path[1] === 'string') return places.get(path[1]);
      if (path[0] === 'body') return bodyPlace;
      return undefined;
    },
  };
};

/** The first JSON-LD article; a block that is not valid JSON is reported and skipped. */
function readLinkedData(blocks: Sourced[], file: string, ctx: ReadContext): { linkedData?: LinkedDataArticle; place?: Place } {
  for (const block of blocks) {
    try {
      const linkedData = linkedDataArticle([block.value]);
      if (linkedData) return { linkedData, ...(block.place && { place: block.place }) };
    } catch (error) {
      ctx.diagnostics.warn({
        code: 'read.html.json-ld',
        file,
        line: block.place?.line,
        column: block.place?.column,
        message: `the JSON-LD block is not valid JSON (${error instanceof Error ? error.message : String(error)}), so it was ignored`,
        fix: 'fix the JSON in <script type="application/ld+json">, or remove it',
      });
    }
  }
  return {};
}

/**
 * The article part of the page (see content.ts), by `--extract`: `never` keeps the whole body;
 * `auto` asks Readability only on a whole page without one clear `<article>` (a fragment, a page
 * with its story in `<article>` and a live blog keep content.ts's choice); `always` asks it on every
 * whole page. When Readability finds no article (in `auto`, also when it finds the page too short
 * to be an article page), content.ts's choice stands.
 */
function chooseContent(file: string, document: Root, ctx: ReadContext): { content: ArticleContent; guide?: ReadabilityPick } {
  const mode = ctx.extract ?? 'auto';
  const body = findAll(document, ['body'], true)[0];
  if (mode === 'never') return { content: { root: { type: 'root', children: body ? contentOf(body) : contentOf(document) }, dropped: [], how: 'body' } };
  const content = articleContent(document);
  // parse5 gives a position only to elements written in the file: a fragment's <body> is implied.
  const wholePage = body?.position !== undefined;
  const unclear = content.how === 'main' || content.how === 'body';
  if (!wholePage || (mode === 'auto' && !unclear)) return { content };
  let guide: ReadabilityPick | undefined;
  try {
    guide = readabilityPick(document, { onlyArticlePages: mode === 'auto' });
  } catch (error) {
    // A page that trips Readability still builds, with the chooser's article, and says so.
    ctx.diagnostics.warn({
      code: 'read.html.extract',
      file,
      message: `Readability could not read this page (${error instanceof Error ? error.message : String(error)}), so the article was found without it`,
      fix: 'check the result; --extract never keeps the whole page',
    });
  }
  return guide ? { content: articleContent(document, guide), guide } : { content };
}

/** Most words a page-furniture warning names places for; the rest are counted together. */
const FURNITURE_PLACES = 8;

/**
 * One warning per article saying how many words of the page were left out and from where, e.g.
 * "left out 312 words of page furniture: nav (40), footer (120), aside.related (152)".
 */
function warnFurniture(file: string, dropped: Dropped[], ctx: ReadContext): void {
  const byPlace = new Map<string, number>();
  for (const d of dropped) byPlace.set(d.where, (byPlace.get(d.where) ?? 0) + d.words);
  const total = dropped.reduce((n, d) => n + d.words, 0);
  if (total === 0) return;
  const places = [...byPlace].map(([where, words]) => `${where} (${words})`);
  const shown = places.slice(0, FURNITURE_PLACES).join(', ');
  const more = places.length > FURNITURE_PLACES ? ` and ${places.length - FURNITURE_PLACES} more places` : '';
  ctx.diagnostics.warn({
    code: 'read.html.furniture',
    file,
    message: `left out ${total} word${total === 1 ? '' : 's'} of page furniture: ${shown}${more}`,
    fix: 'if any of it is article text, put the whole article in one <article> element, or build with --extract never to keep the whole page',
    details: [...dropped].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)).map((d) => `${d.line !== undefined ? `${d.line}:${d.column ?? 1}: ` : ''}${d.where} (${d.words}): “${d.text}”`),
  });
}

function firstH1(root: Root | Element): Sourced | undefined {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'h1') {
      const value = textContent(child).replace(/\s+/g, ' ').trim();
      const place = placeOf(child);
      if (value) return { value, ...(place && { place }) };
    }
    const inner = firstH1(child);
    if (inner) return inner;
  }
  return undefined;
}
