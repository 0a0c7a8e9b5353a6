import { el } from '../../../xml.js';
import type { BlockHandler } from '../context.js';
import { langAttrs } from '../language.js';
import { labelLang } from '../../labels.js';

/**
 * A figure: the image and its caption and credit in a `<figcaption>`. A decorative image
 * (`alt: ''`) keeps `alt=""` and needs no caption, so without one it is not a `<figure>`.
 *
 * An image without any alt is reported by the claim gate (a11y.ts) and blocks the conformance
 * claim. So that it is still announced as an image: with a caption it is named by the caption
 * (`aria-labelledby`, HTML's "figure with a caption and no alt" case,
 * https://html.spec.whatwg.org/multipage/images.html#unknown-images); without one it gets an alt that
 * says no description is available, rather than none (which screen readers replace with the file name).
 */
export const figure: BlockHandler<'figure'> = (node, ctx) => {
  const image = ctx.images.get(node.image.src);
  const id = ctx.article.nodeIds.get(node);
  const captionInner = [
    node.caption ? ctx.inlines(node.caption, ctx) : '',
    node.credit ? el('span', { class: 'credit' }, ctx.inlines(node.credit, ctx)) : '',
  ].filter(Boolean).join(' ');
  const captionId = captionInner && node.image.alt === undefined ? ctx.article.ids.take(`${id ?? 'figure'}-caption`, 'caption') : undefined;
  let img = '';
  if (!image) {
    ctx.diagnostics.warn({
      code: 'epub.image.not-loaded',
      file: ctx.article.article.origin,
      message: `the image “${node.image.src}” in “${ctx.article.article.meta.title}” was not loaded; the EPUB has its caption only`,
    });
  } else {
    const alt = node.image.alt;
    const fallback = alt === undefined && !captionId;
    img = el('img', {
      src: image.fileName,
      alt: alt ?? (fallback ? ctx.labels.imageWithoutDescription : undefined),
      'aria-labelledby': captionId,
      title: node.image.title,
      width: image.width,
      height: image.height,
      ...(fallback ? langAttrs(labelLang(ctx.labels, ctx.lang)) : {}),
    }, null);
  }
  if (!captionInner) return el('div', { id, class: node.image.alt === '' ? 'figure decorative' : 'figure' }, img);
  return el('figure', { id }, `${img}\n` + el('figcaption', { id: captionId }, captionInner));
};
