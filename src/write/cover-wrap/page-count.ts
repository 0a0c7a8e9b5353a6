/**
 * The interior page count a spine is sized from.
 *
 * The spine must match the book the printer binds, so the count is the interior PDF's pages after
 * padding to the binding's multiple (perfect binding: 4, blank pages at the end). Until the press
 * PDF of issue 14.1 exists, the build passes the reading PDF through {@link interiorPageCount};
 * with it, the press PDF's own (already padded) count goes here instead.
 */

/** Pages of a PDF written by broadsheet: the /Count of its page tree root. */
export function pdfPageCount(pdf: Uint8Array): number {
  // pdfkit writes one flat, uncompressed page tree (no object streams), so its root dictionary is
  // plain text: `/Type /Pages\n/Count N`. Content streams are compressed and cannot match.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const m = /\/Type\s*\/Pages\s*\/Count\s+(\d+)/.exec(text);
  if (!m) throw new Error('no page tree root (/Type /Pages /Count) in the PDF');
  return Number(m[1]);
}

/** `pages` rounded up to a multiple of `signature` (4 for perfect binding). */
export function paddedPageCount(pages: number, signature = 4): number {
  return Math.ceil(pages / signature) * signature;
}

/** What the spine of the reading PDF's book measures by: its pages padded to 4. */
export function interiorPageCount(readingPdf: Uint8Array): number {
  return paddedPageCount(pdfPageCount(readingPdf));
}
