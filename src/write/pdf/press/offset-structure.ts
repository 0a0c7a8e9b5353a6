/**
 * The press surface draws the layout shifted by the marks' slug (document.ts `press`), but layout
 * computed the Figures' /BBox attributes (PDF user space) for the unshifted page. Shifting the
 * page by (s, s) from its top-left corner on a MediaBox 2s taller moves every point by (+s, +s) in
 * user space (origin bottom-left), so every box moves by s on both axes.
 */
import { isNode, type StructNode } from '../tag/struct-node.js';

export function offsetBoxes(root: StructNode, slug: number): void {
  if (slug === 0) return;
  const visit = (node: StructNode): void => {
    const b = node.attrs.bbox;
    if (b) node.attrs.bbox = [b[0] + slug, b[1] + slug, b[2] + slug, b[3] + slug].map((v) => Math.round(v * 100) / 100) as [number, number, number, number];
    for (const kid of node.kids) if (isNode(kid)) visit(kid);
  };
  visit(root);
}
