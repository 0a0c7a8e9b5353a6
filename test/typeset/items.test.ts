import { describe, expect, it } from 'vitest';
import {
  FORBIDDEN_BREAK,
  FORCED_BREAK,
  box,
  forcedBreak,
  glue,
  isForced,
  isLegalBreak,
  lineStartAfter,
  penalty,
  type Item,
} from '../../src/write/pdf/typeset/items.js';

describe('items', () => {
  const items: Item[] = [
    box(3, 'one', 's', 0, 3),
    glue(1, 0.5, 0.3, ' '),
    glue(1, 0.5, 0.3, ' '),
    box(2, 'tw', 's', 5, 7, 'ref'),
    penalty(1, 50, true),
    box(1, 'o', 's', 7, 8),
    penalty(0, FORBIDDEN_BREAK),
    glue(1, 0.5, 0.3, '\u00A0'),
    box(1, 'x', 's', 9, 10),
    glue(0, Infinity, 0),
    forcedBreak(),
  ];

  it('builds plain objects, with a ref only when given', () => {
    expect(items[0]).toEqual({ type: 'box', width: 3, text: 'one', style: 's', offset: 0, endOffset: 3 });
    expect(items[3]).toMatchObject({ ref: 'ref' });
    expect('ref' in items[0]!).toBe(false);
    expect(forcedBreak()).toEqual({ type: 'penalty', width: 0, penalty: FORCED_BREAK, flagged: false });
  });

  it('knows the legal breakpoints: glue after a box, penalties below +∞', () => {
    expect(items.map((_, i) => isLegalBreak(items, i))).toEqual([
      false, true, false, false, true, false, false, false, false, true, true,
    ]);
    expect(isForced(items[10]!)).toBe(true);
    expect(isForced(items[4]!)).toBe(false);
  });

  it('discards glue and penalties after a break, up to a box or a forced break', () => {
    expect(lineStartAfter(items, 1)).toBe(3);
    expect(lineStartAfter(items, 4)).toBe(5);
    expect(lineStartAfter(items, 5)).toBe(8);
    expect(lineStartAfter(items, 9)).toBe(10);
  });
});
