/**
 * The drawing surface: the only module that imports pdfkit.
 *
 * pdfkit draws text, images and vectors, subsets and embeds fonts with ToUnicode, and writes the
 * file. Everything it gets wrong or lacks for PDF/UA-1, PDF/A-2 and print is done here with its
 * low-level `ref()` API (design.md §4):
 * - page boxes: pdfkit writes only the MediaBox; TrimBox/BleedBox are set on each new page;
 * - tagging: no pdfkit `struct()`; marked content is written directly and the structure tree is
 *   serialized by tag/structure-tree.ts through {@link PdfObjects};
 * - metadata: pdfkit's XMP is unescaped and incomplete, so `endMetadata` is replaced to write ours;
 * - determinism: the file ID comes from the identifier, dates from the record, images are embedded
 *   one at a time (pdfkit inflates PNGs asynchronously, which would otherwise let object order race).
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { PdfInfo } from '../metadata/info.js';
import { ChunkWriter } from './chunk-writer.js';
import { pngHasAlpha, splitAlpha, type SplitImage } from './alpha-image.js';
import { fontPath, type FontId } from '../../fonts/registry.js';
import { fontRuns } from './font-metrics.js';
import type { PageGeometry } from './page-geometry.js';
import { pressOrigin, trimBox } from './page-geometry.js';
import { grayOf, grayOfCmyk } from './press/grayscale.js';
import { placeForm, svgForm, type SvgForm } from './svg-form.js';
import { MARK_WEIGHT, type PrinterMarks } from './press/marks.js';
import type { Face } from './text-style.js';
import { encodeRun, num, utf16Hex, type EncodedRun, type SubsetFont } from './text/glyph-run.js';

/** An indirect PDF object, opaque outside this module. */
export interface PdfRef { readonly __pdfRef: true }

/** What the structure-tree writer needs to make PDF objects (ISO 32000-1 §7.3). */
export interface PdfObjects {
  /** A new indirect object; `end` it once its data is complete. */
  ref(data: Record<string, unknown>): PdfRef;
  end(ref: PdfRef): void;
  /** Sets a key of an object that is not ended yet. */
  set(ref: PdfRef, key: string, value: unknown): void;
  /** A PDF text string (UTF-16 when needed), as opposed to a name. */
  text(value: string): unknown;
  /** A PDF name (`/Table`). */
  name(value: string): unknown;
  page(index: number): PdfRef;
  annotation(handle: number): PdfRef;
  /** Sets a catalog entry. A StructTreeRoot handed here is ended by the surface, not the caller. */
  catalog(key: string, value: unknown): void;
}

export interface SurfaceOptions {
  geometry: PageGeometry;
  info: PdfInfo;
  /** The XMP packet (metadata/xmp.ts). */
  xmp: string;
  lang: string;
  /** 16 bytes for the trailer /ID. */
  fileId: Uint8Array;
  /** sRGB ICC profile for the PDF/A OutputIntent. */
  iccProfile: Uint8Array;
  /** PDF/A-3 associated files (ISO 19005-3 §6.8), embedded and listed in the catalog's /AF. */
  attachments?: readonly Attachment[];
  /** The press edition: pages on a MediaBox grown for printer's marks, optionally all grey. */
  press?: SurfacePress;
}

/** How the press edition puts the layout on the sheet (press/). */
export interface SurfacePress {
  /** Crop and centre marks, and the slug they need around the BleedBox (press/marks.ts). */
  marks: PrinterMarks;
  /** Every colour as DeviceGray (press/grayscale.ts); images arrive grey already. */
  grayscale: boolean;
  /** Bleed on the binding edge too (default); without it, only head, foot and outside (press/options.ts). */
  bindingBleed: boolean;
}

/** A file embedded as a PDF/A-3 associated file (see `PdfSurface.embed`). */
export interface Attachment {
  name: string;
  /** MIME type, the embedded file stream's /Subtype. */
  mediaType: string;
  /** /AFRelationship: `Source` (what the PDF was made from), `Alternative` (another rendition). */
  relationship: 'Source' | 'Alternative' | 'Data' | 'Supplement';
  description: string;
  data: Uint8Array;
  /** /Params /CreationDate and /ModDate: the content's date, never the clock. */
  date: Date;
}

/** Properties of a marked-content sequence (ISO 32000-1 §14.6). */
export type Marked =
  | { tag: string; mcid: number }
  | { artifact: 'Pagination' | 'Layout' | 'Page'; subtype?: 'Header' | 'Footer' }
  | { tag: 'Span'; actualText: string };

type Doc = PDFKit.PDFDocument;
type Ref = PDFKit.PDFKitReference;

const asRef = (r: PdfRef): Ref => r as unknown as Ref;
/** A reference's dictionary; @types/pdfkit types it as a few resource keys only. */
const dict = (r: Ref): Record<string, unknown> => r.data as unknown as Record<string, unknown>;
const asPdfRef = (r: Ref): PdfRef => r as unknown as PdfRef;

export class PdfSurface {
  private readonly doc: Doc;
  /** The file's bytes as pdfkit hands them on (in 64 KiB chunks, chunk-writer.ts). */
  private readonly chunks: Uint8Array[] = [];
  private readonly pages: Ref[] = [];
  private readonly annotations: Ref[] = [];
  private readonly images = new Map<string, PDFKit.Mixins.ImageSrc>();
  /** SVG figures as Form XObjects by key, with their resource names (svg-form.ts). */
  private readonly vectors = new Map<string, SvgForm & { name: string }>();
  private readonly g: PageGeometry;
  /** Fill colour of the current page's content (the graphics state starts black on every page). */
  private grey = false;
  /** The current page's operators not yet handed to pdfkit (one addContent per page, not per glyph). */
  private content: string[] = [];
  /** Text state of the current page: it persists across BT…ET (ISO 32000-1 §9.3). */
  private inText = false;
  private tf: string | undefined;
  private tfSize = 0;
  private tc = 0;
  /**
   * The open TJ array's contents, and where the PDF's text position is after it (top-left origin).
   * `tjHex`: the contents end inside a hex string of glyphs, which the next run may continue.
   */
  private tj: string | undefined;
  private tjHex = false;
  private penX = 0;
  private penY = Number.NaN;
  /** Fonts with an entry in the current page's resources. */
  private pageFonts = new Set<string>();
  private readonly fonts = new Map<FontId, PdfkitEmbeddedFont>();
  private readonly runs = new Map<PdfkitEmbeddedFont, Map<number, Map<string, EncodedRun>>>();
  private readonly words = new Map<Face, Map<number, Map<string, readonly DrawnPiece[]>>>();

  constructor(private readonly options: SurfaceOptions) {
    this.g = options.geometry;
    this.doc = new PDFDocument({
      pdfVersion: '1.7',
      autoFirstPage: false,
      bufferPages: false,
      compress: true,
      lang: options.lang,
      displayTitle: true,
      info: { ...options.info },
      size: [this.g.mediaWidth, this.g.mediaHeight],
      margin: 0,
    });
    this.doc._id = options.fileId;
    this.doc.on('data', (chunk: Uint8Array) => this.chunks.push(chunk));
    const xmp = options.xmp;
    const doc = this.doc;
    // pdfkit's output in 64 KiB chunks instead of five tiny ones per object (chunk-writer.ts); the
    // chunks held back are handed on before the end of the stream.
    const push = doc.push.bind(doc);
    const out = new ChunkWriter((chunk) => push(chunk));
    doc._write = (data: string | Uint8Array): void => {
      doc._offset += data instanceof Uint8Array ? out.bytes(data) : out.line(String(data));
    };
    doc.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
      if (chunk === null) out.flush();
      return push(chunk, encoding);
    };
    // Our packet replaces pdfkit's (design.md §4: unescaped, no ModifyDate, no extension schema).
    doc.endMetadata = function endMetadata(): void {
      const bytes = new TextEncoder().encode(xmp);
      const ref = doc.ref({ Type: 'Metadata', Subtype: 'XML', Length: bytes.length });
      // PDF/A readers must be able to read the packet without decoding filters.
      ref.compress = false;
      ref.write(bytes);
      ref.end(undefined);
      dict(doc._root).Metadata = ref;
    };
    if (options.press?.grayscale) this.grayscale();
  }

  /**
   * Embeds an image before any page uses it, and waits until pdfkit has written it, so that the
   * object order (and so the bytes) never depends on when zlib finishes.
   */
  async registerImage(key: string, data: Uint8Array): Promise<{ width: number; height: number }> {
    if (pngHasAlpha(data)) return this.registerSplit(key, await splitAlpha(data));
    const image = (this.doc as unknown as { openImage(src: Uint8Array): EmbeddableImage }).openImage(bufferView(data));
    image.embed(this.doc);
    // PNG embedding finishes in a zlib callback (JPEG synchronously); pdfkit sets `offset` on an
    // object once it is written. Until then nothing else may allocate objects.
    const written = (): boolean => (image.obj as { offset?: number } | null)?.offset !== undefined;
    for (let waited = 0; !written(); waited++) {
      if (waited > 60_000) throw new Error(`pdfkit did not finish embedding image ${key}`);
      await new Promise((resolve) => setTimeout(resolve, waited < 100 ? 0 : 1));
    }
    this.images.set(key, image as unknown as PDFKit.Mixins.ImageSrc);
    return { width: image.width, height: image.height };
  }

  /**
   * An image already split into colour and alpha (alpha-image.ts), written as an image XObject
   * with its /SMask. The objects are made after the (asynchronous) decoding, all at once, so their
   * order is fixed.
   */
  private registerSplit(key: string, image: SplitImage): { width: number; height: number } {
    const { width, height } = image;
    const obj = this.doc.ref({ Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: image.colors === 1 ? 'DeviceGray' : 'DeviceRGB', Filter: 'FlateDecode' });
    if (image.alpha) {
      const mask = this.doc.ref({ Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode', Decode: [0, 1] });
      mask.end(bufferView(image.alpha));
      dict(obj).SMask = mask;
    }
    obj.end(bufferView(image.color));
    // What pdfkit's image() takes for an image it has already embedded.
    const embedded = { width, height, label: `Xa${this.images.size + 1}`, obj, embed: (): void => undefined };
    this.images.set(key, embedded as unknown as PDFKit.Mixins.ImageSrc);
    return { width, height };
  }

  /** Writes an SVG (usvg's simplified tree, images/svg/print.ts) once, as a form drawn under `key`. */
  registerSvg(key: string, svg: string): void {
    const name = `Fm${this.vectors.size + 1}`;
    this.vectors.set(key, { ...svgForm(this.doc, svg, key), name });
  }

  /** Starts page `index` with its boxes and its key in the structure parent tree. */
  addPage(index: number): void {
    this.flushContent();
    if (this.options.press) this.addPressPage(index);
    else this.doc.addPage({ size: [this.g.mediaWidth, this.g.mediaHeight], margin: 0 });
    const page = this.doc.page.dictionary;
    if (!this.options.press) {
      dict(page).TrimBox = trimBox(this.g);
      if (this.g.bleed > 0) dict(page).BleedBox = [0, 0, this.g.mediaWidth, this.g.mediaHeight];
    }
    // One parent-tree entry per page, keyed by page index (annotations come after all pages).
    dict(page).StructParents = index;
    // PDF/UA-1 §7.18.3: tab order follows the structure on every page with annotations.
    dict(page).Tabs = 'S';
    this.pages[index] = page;
    this.grey = false;
    this.tf = undefined;
    this.tc = 0;
    this.penY = Number.NaN;
    this.pageFonts = new Set();
  }

  begin(m: Marked): void {
    // Marked content and text objects nest: a sequence never straddles a BT…ET.
    this.closeText();
    if ('mcid' in m) this.content.push(`/${m.tag} <</MCID ${m.mcid}>> BDC`);
    else if ('artifact' in m) this.content.push(`/Artifact <</Type /${m.artifact}${m.subtype ? ` /Subtype /${m.subtype}` : ''}>> BDC`);
    else this.content.push(`/Span <</ActualText ${utf16Hex(m.actualText)}>> BDC`);
  }

  end(): void {
    this.closeText();
    this.content.push('EMC');
  }

  /**
   * Draws `text` with its baseline at y (top-left origin), `tracking` points between characters;
   * returns the advance. Each run of one font (fallback per character) is shaped with fontkit and
   * drawn as a glyph run; `rtl` text (an odd bidi level) has its font runs in right-to-left order.
   *
   * Runs drawn one after another on one baseline share a text object and, in one font, a TJ array
   * (the gap to the next word is an adjustment): one BT…ET per line and marked-content sequence.
   */
  text(text: string, x: number, y: number, face: Face, size: number, grey = false, tracking = 0, rtl = false): number {
    if (this.grey !== grey) {
      // Colour operators are allowed inside a text object (ISO 32000-1 §9.4, figure 9).
      this.flushTj();
      // The grey press edition sets even text colours in DeviceGray (press/grayscale.ts).
      if (this.options.press?.grayscale) this.content.push(grey ? '0.333 g' : '0 g');
      else this.content.push(grey ? '0.333 0.333 0.333 rg' : '0 0 0 rg');
      this.grey = grey;
    }
    let pen = x;
    if (tracking !== 0) {
      const runs = fontRuns(text, face);
      if (rtl) runs.reverse();
      for (const run of runs) {
        const f = this.embedded(run.font);
        pen += this.glyphRun(f, encodeRun(f, run.font, run.text, size, (tracking * 1000) / size), pen, y, size, tracking);
      }
      return pen - x;
    }
    const pieces = this.pieces(text, face, size);
    if (rtl) for (let i = pieces.length - 1; i >= 0; i--) pen += this.glyphRun(pieces[i]!.font, pieces[i]!.run, pen, y, size, 0);
    else for (const p of pieces) pen += this.glyphRun(p.font, p.run, pen, y, size, 0);
    return pen - x;
  }

  /**
   * `text` in `face` at `size` as encoded runs of one font each, in logical order: cached per face,
   * size and text, because a book draws the same words (and spaces) over and over, and splitting
   * into font runs and looking up each run's encoding costs more than drawing it.
   */
  private pieces(text: string, face: Face, size: number): readonly DrawnPiece[] {
    let bySize = this.words.get(face);
    if (bySize === undefined) this.words.set(face, (bySize = new Map()));
    let cache = bySize.get(size);
    if (cache === undefined) bySize.set(size, (cache = new Map()));
    let pieces = cache.get(text);
    if (pieces === undefined) {
      pieces = fontRuns(text, face).map((r) => {
        const f = this.embedded(r.font);
        return { font: f, run: this.encoded(f, r.font, r.text, size) };
      });
      // Dropped whole when full, as the encodings are (see RUN_CACHE_LIMIT).
      if (cache.size >= RUN_CACHE_LIMIT) cache.clear();
      cache.set(text, pieces);
    }
    return pieces;
  }

  /**
   * One shaped run of one font. pdfkit's own `text()` shapes word by word in logical order (so an
   * RTL phrase comes out with its words reversed) and cannot mark clusters, so glyphs are laid out
   * with fontkit (text/glyph-run.ts) and written into pdfkit's subset of the font, which keeps
   * pdfkit's subsetting, widths and ToUnicode map.
   */
  private glyphRun(f: PdfkitEmbeddedFont, run: EncodedRun, x: number, y: number, size: number, tracking: number): number {
    if (!this.pageFonts.has(f.id)) {
      // Every font drawn with reaches here first on each page it is used on.
      this.usedFontIds.add(f.id);
      const page = this.doc.page as unknown as { fonts: Record<string, unknown> };
      page.fonts[f.id] = f.ref();
      this.pageFonts.add(f.id);
    }
    if (!this.inText) {
      this.content.push('BT');
      this.inText = true;
    }
    if (this.tf !== f.id || this.tfSize !== size) {
      this.flushTj();
      this.content.push(`/${f.id} ${num(size)} Tf`);
      this.tf = f.id;
      this.tfSize = size;
    }
    if (this.tc !== tracking) {
      this.flushTj();
      this.content.push(`${num(tracking)} Tc`);
      this.tc = tracking;
    }
    const toText = 1000 / size;
    if (this.tj !== undefined && this.penY === y) {
      // Same line, same font: the gap from where the PDF's pen is becomes an adjustment.
      const adjust = num((this.penX - x) * toText);
      if (adjust !== '0') this.tjAdd(adjust, false, false);
    } else {
      this.flushTj();
      // pdfkit's page CTM is flipped (y down), so the text matrix flips back: upright glyphs.
      this.content.push(`1 0 0 -1 ${num(x)} ${num(y)} Tm`);
    }
    for (const part of run.parts) {
      if ('tj' in part) this.tjAdd(part.tj, part.hexStart, part.hexEnd);
      else {
        this.flushTj();
        this.content.push(part.op);
      }
    }
    this.tj ??= '';
    this.penX = x + run.end / toText;
    this.penY = y;
    return run.advance / toText;
  }

  /** The run's encoding, cached per font, size and text (tracked runs are rare and not cached: see `text`). */
  private encoded(f: PdfkitEmbeddedFont, font: FontId, text: string, size: number): EncodedRun {
    let bySize = this.runs.get(f);
    if (bySize === undefined) this.runs.set(f, (bySize = new Map()));
    let cache = bySize.get(size);
    if (cache === undefined) bySize.set(size, (cache = new Map()));
    const key = text;
    let run = cache.get(key);
    if (run === undefined) {
      run = encodeRun(f, font, text, size, 0);
      // A full cache is dropped whole: memory stays flat on long books, and an encoding does not
      // depend on what was encoded before, so the bytes do not change.
      if (cache.size >= RUN_CACHE_LIMIT) cache.clear();
      cache.set(key, run);
    }
    return run;
  }

  /** pdfkit's embedded font for a registered file, selected once per document. */
  private embedded(font: FontId): PdfkitEmbeddedFont {
    let f = this.fonts.get(font);
    if (f === undefined) {
      this.doc.font(fontPath(font));
      f = (this.doc as unknown as { _font: PdfkitEmbeddedFont })._font;
      this.fonts.set(font, f);
    }
    return f;
  }

  /**
   * Adds to the open TJ array (opening one) a piece in the form of glyph-run.ts's `RunPart`:
   * glyphs right after glyphs continue the same hex string.
   */
  private tjAdd(piece: string, hexStart: boolean, hexEnd: boolean): void {
    if (this.tj === undefined || this.tj === '') this.tj = hexStart ? `<${piece}` : piece;
    else if (hexStart && this.tjHex) this.tj += piece;
    else this.tj += `${this.tjHex ? '>' : ''} ${hexStart ? '<' : ''}${piece}`;
    this.tjHex = hexEnd;
  }

  /** Writes the open TJ array. */
  private flushTj(): void {
    if (this.tj === undefined) return;
    if (this.tj.length > 0) this.content.push(`[${this.tj}${this.tjHex ? '>' : ''}] TJ`);
    this.tj = undefined;
    this.tjHex = false;
  }

  private closeText(): void {
    if (!this.inText) return;
    this.flushTj();
    this.content.push('ET');
    this.inText = false;
  }

  /** Hands the page's buffered operators to pdfkit, before it writes anything itself. */
  private flushContent(): void {
    this.closeText();
    if (this.content.length === 0) return;
    // As bytes: pdfkit would otherwise convert the string character by character in JavaScript.
    this.doc.addContent(Buffer.from(`${this.content.join('\n')}\n`, 'latin1'));
    this.content = [];
  }

  /**
   * pdfkit wrote to the page (inside q…Q, which restores the text state): the font and the text
   * position are set again before the next run, to be independent of what it did.
   */
  private pdfkitDrew(): void {
    this.tf = undefined;
    this.penY = Number.NaN;
  }

  image(key: string, x: number, y: number, width: number, height: number, clipToPage = false): void {
    const vector = this.vectors.get(key);
    if (vector !== undefined) {
      this.svg(vector, x, y, width, height);
      return;
    }
    const image = this.images.get(key);
    if (!image) throw new Error(`image ${key} was not registered`);
    this.flushContent();
    this.pdfkitDrew();
    if (clipToPage) {
      this.doc.save();
      this.doc.rect(0, 0, this.g.mediaWidth, this.g.mediaHeight).clip();
    }
    this.doc.image(image, x, y, { width, height });
    if (clipToPage) this.doc.restore();
  }

  /**
   * Draws an SVG's form inside the current marked content (the caller's Figure), fitted and clipped
   * to its box: plain operators, with the form's gradients and opacity in its own resources.
   */
  private svg(form: SvgForm & { name: string }, x: number, y: number, width: number, height: number): void {
    this.closeText();
    (this.doc.page as unknown as { xobjects: Record<string, unknown> }).xobjects[form.name] = form.ref;
    this.content.push(placeForm(form.name, form, x, y, width, height));
  }

  rule(x1: number, y1: number, x2: number, y2: number, lineWidth: number): void {
    this.flushContent();
    this.pdfkitDrew();
    this.doc.save().lineWidth(lineWidth).strokeColor('#000000').moveTo(x1, y1).lineTo(x2, y2).stroke().restore();
  }

  /**
   * Runs `draw` with the page turned `degrees` clockwise about (x, y): the title down the spine of a
   * cover wrap (cover-wrap/). Inside, coordinates are the turned page's. The fill colour is restored
   * with the graphics state, so the text colour cache is put back with it.
   */
  rotated(degrees: number, x: number, y: number, draw: () => void): void {
    const grey = this.grey;
    // Buffered text must reach the page inside the turned state, so flush on both sides of it.
    this.flushContent();
    this.pdfkitDrew();
    this.doc.save();
    this.doc.rotate(degrees, { origin: [x, y] });
    draw();
    this.flushContent();
    this.doc.restore();
    this.pdfkitDrew();
    this.grey = grey;
  }

  /** A link annotation; returns its handle for the structure tree's OBJR. */
  link(x: number, y: number, width: number, height: number, target: { uri: string } | { dest: string }, contents: string, structParent: number): number {
    const action = 'uri' in target ? this.doc.ref({ S: 'URI', URI: new String(target.uri) }) : this.doc.ref({ S: 'GoTo', D: new String(target.dest) });
    action.end(undefined);
    const options = { Subtype: 'Link', A: action, Contents: new String(contents), StructParent: structParent, F: 4 };
    this.doc.annotate(x, y, width, height, options as unknown as PDFKit.Mixins.AnnotationOption);
    const annots = this.doc.page.annotations as Ref[];
    const ref = annots[annots.length - 1];
    if (!ref) throw new Error('pdfkit did not add the annotation');
    this.annotations.push(ref);
    return this.annotations.length - 1;
  }

  /** A named destination at (x, y) on the current page. */
  dest(name: string, x: number, y: number): void {
    this.doc.addNamedDestination(name, 'XYZ', x, y, null);
  }

  /** Bookmarks: nested entries in order. */
  outline(entries: readonly { title: string; level: number; page: number }[]): void {
    const stack: { level: number; item: PDFKit.PDFOutline }[] = [{ level: 0, item: this.doc.outline }];
    for (const e of entries) {
      while (stack.length > 1 && stack[stack.length - 1]!.level >= e.level) stack.pop();
      const item = stack[stack.length - 1]!.item.addItem(e.title, { pageNumber: e.page, fit: true });
      stack.push({ level: e.level, item });
    }
  }

  // --- The press edition (press/): grown MediaBox, printer's marks, grey colours. ---

  /**
   * A page of the press edition: the MediaBox grown by the marks' slug on every side, BleedBox and
   * TrimBox inside it, the marks drawn in the slug, then everything else shifted by the slug so that
   * layout's coordinates (origin at the BleedBox's corner) hold unchanged.
   *
   * The marks are an Artifact of /Type /Page: ISO 32000-1 §14.8.2.2.1 names "cut marks and colour
   * bars" as the example of Page artifacts, "production aids extraneous to the document itself".
   * Not PrinterMark annotations (§12.5.6.20): the press edition has no annotations at all, which is
   * what print shops' preflight asks. They are drawn in the registration colour, /Separation /All
   * (§8.6.6.4: marks that must show on every plate), with a DeviceGray alternate, which PDF/A-2
   * allows beside an RGB OutputIntent where a DeviceCMYK one would not be.
   */
  private addPressPage(index: number): void {
    const { marks, bindingBleed } = this.options.press!;
    const s = marks.slug;
    const origin = pressOrigin(this.g, index, s, bindingBleed);
    const width = this.g.mediaWidth + 2 * s - (origin.bindingBleed ? 0 : this.g.bleed);
    const height = this.g.mediaHeight + 2 * s;
    this.doc.addPage({ size: [width, height], margin: 0 });
    const page = this.doc.page.dictionary;
    const [l, b, r, t] = trimBox(this.g);
    dict(page).TrimBox = [l + origin.x, b + origin.y, r + origin.x, t + origin.y];
    dict(page).BleedBox = [s, s, width - s, height - s];
    if (marks.lines.length > 0) {
      (this.doc.page as unknown as { colorSpaces: Record<string, unknown> }).colorSpaces.CSAll = this.registration();
      const ops = ['/Artifact <</Type /Page>> BDC', 'q', '/CSAll CS 1 SCN', `${num(MARK_WEIGHT)} w`, '0 J'];
      for (const m of marks.lines) ops.push(`${num(m.x1)} ${num(m.y1)} m ${num(m.x2)} ${num(m.y2)} l S`);
      for (const c of marks.circles) ops.push(circlePath(c.cx, c.cy, c.r), 'S');
      ops.push('Q', 'EMC');
      this.doc.addContent(ops.join('\n'));
    }
    this.doc.translate(origin.x, origin.y);
  }

  private registrationRef: Ref | undefined;

  /** `[/Separation /All /DeviceGray f]`, tint 1 = black (one object for the whole file). */
  private registration(): Ref {
    if (!this.registrationRef) {
      const fn = this.doc.ref({ FunctionType: 2, Domain: [0, 1], C0: [1], C1: [0], N: 1 });
      fn.end(undefined);
      this.registrationRef = this.doc.ref(['Separation', 'All', 'DeviceGray', fn] as unknown as Record<string, unknown>);
      this.registrationRef.end(undefined);
    }
    return this.registrationRef;
  }

  /**
   * Turns every colour pdfkit and svg-to-pdfkit set (fills, strokes, gradient stops) into DeviceGray:
   * pdfkit picks the colour space from the length of the normalised colour, so a one-component
   * colour is written as `/DeviceGray cs g scn` and a gradient of them gets a DeviceGray shading.
   */
  private grayscale(): void {
    const doc = this.doc as unknown as { _normalizeColor(c: unknown): unknown; _getColorSpace(c: unknown): string };
    const normalize = doc._normalizeColor.bind(doc);
    const space = doc._getColorSpace.bind(doc);
    doc._normalizeColor = (color: unknown): unknown => {
      const c = normalize(color);
      if (!Array.isArray(c)) return c;
      if (c.length === 3) return [grayOf(c[0], c[1], c[2])];
      if (c.length === 4) return [grayOfCmyk(c[0], c[1], c[2], c[3])];
      return c;
    };
    doc._getColorSpace = (color: unknown): string => (Array.isArray(color) && color.length === 1 ? 'DeviceGray' : space(color));
  }

  /**
   * Fonts drawn with that are not embedded (for the preflight). Every font broadsheet uses comes
   * from the registry and is embedded, so this is a guard against a regression: pdfkit's standard
   * 14 fonts (an `AFMFont`, no `subset`) are the only ones it writes without their program.
   */
  fontsNotEmbedded(): string[] {
    const families = (this.doc as unknown as { _fontFamilies: Record<string, { id: string; name?: string; subset?: unknown }> })._fontFamilies;
    const used = new Set(this.usedFontIds);
    return Object.values(families).filter((f) => used.has(f.id) && f.subset === undefined).map((f) => f.name ?? f.id).sort();
  }

  private readonly usedFontIds = new Set<string>();

  /** The objects API for the structure tree and the catalog. */
  objects(): PdfObjects {
    const doc = this.doc;
    return {
      ref: (data) => asPdfRef(doc.ref(data)),
      end: (ref) => asRef(ref).end(undefined),
      set: (ref, key, value) => {
        dict(asRef(ref))[key] = value;
      },
      text: (value) => new String(value),
      name: (value) => value,
      page: (index) => {
        const p = this.pages[index];
        if (!p) throw new Error(`no page ${index}`);
        return asPdfRef(p);
      },
      annotation: (handle) => {
        const a = this.annotations[handle];
        if (!a) throw new Error(`no annotation ${handle}`);
        return asPdfRef(a);
      },
      catalog: (key, value) => {
        dict(doc._root)[key] = value;
      },
    };
  }

  /**
   * One associated file (ISO 32000-2 §7.11.4, ISO 19005-3 §6.8): the embedded stream with its MIME
   * /Subtype and /Params, a file specification with /AFRelationship, and an EmbeddedFiles entry.
   * Not pdfkit's `file()`: it writes /CheckSum as 32 hex characters where the PDF wants the 16 bytes.
   */
  private embed(a: Attachment): Ref {
    const doc = this.doc;
    const stream = doc.ref({
      Type: 'EmbeddedFile',
      // A name: its `/` must be written #2F (ISO 32000-1 §7.3.5).
      Subtype: a.mediaType.replace(/[^A-Za-z0-9.+-]/g, (c) => `#${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`),
      Params: { Size: a.data.length, CheckSum: new Uint8Array(createHash('md5').update(a.data).digest()), CreationDate: a.date, ModDate: a.date },
    });
    stream.end(bufferView(a.data));
    const spec = doc.ref({
      Type: 'Filespec',
      F: new String(a.name),
      UF: new String(a.name),
      Desc: new String(a.description),
      AFRelationship: a.relationship,
      EF: { F: stream },
    });
    spec.end(undefined);
    doc.addNamedEmbeddedFile(a.name, spec);
    return spec;
  }

  /** Adds the OutputIntent and MarkInfo, ends the document and returns its bytes. */
  async finish(): Promise<Uint8Array> {
    this.flushContent();
    const doc = this.doc;
    const icc = doc.ref({ N: 3, Length: this.options.iccProfile.length });
    icc.write(Buffer.from(this.options.iccProfile));
    icc.end(undefined);
    const intent = doc.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
      Info: new String('sRGB IEC61966-2.1'),
      RegistryName: new String('http://www.color.org'),
      DestOutputProfile: icc,
    });
    intent.end(undefined);
    dict(doc._root).OutputIntents = [intent];
    if (this.options.attachments?.length) dict(doc._root).AF = this.options.attachments.map((a) => this.embed(a));
    // pdfkit ends the catalog's MarkInfo and StructTreeRoot itself (endMarkings).
    dict(doc._root).MarkInfo = doc.ref({ Marked: true });
    const done = new Promise<void>((resolve, reject) => {
      doc.on('end', () => resolve());
      doc.on('error', reject);
    });
    doc.end();
    await done;
    const bytes = Buffer.concat(this.chunks.splice(0));
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

/** A run of one font of a drawn text, encoded. */
interface DrawnPiece {
  readonly font: PdfkitEmbeddedFont;
  readonly run: EncodedRun;
}

/** pdfkit's embedded font (`EmbeddedFont`), as far as glyph runs use it. */
interface PdfkitEmbeddedFont extends SubsetFont {
  ref(): unknown;
}

/** A Buffer over the same memory (Buffer.from(Uint8Array) copies): images are not held twice. */
function bufferView(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** Encoded runs kept per font; a book's vocabulary in a few sizes fits well within it. */
const RUN_CACHE_LIMIT = 100_000;

/** pdfkit's image objects, as far as embedding order is concerned. */
interface EmbeddableImage {
  width: number;
  height: number;
  obj: unknown;
  image?: unknown;
  embed(doc: Doc): void;
}

/** A circle as four Bézier arcs (the standard 0.5523 control distance), for the centre marks. */
function circlePath(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  return [
    `${num(cx + r)} ${num(cy)} m`,
    `${num(cx + r)} ${num(cy + k)} ${num(cx + k)} ${num(cy + r)} ${num(cx)} ${num(cy + r)} c`,
    `${num(cx - k)} ${num(cy + r)} ${num(cx - r)} ${num(cy + k)} ${num(cx - r)} ${num(cy)} c`,
    `${num(cx - r)} ${num(cy - k)} ${num(cx - k)} ${num(cy - r)} ${num(cx)} ${num(cy - r)} c`,
    `${num(cx + k)} ${num(cy - r)} ${num(cx + r)} ${num(cy - k)} ${num(cx + r)} ${num(cy)} c`,
  ].join('\n');
}

