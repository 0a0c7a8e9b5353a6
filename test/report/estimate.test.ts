/**
 * The status line's arithmetic (src/progress/estimate.ts): the fraction done only grows along a
 * build's phases and publications, stays within 0–1, and no time left is guessed from too little.
 */
import { describe, expect, it } from 'vitest';
import { BUILD_PHASES, type BuildPhase } from '../../src/progress/events.js';
import { formatDuration, fractionDone, remainingMs, type BuildPosition } from '../../src/progress/estimate.js';

describe('progress estimate', () => {
  it('grows monotonically through two publications, phase by phase and article by article', () => {
    const positions: BuildPosition[] = [{ phase: 'read', publication: 0, publications: 0, within: 0 }];
    for (let publication = 0; publication < 2; publication++) {
      for (const phase of BUILD_PHASES.filter((p): p is Exclude<BuildPhase, 'read' | 'write'> => p !== 'read' && p !== 'write')) {
        for (const within of [0, 0.5, 1]) positions.push({ phase, publication, publications: 2, within });
      }
    }
    positions.push({ phase: 'write', publication: 1, publications: 2, within: 0 });
    const fractions = positions.map(fractionDone);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!, JSON.stringify(positions[i])).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBeLessThan(1);
    expect(fractions.at(-1)).toBeGreaterThan(0.95);
    // The end of publication 1 is the start of publication 2.
    expect(fractionDone({ phase: 'package', publication: 0, publications: 2, within: 1 })).toBeCloseTo(fractionDone({ phase: 'resolve', publication: 1, publications: 2, within: 0 }), 10);
  });

  it('extrapolates the time left only with enough to go on', () => {
    expect(remainingMs(0.5, 10_000)).toBe(10_000);
    expect(remainingMs(0.25, 3_000)).toBe(9_000);
    expect(remainingMs(0.01, 10_000)).toBeUndefined();
    expect(remainingMs(0.5, 500)).toBeUndefined();
    expect(formatDuration(4_400)).toBe('4 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
  });
});
