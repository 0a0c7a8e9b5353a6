/**
 * The bibliographic record as a client reads it back from one file, normalised so that the EPUB,
 * the PDF and the JSON-LD can be compared field by field (issue 5).
 *
 * Strings are kept exactly as decoded (no trimming, no Unicode normalisation): a title with `&`, `<`
 * or quotes must come back byte for byte. Dates are instants (ms since the epoch), because every
 * format writes them in its own syntax.
 */

export interface ReadCreator {
  name: string;
  /** MARC relator code; absent when the format has no place for roles (PDF Info, XMP dc:creator). */
  role?: string;
}

export interface ParityRecord {
  identifier: string;
  title: string;
  subtitle: string;
  creators: ReadCreator[];
  publisher: string;
  description: string;
  subjects: string[];
  rights: string;
  source: string;
  lang: string;
  published: number;
  modified: number;
}

export type Field = keyof ParityRecord;

/** What one file gives back: only the fields its format has a place for. */
export type ReadBack = Partial<ParityRecord>;

/** One disagreement, worded for the assertion message. */
export interface Mismatch {
  field: Field;
  source: string;
  expected: unknown;
  actual: unknown;
}

/** Stable rendering for comparison and messages (dates as ISO instants). */
export function show(field: Field, value: unknown): string {
  if ((field === 'published' || field === 'modified') && typeof value === 'number') return Number.isNaN(value) ? 'Invalid Date' : new Date(value).toISOString();
  return JSON.stringify(value);
}

/**
 * Compares `actual[field]` with `reference[field]` for every field in `fields`; a field the reader
 * did not find counts as a mismatch (the table says the format carries it).
 */
export function compare(source: string, reference: ReadBack, actual: ReadBack, fields: readonly Field[]): Mismatch[] {
  return fields
    .filter((field) => show(field, actual[field]) !== show(field, reference[field]))
    .map((field) => ({ field, source, expected: reference[field], actual: actual[field] }));
}

/** One line per mismatch: `xmp.title: expected "…", got "…"`. */
export function formatMismatches(list: readonly Mismatch[]): string {
  return list.map((m) => `${m.source}.${m.field}: expected ${show(m.field, m.expected)}, got ${show(m.field, m.actual)}`).join('\n');
}
