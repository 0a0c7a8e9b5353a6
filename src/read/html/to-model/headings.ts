/**
 * Heading levels of the body. Level 1 is the article title, so the first body heading becomes 2 and
 * no level is skipped (WCAG 1.3.1, PDF/UA: H1–H6 without gaps), whatever levels the source used.
 */
import type { Block, Heading } from '../../../model/index.js';

/** Renumbers the headings of `blocks` (nested ones too) in document order, in place. */
export function normalizeHeadingLevels(blocks: readonly Block[], sourceLevels: WeakMap<Heading, number>): void {
  const stack: { source: number; level: Heading['level'] }[] = [];
  const visit = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.type === 'heading') {
        const source = sourceLevels.get(block) ?? block.level;
        while (stack.length > 0 && stack[stack.length - 1]!.source > source) stack.pop();
        const top = stack[stack.length - 1];
        let level: Heading['level'];
        if (top && top.source === source) {
          level = top.level;
          stack.pop();
        } else {
          level = clamp((top?.level ?? 1) + 1);
        }
        stack.push({ source, level });
        block.level = level;
      } else if (block.type === 'blockquote') {
        visit(block.children);
      } else if (block.type === 'list') {
        for (const item of block.items) visit(item.children);
      }
    }
  };
  visit(blocks);
}

function clamp(n: number): Heading['level'] {
  return n <= 2 ? 2 : n === 3 ? 3 : n === 4 ? 4 : n === 5 ? 5 : 6;
}
