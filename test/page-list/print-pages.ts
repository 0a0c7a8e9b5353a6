/**
 * The printed pages of a broadsheet PDF as a reader of the print edition sees them: each page's
 * label (the folio, from /PageLabels as pdf.js computes it) and its body text (pdftotext, cropped to
 * the text block so running heads and folios are left out).
 */
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfBodyText, pdfMeta } from '../support/pdf.js';
import { words } from '../support/words.js';

export interface PrintPage {
  /** 0-based index in the PDF. */
  index: number;
  /** The folio: "iii", "7". */
  label: string;
  /** pdftotext of the text block of this page alone (`-f N -l N`). */
  text: string;
  words: string[];
}

/** Page labels of every page, in page order (pdf.js resolves /PageLabels number trees and styles). */
export async function pageLabels(path: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(path)), verbosity: 0 }).promise;
  try {
    const labels = await doc.getPageLabels();
    return labels ?? Array.from({ length: doc.numPages }, (_, i) => String(i + 1));
  } finally {
    await doc.destroy();
  }
}

/** Every page of the PDF with its label and body text. */
export async function printPages(path: string, pageSize = 'A5', bleed = false): Promise<PrintPage[]> {
  const labels = await pageLabels(path);
  return Promise.all(
    labels.map(async (label, index) => {
      const text = await pdfBodyText(path, pageSize, bleed, { first: index + 1, last: index + 1 });
      return { index, label, text, words: words(text) };
    }),
  );
}

/** The PDF's identifier as its XMP `dc:identifier` gives it (what `pageBreakSource` must name). */
export async function pdfIdentifier(path: string): Promise<string | undefined> {
  const xmp = await pdfMeta(path);
  const m = /<dc:identifier>\s*(?:<rdf:\w+>\s*<rdf:li[^>]*>)?([^<]+)</.exec(xmp);
  return m?.[1]?.trim();
}
