/**
 * `<img>` → figure. The model has no inline images, so an image always makes a block; alone in a
 * paragraph that is exactly Markdown's `![alt](src "title")`. The title becomes the caption.
 * An image whose source was refused (javascript:, data:, an absolute path) leaves its alt text
 * behind as text, never a figure without a source.
 */
import type { Figure } from '../../../../model/index.js';
import { allowedSrc } from '../../url-policy.js';
import { blockPiece } from '../content.js';
import { stringProp } from '../hast.js';
import type { Handler } from '../state.js';

export const image: Handler = (node) => {
  const src = allowedSrc(stringProp(node, 'src'));
  const alt = stringProp(node, 'alt');
  // Spaces keep the alt text of neighbouring images apart; whitespace collapsing removes extras.
  if (src === undefined) return alt ? [{ type: 'text', value: ` ${alt} ` }] : [];
  const title = stringProp(node, 'title')?.trim();
  const id = stringProp(node, 'id');
  const figure: Figure = {
    type: 'figure',
    ...(id && { id }),
    image: { src, ...(alt !== undefined && { alt }) },
    ...(title && { caption: [{ type: 'text', value: title }] }),
  };
  return [blockPiece(figure)];
};
