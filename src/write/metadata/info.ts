/**
 * The PDF document information dictionary (ISO 32000-1 §14.3.3), formatted from the one
 * MetadataRecord so that it always agrees with the XMP packet — PDF/A-2 (ISO 19005-2 §6.6.3)
 * requires every Info entry to be equivalent to its XMP counterpart.
 */
import type { MetadataRecord } from './record.js';

/** The Info entries broadsheet writes. Dates stay `Date`s; the PDF writer formats them. */
export interface PdfInfo {
  Title: string;
  Author?: string;
  Subject: string;
  Keywords?: string;
  /** The tool that created the content (mirrors xmp:CreatorTool). */
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

/** Creators as one Info string, in order ("Jane Q. Doe; Ahmad Karimi"). */
export function authorLine(record: MetadataRecord): string | undefined {
  return record.creators.length === 0 ? undefined : record.creators.map((c) => c.name).join('; ');
}

/** Subjects as the one Keywords string that both Info and `pdf:Keywords` carry. */
export function keywordLine(record: MetadataRecord): string | undefined {
  return record.subjects.length === 0 ? undefined : record.subjects.join(', ');
}

/** The Info dictionary of a build; dates come from the record, never from the clock. */
export function pdfInfo(record: MetadataRecord): PdfInfo {
  const author = authorLine(record);
  const keywords = keywordLine(record);
  return {
    Title: record.title,
    ...(author !== undefined ? { Author: author } : {}),
    Subject: record.description,
    ...(keywords !== undefined ? { Keywords: keywords } : {}),
    Creator: record.producer,
    Producer: record.producer,
    CreationDate: record.published,
    ModDate: record.modified,
  };
}
