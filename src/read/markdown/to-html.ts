/**
 * Markdown body → an HTML tree (hast) with markdown-it (CommonMark, with GFM tables built in and
 * GFM footnotes, strikethrough, task lists and autolink literals set up in this folder). A body
 * with raw HTML is written as HTML and parsed once by parse5 (../html/parse.ts), as an HTML article
 * is, so its raw HTML and the Markdown around it make one tree; a body without raw HTML (most) has
 * that same tree built straight from the tokens (to-hast.ts). Either way the tree then goes through
 * the same sanitizer as an HTML article, so Markdown is no way around it.
 *
 * markdown-it replaced remark (micromark → mdast → hast), which was most of the reading time of a
 * Markdown book. The HTML is written in the shapes remark wrote (GFM footnote markup, `align` on
 * table cells, links as written), so the model is what it was (remark-parity.test.ts).
 */
import type { Root as HastRoot } from 'hast';
import MarkdownIt, { type Token } from 'markdown-it';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { parseHtml } from '../html/parse.js';
import { useAutolinkLiterals } from './autolink-literal.js';
import { footnoteEnv, useFootnotes } from './footnotes.js';
import { useClosedRawHtml } from './raw-html.js';
import { useStrikethrough } from './strikethrough.js';
import { useTaskLists } from './task-list.js';
import { tokensToHast } from './to-hast.js';

export interface MarkdownHtml {
  /** Unsanitized HTML tree of the body. */
  tree: HastRoot;
  /** Line (in the body text) of the first level-1 heading, which may become the title. */
  firstH1Line?: number;
  /** Where (in the body text) a `<!--` that is never closed began; its text was kept as Markdown. */
  unclosedComment?: { line: number; column: number };
}

/**
 * Blocks nested deeper than this (quotes in lists in quotes…) are read as the text of a paragraph:
 * markdown-it drops everything past its `maxNesting`, and its block parser recurses per level.
 */
const DEEPEST_BLOCK = 500;

const md = new MarkdownIt('commonmark', { html: true, maxNesting: DEEPEST_BLOCK + 20 });
md.enable(['table', 'strikethrough']);
// Links are kept as written; the sanitizer's URL policy (../html/url-policy.ts) decides which are
// safe, as for HTML. markdown-it would otherwise leave `[x](javascript:…)` as literal text.
md.validateLink = () => true;
// As micromark and remark do: percent-encode what a URL may not hold, and nothing else (markdown-it
// would also rewrite host names to punycode).
md.normalizeLink = normalizeUri;
md.normalizeLinkText = (text) => text;
useStrikethrough(md);
useFootnotes(md);
useTaskLists(md);
useAutolinkLiterals(md);
useClosedRawHtml(md);
md.block.ruler.before('table', 'depth_guard', (state, startLine, endLine, silent) => {
  if (state.level < DEEPEST_BLOCK || silent) return false;
  // To where the block parser would end this container: a line indented less than its content.
  let last = startLine + 1;
  while (last < endLine && (state.isEmpty(last) || state.sCount[last]! >= state.blkIndent)) last++;
  const text = state.getLines(startLine, last, state.blkIndent, false).trim();
  state.line = last;
  if (text === '') return true;
  state.push('paragraph_open', 'p', 1).map = [startLine, last];
  const inline = state.push('inline', '', 0);
  inline.content = text;
  inline.map = [startLine, last];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  return true;
});
// GFM alignment as the `align` attribute, which the model mapper reads (markdown-it writes a style).
md.core.ruler.push('gfm_table_align', (state) => {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const align = /^text-align:(left|center|right)$/.exec(String(token.attrGet('style') ?? ''))?.[1];
    token.attrs = align ? [['align', align]] : null;
  }
});

/** The body's HTML tree (unsanitized) and where its first `#` heading is. */
export function markdownToHast(markdown: string): MarkdownHtml {
  const env = footnoteEnv();
  const tokens = md.parse(markdown, env);
  const open = unclosedComment(tokens, markdown);
  if (open) {
    // CommonMark runs an HTML block that opens with `<!--` to the end of the document when it is
    // never closed, and a browser hides it all: the rest of the post would vanish. Read it without
    // the opener instead, like the HTML reader, and let the reader warn.
    const reread = markdownToHast(markdown.slice(0, open.offset) + markdown.slice(open.offset + 4));
    return { ...reread, unclosedComment: { line: open.line, column: open.column } };
  }
  // Without raw HTML the tree is built from the tokens; with it, parse5 reads markdown-it's HTML.
  const tree = tokensToHast(tokens, md.utils.unescapeAll) ?? parseHtml(md.renderer.render(tokens, md.options, env), { fragment: true, positions: false }).tree;
  const h1 = tokens.find((token) => token.type === 'heading_open' && token.level === 0 && token.tag === 'h1');
  const line = h1?.map ? h1.map[0] + 1 : undefined;
  return { tree, ...(line !== undefined && { firstH1Line: line }) };
}

/** markdown-it's HTML of a body (what parse5 reads when the body has raw HTML). */
export function markdownToHtml(markdown: string): string {
  const env = footnoteEnv();
  return md.renderer.render(md.parse(markdown, env), md.options, env);
}

/**
 * The `<!--` of a top-level HTML block that is a comment never closed (it runs to the end). Read
 * from the source: raw-html.ts has closed the block's copy in the tokens.
 */
function unclosedComment(tokens: Token[], markdown: string): { offset: number; line: number; column: number } | undefined {
  const end = tokens.findIndex((token) => token.type === 'footnote_block_open');
  const last = tokens[(end === -1 ? tokens.length : end) - 1];
  if (last?.type !== 'html_block' || last.level !== 0 || !last.map || !/^[ \t]*<!--/.test(last.content)) return undefined;
  let lineStart = 0;
  for (let n = 0; n < last.map[0]; n++) lineStart = markdown.indexOf('\n', lineStart) + 1;
  const offset = markdown.indexOf('<!--', lineStart);
  if (markdown.includes('-->', offset + 2)) return undefined;
  return { offset, line: last.map[0] + 1, column: offset - lineStart + 1 };
}
