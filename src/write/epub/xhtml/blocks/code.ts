import { el, escapeXml } from '../../../xml.js';
import type { BlockHandler } from '../context.js';

/**
 * Preformatted code. The programming language becomes a `language-…` class (the HTML convention);
 * it is not a `lang`, which names human languages. The style sheet wraps long lines. Code reads left
 * to right, also in an Arabic or Hebrew article.
 */
export const code: BlockHandler<'code'> = (node, ctx) => {
  const cls = node.language ? `language-${node.language.replace(/[^A-Za-z0-9_+-]/g, '')}` : undefined;
  return el('pre', { dir: ctx.dir === 'ltr' ? undefined : 'ltr' }, el('code', { class: cls }, escapeXml(node.value)));
};
