/**
 * A figure as plain data — image, caption lines, the place it is centred in — and the unit it
 * makes at a given image size. Plain data rather than a closure, so that a laid-out article can
 * cross a worker thread or go to the layout cache (src/parallel/, src/cache/) and pagination can
 * still scale the figure down to the rest of a page.
 */
import type { Unit } from './flow.js';
import { shiftItem } from './flow.js';
import type { Owner, PageItem } from './page-items.js';

export interface FigureFrame {
  /** Left edge and width of the place the figure is centred in. */
  left: number;
  span: number;
  /** The image's full width, and the least it may be scaled to. */
  width: number;
  least: number;
  /** Height over width of the image. */
  aspect: number;
  /** Space between image and caption. */
  gap: number;
  captionHeight: number;
  image?: { id: string; owner: Owner };
  /** The caption's lines, each from its own top. */
  captions: { height: number; items: PageItem[] }[];
  spaceBefore: number;
  origin: { block: number[]; offset: number };
  article: number;
}

/** The figure with its image `w` × `h`: image, then the caption under it, as one unit. */
export function figureUnit(f: FigureFrame, w: number, h: number): Unit {
  const items: PageItem[] = [];
  if (f.image) items.push({ kind: 'image', x: f.left + (f.span - w) / 2, y: 0, width: w, height: h, image: f.image.id, owner: f.image.owner });
  let y = h + f.gap;
  for (const u of f.captions) {
    for (const item of u.items) {
      const copy = { ...item };
      shiftItem(copy, 0, y);
      items.push(copy);
    }
    y += u.height;
  }
  return { height: y, items, spaceBefore: f.spaceBefore, keepWithNext: false, origin: f.origin, article: f.article };
}

/** The figure scaled to fit `available` points of height, never below its least width. */
export function shrinkFigure(f: FigureFrame, available: number): Unit {
  const w = Math.max(f.least, Math.min(f.width, (available - f.gap - f.captionHeight) / f.aspect));
  return figureUnit(f, w, w * f.aspect);
}
