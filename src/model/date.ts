/**
 * Publication dates: a calendar date (`2025-06-30`) or an instant (`2025-06-30T08:00:00Z`).
 *
 * Dates come from the content, never from the clock, so that builds are reproducible.
 */
import { z } from 'zod';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant a date string denotes (calendar dates at 00:00 UTC), or undefined if impossible. */
export function parseDate(value: string): Date | undefined {
  const m = DATE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March; a real calendar date survives the round trip.
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const zone = m[7] ?? 'Z';
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const dateString = z
  .string()
  .refine((v) => parseDate(v) !== undefined, {
    message: 'is not a real date — write it as YYYY-MM-DD (for example 2025-06-30) or as an ISO 8601 date-time',
  });
