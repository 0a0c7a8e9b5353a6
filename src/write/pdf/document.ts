/**
 * The document: the only module that drives pdfkit (svg-form.ts borrows it to draw an SVG into a
 * form).
 *
 * pdfkit writes the file: objects, pages, images, annotations, destinations, the outline. What
 * pages show is written as operators by page-content.ts (drawn as data, draw.ts), and fonts are
 * embedded by text/cid-font.ts with CID = glyph id, so that a drawn page's bytes do not depend on
 * the rest of the book. Everything pdfkit gets wrong or lacks for PDF/UA-1, PDF/A-2 and print is
 * done here with its low-level `ref()` API (design.md §4):
 * - page boxes: pdfkit writes only the MediaBox; TrimBox/BleedBox are set on each new page;
 * - tagging: no pdfkit `struct()`; marked content is written directly and the structure tree is
 *   serialized by tag/structure-tree.ts through {@link PdfObjects};
 * - metadata: pdfkit's XMP is unescaped and incomplete, so `endMetadata` is replaced to write ours;
 * - determinism: the file ID comes from the identifier, dates from the record, images are embedded
 *   one at a time (pdfkit inflates PNGs asynchronously, which would otherwise let object order race).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { PdfInfo } from '../metadata/info.js';
import { ChunkWriter } from './chunk-writer.js';
import { pngHasAlpha, splitAlpha, type SplitImage } from './alpha-image.js';
import type { FontId } from '../../fonts/registry.js';
import { fontName, imageName, PageContent, type CatalogImage } from './page-content.js';
import type { PageGeometry } from './page-geometry.js';
import { pressOrigin, trimBox } from './page-geometry.js';
import { grayOf, grayOfCmyk } from './press/grayscale.js';
import { MARK_WEIGHT, type PrinterMarks } from './press/marks.js';
import { embedCidFont, type FontRef } from './text/cid-font.js';
import { num, type GlyphUse } from './text/glyph-run.js';
import { RunEncoder } from './text/run-encoder.js';

/**
 * pdfkit's CommonJS build, as the font registry requires fontkit's: its ES module build imports
 * fontkit's ES module build, a second fontkit (and unicode-properties, restructure, linebreak)
 * beside the registry's, compiled and its Unicode tables inflated at start-up (~0.1 s) for nothing.
 */
const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');

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

export type { Marked } from './page-content.js';

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
  /** Images' and forms' objects by resource name. */
  private readonly xobjectsByName = new Map<string, unknown>();
  private readonly g: PageGeometry;
  /** Shaped, encoded words and the CIDs of every font drawn with (text/glyph-book.ts). */
  private readonly encoder = new RunEncoder();
  /** Each font's Type0 dictionary, made when a page first uses it and written at the end. */
  private readonly fontRefs = new Map<FontId, Ref>();
  private readonly embeddedFonts = new Set<FontId>();

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
    this.catalog.set(key, { kind: 'bitmap', name: imageName(key), orientation: image.orientation ?? 1 });
    this.xobjectsByName.set(imageName(key), image.obj);
    return { width: image.width, height: image.height };
  }

  /**
   * An image already split into colour and alpha (alpha-image.ts), written as an image XObject
   * with its /SMask. The objects are made after the (asynchronous) decoding, all at once, so their
   * order is fixed. The generated cover comes so (its split is made from resvg's pixels).
   */
  registerSplit(key: string, image: SplitImage): { width: number; height: number } {
    const { width, height } = image;
    const obj = this.doc.ref({ Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: image.colors === 1 ? 'DeviceGray' : 'DeviceRGB', Filter: 'FlateDecode' });
    if (image.alpha) {
      const mask = this.doc.ref({ Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode', Decode: [0, 1] });
      mask.end(bufferView(image.alpha));
      dict(obj).SMask = mask;
    }
    obj.end(bufferView(image.color));
    this.catalog.set(key, { kind: 'bitmap', name: imageName(key), orientation: 1 });
    this.xobjectsByName.set(imageName(key), obj);
    return { width, height };
  }

  /**
   * Writes an SVG (usvg's simplified tree, images/svg/print.ts) once, as a form drawn under `key`.
   * svg-to-pdfkit is loaded by the first SVG, not by every build.
   */
  async registerSvg(key: string, svg: string): Promise<void> {
    const { svgForm } = await import('./svg-form.js');
    const name = imageName(key);
    const form = svgForm(this.doc, svg, key);
    this.catalog.set(key, { kind: 'form', name, width: form.width, height: form.height });
    this.xobjectsByName.set(name, form.ref);
  }

  /** Starts page `index` with its boxes and its key in the structure parent tree. */
  addPage(index: number): void {
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
  }

  /** A new, empty content stream for the current page or a part of it (page-content.ts). */
  newContent(): PageContent {
    return new PageContent(this.encoder, this.catalog, this.options.press?.grayscale === true);
  }

  /**
   * Adds what `content` wrote (and takes it from it) to the current page's content stream, or
   * plain operators, and puts what they draw with in the page's resources.
   */
  write(content: PageContent | string): void {
    if (typeof content === 'string') {
      this.doc.addContent(content);
      return;
    }
    const bytes = content.take();
    if (bytes.length > 0) this.doc.addContent(bytes as unknown as string);
    const page = this.doc.page as unknown as { fonts: Record<string, unknown>; xobjects: Record<string, unknown> };
    for (const font of content.fonts) page.fonts[fontName(font)] = this.fontRef(font);
    for (const name of content.xobjects) page.xobjects[name] = this.xobjectsByName.get(name);
  }

  /**
   * Adds a content stream already deflated (an article's page drawn as data, drawn-article.ts)
   * after the page's own, with the fonts and images it draws with.
   */
  appendStream(deflated: Uint8Array, fonts: readonly FontId[], xobjects: readonly string[]): void {
    const stream = this.doc.ref({ Filter: 'FlateDecode' });
    stream.end(bufferView(deflated));
    const page = this.doc.page as unknown as { content: Ref; dictionary: Ref; fonts: Record<string, unknown>; xobjects: Record<string, unknown> };
    dict(page.dictionary).Contents = [page.content, stream];
    for (const font of fonts) page.fonts[fontName(font)] = this.fontRef(font);
    for (const name of xobjects) page.xobjects[name] = this.xobjectsByName.get(name);
  }

  /** Adds glyphs a page drawn elsewhere used, unless one means another text here (text/glyph-book.ts). */
  adoptGlyphs(uses: readonly (readonly [FontId, readonly GlyphUse[]])[]): boolean {
    return this.encoder.glyphs.adopt(uses);
  }

  /** How pages draw the images registered here, by key (page-content.ts). */
  readonly catalog = new Map<string, CatalogImage>();

  /** A font's Type0 dictionary, made on first use and written by `finish` (cid-font.ts). */
  private fontRef(font: FontId): Ref {
    let ref = this.fontRefs.get(font);
    if (ref === undefined) this.fontRefs.set(font, (ref = this.doc.ref({})));
    return ref;
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
   * Fonts drawn with that are not embedded (for the preflight): a guard against a regression, as
   * every font drawn with is embedded by `finish` (cid-font.ts), never one of pdfkit's standard 14.
   */
  fontsNotEmbedded(): string[] {
    return [...this.fontRefs.keys()].filter((f) => !this.embeddedFonts.has(f)).sort();
  }

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
    const doc = this.doc;
    for (const [font, type0] of this.fontRefs) {
      embedCidFont(type0 as unknown as FontRef, this.encoder.glyphs.font(font), (data) => doc.ref(data ?? {}) as unknown as FontRef);
      this.embeddedFonts.add(font);
    }
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

/** A Buffer over the same memory (Buffer.from(Uint8Array) copies): images are not held twice. */
function bufferView(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** pdfkit's image objects, as far as embedding order is concerned. */
interface EmbeddableImage {
  width: number;
  height: number;
  obj: unknown;
  /** EXIF orientation of a JPEG (pdfkit reads it). */
  orientation?: number;
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

