/**
 * The press surface draws each page's layout shifted (page-geometry.ts `pressOrigin`), but drawing
 * computed the Figures' /BBox attributes (PDF user space) for the unshifted page. A shift of
 * (x, y) from the top-left corner, on a MediaBox 2y taller, moves every point by (+x, +y) in user
 * space (origin bottom-left), so a Figure's box moves by its page's shift.
 */
import { isNode, type MarkedContentRef, type StructNode } from '../tag/struct-node.js';

export function offsetBoxes(root: StructNode, shift: (page: number) => { x: number; y: number }): void {
  const visit = (node: StructNode): void => {
    const b = node.attrs.bbox;
    const page = node.kids.find((k): k is MarkedContentRef => !isNode(k) && k.kind === 'mcr')?.page;
    if (b && page !== undefined) {
      const { x, y } = shift(page);
      node.attrs.bbox = [b[0] + x, b[1] + y, b[2] + x, b[3] + y].map((v) => Math.round(v * 100) / 100) as [number, number, number, number];
    }
    for (const kid of node.kids) if (isNode(kid)) visit(kid);
  };
  visit(root);
}
