import { el, escapeXml } from '../../../xml.js';
import type { BlockHandler } from '../context.js';

/**
 * Preformatted code. The programming language becomes a `language-…` class (the HTML convention);
 * it is not a `lang`, which names human languages. The style sheet wraps long lines.
 */
export const code: BlockHandler<'code'> = (node) => {
  const cls = node.language ? `language-${node.language.replace(/[^A-Za-z0-9_+-]/g, '')}` : undefined;
  return el('pre', {}, el('code', { class: cls }, escapeXml(node.value)));
};
