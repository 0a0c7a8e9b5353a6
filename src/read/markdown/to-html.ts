/**
 * Markdown body → an HTML tree (hast) with remark (CommonMark + GFM: tables, footnotes,
 * strikethrough, autolinks, task lists). Raw HTML in the Markdown is kept here (rehype-raw parses it) and goes through the
 * same sanitizer as an HTML article afterwards, so Markdown is no way around it. The tree is handed
 * on as a tree: serialising it and parsing it again would let a second parse disagree with the first.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

export interface MarkdownHtml {
  /** Unsanitized HTML tree of the body. */
  tree: HastRoot;
  /** Line (in the body text) of the first level-1 heading, which may become the title. */
  firstH1Line?: number;
  /** Where (in the body text) a `<!--` that is never closed began; its text was kept as Markdown. */
  unclosedComment?: { line: number; column: number };
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });
/**
 * rehype-raw re-parses the WHOLE tree with parse5 to place embedded HTML; a body without raw HTML
 * (most Markdown) skips it: about a tenth of the reading time of such a body.
 */
const raw = unified().use(rehypeRaw);

/** The body's HTML tree (unsanitized) and where its first `#` heading is. */
export function markdownToHast(markdown: string): MarkdownHtml {
  // Parsed once: micromark is most of the cost of reading Markdown.
  const mdast: MdastRoot = processor.parse(markdown);
  const open = unclosedComment(mdast);
  if (open) {
    // CommonMark runs an HTML block that opens with `<!--` to the end of the document when it is
    // never closed, and a browser hides it all: the rest of the post would vanish. Read it without
    // the opener instead, like the HTML reader, and let the reader warn.
    const reread = markdownToHast(markdown.slice(0, open.offset) + markdown.slice(open.offset + 4));
    return { ...reread, unclosedComment: { line: open.line, column: open.column } };
  }
  const hast = processor.runSync(mdast);
  const tree = hasRaw(hast) ? raw.runSync(hast) : hast;
  const h1 = mdast.children.find((node) => node.type === 'heading' && node.depth === 1);
  const line = h1?.position?.start.line;
  return { tree, ...(line !== undefined && { firstH1Line: line }) };
}

/** The `<!--` of a top-level HTML block that is a comment never closed (it runs to the end). */
function unclosedComment(mdast: MdastRoot): { offset: number; line: number; column: number } | undefined {
  const last = mdast.children[mdast.children.length - 1];
  const start = last?.position?.start;
  if (last?.type !== 'html' || start?.offset === undefined || !last.value.startsWith('<!--') || last.value.includes('-->')) return undefined;
  return { offset: start.offset, line: start.line, column: start.column };
}

/** Whether the tree holds raw HTML (remark-rehype's `raw` nodes) that rehype-raw must parse. */
function hasRaw(node: HastRoot | HastRoot['children'][number]): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some(hasRaw);
}
