/**
 * Markdown body → HTML with remark (CommonMark + GFM: tables, footnotes, strikethrough, autolinks,
 * task lists). Raw HTML in the Markdown is kept here (rehype-raw parses it) and goes through the
 * same sanitizer as an HTML article afterwards, so Markdown is no way around it.
 */
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

export interface MarkdownHtml {
  /** Unsanitized HTML of the body. */
  html: string;
  /** Line (in the body text) of the first level-1 heading, which may become the title. */
  firstH1Line?: number;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeStringify);

/** The body's HTML (unsanitized) and where its first `#` heading is. */
export function markdownToHtml(markdown: string): MarkdownHtml {
  const mdast: MdastRoot = processor.parse(markdown);
  const html = processor.stringify(processor.runSync(mdast));
  const h1 = mdast.children.find((node) => node.type === 'heading' && node.depth === 1);
  const line = h1?.position?.start.line;
  return { html, ...(line !== undefined && { firstH1Line: line }) };
}
