import { describe, expect, test } from 'vitest';
import { AA_TEXT_CONTRAST, contrastRatio, relativeLuminance } from '../../../src/write/cover/contrast.js';
import { PALETTE, TEXT_COLOURS } from '../../../src/write/cover/palette.js';

describe('WCAG contrast', () => {
  test('matches the definition at the known points', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#44bb88', '#44bb88')).toBe(1);
  });

  test('agrees with published values: #767676 on white passes AA, #777777 does not', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  test('rejects what is not #rrggbb', () => {
    expect(() => relativeLuminance('red')).toThrow(/not a #rrggbb/);
  });

  test('every text colour of the cover palette reaches AA on the paper', () => {
    for (const key of TEXT_COLOURS) {
      expect(contrastRatio(PALETTE[key], PALETTE.paper), key).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    }
  });
});
