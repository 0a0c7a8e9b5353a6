import { el } from '../../../xml.js';
import type { InlineHandler } from '../context.js';
import { linkTarget } from '../href.js';

/**
 * A link. Web and mail addresses are kept; `#id` links are rewritten to the document that holds
 * the id; anything else (relative paths, `javascript:`, unknown ids) keeps its text but is not a link,
 * and the build says so.
 */
export const link: InlineHandler<'link'> = (node, ctx) => {
  const content = ctx.inlines(node.children, { ...ctx, inLink: true });
  if (ctx.label || ctx.inLink) return content;
  const href = linkTarget(node.href, ctx);
  if (href === undefined) {
    ctx.diagnostics.warn({
      code: 'epub.link.dropped',
      file: ctx.article.article.origin,
      message: `the link to “${node.href}” in “${ctx.article.article.meta.title}” ${node.href.startsWith('#') ? 'points at an id that no article has' : 'is not a web, mail or internal address'}; the EPUB keeps its text without the link`,
      fix: 'link to an https:// or mailto: address, or to #id of a heading, figure, table or article',
    });
    return content;
  }
  return el('a', { href, title: node.title }, content);
};
