/**
 * Reads an EPUB's metadata with calibre's `ebook-meta` (calibre 6.x), a real reading system's
 * metadata reader, and parses its `Key : value` lines.
 *
 * What calibre does with EPUB 3 metadata, checked against its source (calibre/ebooks/metadata/opf3.py,
 * utils/date.py) and output:
 * - Title: the main title, then `: ` and the subtitle when `title-type` marks one (`read_title`).
 * - Author(s): only creators whose role is `aut` (or who have none), joined by ` & `, followed by
 *   the author sort (`file-as`) in brackets.
 * - Languages: ISO 639-2 codes (`fr-CA` → `fra`); the region is dropped.
 * - Published: `dc:date` in UTC; a date without a time goes through `fix_only_date`, which moves the
 *   last day of a month back one day (and the 1st forward) so the month survives any time zone.
 * - Identifiers: `scheme:value` (`urn:isbn:…` → `isbn:…`); a `urn:uuid:` is kept as calibre's own
 *   uuid and not listed.
 * - dc:rights and dc:source are not read at all.
 */
import { spawnSync } from 'node:child_process';
import { run } from '../support/exec.js';

/** Whether calibre's `ebook-meta` can run here. */
export const hasCalibre: boolean = spawnSync('ebook-meta', ['--version'], { encoding: 'utf8' }).status === 0;

export interface CalibreReadBack {
  title?: string;
  authors: string[];
  authorSort?: string;
  publisher?: string;
  tags: string[];
  series?: string;
  languages: string[];
  published?: number;
  identifiers: Record<string, string>;
  comments?: string;
  lines: Record<string, string>;
}

export async function readCalibre(epubFile: string): Promise<CalibreReadBack> {
  const proc = await run('ebook-meta', [epubFile], { timeoutMs: 120_000 });
  if (proc.code !== 0) throw new Error(`ebook-meta exited ${proc.code}:\n${proc.stderr}${proc.stdout}`);
  const lines: Record<string, string> = {};
  let last: string | undefined;
  for (const line of proc.stdout.split('\n')) {
    const m = /^(\S[^:]*?)\s+:\s(.*)$/.exec(line);
    if (m) {
      last = m[1];
      lines[last] = m[2];
    } else if (last !== undefined && line !== '') {
      // Comments may run over several lines.
      lines[last] += `\n${line}`;
    }
  }
  const authorLine = lines['Author(s)'];
  const authorMatch = authorLine === undefined ? undefined : /^(.*?)(?: \[(.*)\])?$/.exec(authorLine);
  const split = (v: string | undefined, by: string): string[] => (v === undefined || v === '' ? [] : v.split(by));
  return {
    title: lines.Title,
    authors: split(authorMatch?.[1], ' & '),
    authorSort: authorMatch?.[2],
    publisher: lines.Publisher,
    tags: split(lines.Tags, ', '),
    series: lines.Series,
    languages: split(lines.Languages, ', '),
    published: lines.Published === undefined ? undefined : Date.parse(lines.Published),
    identifiers: Object.fromEntries(
      split(lines.Identifiers, ', ').map((pair) => [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)]),
    ),
    comments: lines.Comments,
    lines,
  };
}

/**
 * calibre's `fix_only_date` (utils/date.py), which it applies to a `dc:date` without a time:
 * the last day of a month moves back a day, the 1st moves forward a day.
 */
export function calibreOnlyDate(instant: number): number {
  const d = new Date(instant);
  const next = new Date(instant + 86_400_000);
  let day = d.getUTCDate();
  // calibre compares month numbers, so 31 December stays (January is not "greater").
  if (next.getUTCMonth() > d.getUTCMonth()) day -= 1;
  if (day === 1) day = 2;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/** calibre's language codes for the BCP 47 primary subtags used in the fixtures (ISO 639-2/B = /T here). */
export const CALIBRE_LANGUAGE: Record<string, string> = { en: 'eng', fr: 'fra', de: 'deu', es: 'spa', it: 'ita', ar: 'ara' };
