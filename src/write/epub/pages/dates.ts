/**
 * Dates as readers see them and as machines read them (`<time datetime>`,
 * https://html.spec.whatwg.org/multipage/text-level-semantics.html#the-time-element). Formatting uses
 * the book's language and UTC, never the build machine's time zone, so builds stay identical.
 */
import { parseDate } from '../../../model/date.js';
import { el, escapeXml } from '../../xml.js';

/** A model date string as a valid `datetime` value: the calendar date, or the UTC instant. */
export function machineDate(value: string): string | undefined {
  const date = parseDate(value);
  if (!date) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `<time datetime="2025-04-28">28 April 2025</time>` in `lang`, or the text as given if it is not a date. */
export function timeElement(value: string, lang: string): string {
  const date = parseDate(value);
  const datetime = machineDate(value);
  if (!date || !datetime) return escapeXml(value);
  return el('time', { datetime }, escapeXml(humanDate(date, lang)));
}

/** A long date in `lang` (UTC), e.g. "1. Mai 2025". */
export function humanDate(date: Date, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** "a, b and c" in `lang`. */
export function nameList(names: readonly string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
