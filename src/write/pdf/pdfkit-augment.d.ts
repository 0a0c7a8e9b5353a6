/**
 * What pdfkit 0.20.2 has and @types/pdfkit 0.17 does not declare (design.md §4): the document
 * catalog, the file ID, the metadata hook and the outline options broadsheet relies on. Only
 * document.ts uses these.
 */
declare namespace PDFKit {
  interface PDFDocument {
    /** The document catalog. */
    _root: PDFKitReference;
    /** The trailer's file identifier (both halves). */
    _id: Uint8Array;
    /** Writes the XMP packet at `end()`; replaced to write broadsheet's own packet. */
    endMetadata(): void;
    /** Adds a file specification to the catalog's EmbeddedFiles name tree. */
    addNamedEmbeddedFile(name: string, ref: PDFKitReference): void;
    /** Appends one piece of the file (a string gets a newline) and advances `_offset`; replaced to batch (chunk-writer.ts). */
    _write(data: string | Uint8Array): void;
    /** Bytes written so far: the offsets of the cross-reference table. */
    _offset: number;
  }

  interface PDFOutline {
    addItem(title: string, options?: { expanded?: boolean; pageNumber?: number; fit?: boolean; top?: number }): PDFOutline;
  }

}
