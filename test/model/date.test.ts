import { describe, expect, it } from 'vitest';
import { dateString, parseDate } from '../../src/model/date.js';

describe('parseDate', () => {
  it('reads calendar dates as midnight UTC', () => {
    expect(parseDate('2025-06-30')?.toISOString()).toBe('2025-06-30T00:00:00.000Z');
  });
  it('reads date-times with zones', () => {
    expect(parseDate('2025-06-30T08:15:00+02:00')?.toISOString()).toBe('2025-06-30T06:15:00.000Z');
    expect(parseDate('2025-06-30 08:15')?.toISOString()).toBe('2025-06-30T08:15:00.000Z');
  });
  it('refuses impossible dates', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2023-02-29', '2025-06-31', '2025-06-30T25:00', 'June 30, 2025', '']) {
      expect(parseDate(bad), bad).toBeUndefined();
      expect(dateString.safeParse(bad).success, bad).toBe(false);
    }
    expect(parseDate('2024-02-29')).toBeDefined();
  });
});
