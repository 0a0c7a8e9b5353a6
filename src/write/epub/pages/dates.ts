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

/**
 * One formatter per language, made once: making an Intl formatter loads the locale's data (about
 * half a millisecond each), and a book formats a date or two per article.
 * Undefined for a tag Intl refuses.
 */
function formatter<F>(cache: Map<string, F | undefined>, lang: string, make: (lang: string) => F): F | undefined {
  if (!cache.has(lang)) {
    let made: F | undefined;
    try {
      made = make(lang);
    } catch {
      made = undefined;
    }
    cache.set(lang, made);
  }
  return cache.get(lang);
}

const dateFormats = new Map<string, Intl.DateTimeFormat | undefined>();
const listFormats = new Map<string, Intl.ListFormat | undefined>();

/** A long date in `lang` (UTC), e.g. "1. Mai 2025". */
export function humanDate(date: Date, lang: string): string {
  const format = formatter(dateFormats, lang, (l) => new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' }));
  return format ? format.format(date) : date.toISOString().slice(0, 10);
}

/** "a, b and c" in `lang`. */
export function nameList(names: readonly string[], lang: string): string {
  const format = formatter(listFormats, lang, (l) => new Intl.ListFormat(l, { type: 'conjunction' }));
  return format ? format.format(names) : names.join(', ');
}
