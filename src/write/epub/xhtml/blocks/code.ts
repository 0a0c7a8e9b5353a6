import { el } from '../../../xml.js';
import type { BlockHandler } from '../context.js';
import { remainingMarkers, textWithMarkers } from '../page-break.js';

/**
 * Preformatted code. The programming language becomes a `language-…` class (the HTML convention);
 * it is not a `lang`, which names human languages. The style sheet wraps long lines. Code reads left
 * to right, also in an Arabic or Hebrew article. A page of the print edition that begins inside the
 * listing gets its marker before the character it begins with (handed over in `ctx.cursor` by the
 * block dispatcher), not before the whole listing.
 */
export const code: BlockHandler<'code'> = (node, ctx) => {
  const cls = node.language ? `language-${node.language.replace(/[^A-Za-z0-9_+-]/g, '')}` : undefined;
  return el('pre', { dir: ctx.dir === 'ltr' ? undefined : 'ltr' }, el('code', { class: cls }, textWithMarkers(node.value, ctx) + remainingMarkers(ctx)));
};
