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
import SVGtoPDF from 'svg-to-pdfkit';
import type { PdfInfo } from '../metadata/info.js';
import { fontPath, type FontId } from '../../fonts/registry.js';
import { fontRuns } from './font-metrics.js';
import type { PageGeometry } from './page-geometry.js';
import { pressOrigin, trimBox } from './page-geometry.js';
import { grayOf, grayOfCmyk } from './press/grayscale.js';
import { MARK_WEIGHT, type PrinterMarks } from './press/marks.js';
import type { Face } from './text-style.js';
import { glyphClusters } from './text/clusters.js';
import { shape } from './text/shape.js';

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
  private readonly chunks: Uint8Array[] = [];
  private readonly pages: Ref[] = [];
  private readonly annotations: Ref[] = [];
  private readonly images = new Map<string, PDFKit.Mixins.ImageSrc>();
  /** SVG documents drawn as vectors, by key (already simplified by usvg: paths, no text). */
  private readonly vectors = new Map<string, string>();
  private readonly g: PageGeometry;
  private grey = false;

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
    const image = (this.doc as unknown as { openImage(src: Uint8Array): EmbeddableImage }).openImage(Buffer.from(data));
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

  /** Registers an SVG to draw as vectors under `key` (see images/svg/print.ts). */
  registerSvg(key: string, svg: string): void {
    this.vectors.set(key, svg);
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

  begin(m: Marked): void {
    if ('mcid' in m) this.doc.addContent(`/${m.tag} <</MCID ${m.mcid}>> BDC`);
    else if ('artifact' in m) this.doc.addContent(`/Artifact <</Type /${m.artifact}${m.subtype ? ` /Subtype /${m.subtype}` : ''}>> BDC`);
    else this.doc.addContent(`/Span <</ActualText ${utf16Hex(m.actualText)}>> BDC`);
  }

  end(): void {
    this.doc.addContent('EMC');
  }

  /**
   * Draws `text` with its baseline at y (top-left origin), `tracking` points between characters;
   * returns the advance. Each run of one font (fallback per character) is shaped with fontkit and
   * drawn as a glyph run; `rtl` text (an odd bidi level) has its font runs in right-to-left order.
   */
  text(text: string, x: number, y: number, face: Face, size: number, grey = false, tracking = 0, rtl = false): number {
    if (this.grey !== grey) {
      this.doc.fillColor(grey ? '#555555' : '#000000');
      this.grey = grey;
    }
    const runs = fontRuns(text, face);
    if (rtl) runs.reverse();
    let pen = x;
    for (const run of runs) pen += this.glyphRun(run.text, run.font, pen, y, size, tracking);
    return pen - x;
  }

  /**
   * One shaped run of one font as a text object. pdfkit's own `text()` shapes word by word in
   * logical order (so an RTL phrase comes out with its words reversed) and cannot mark clusters, so
   * glyphs are laid out here with fontkit and written into pdfkit's subset of the font, which keeps
   * pdfkit's subsetting, widths and ToUnicode map.
   *
   * A cluster whose glyphs do not map back to its characters in logical order (an Indic vowel sign
   * drawn before its consonant; a glyph shared by two letters, as Noto Naskh shares the body of ح
   * and ج and adds the dot as a mark) is wrapped in a Span with /ActualText (ISO 32000-1 §14.9.4),
   * so text extraction and assistive technology read the right letters. Clusters are small (one
   * letter or syllable), so extractors that reorder RTL text by position still get the order right.
   */
  private glyphRun(text: string, font: FontId, x: number, y: number, size: number, tracking: number): number {
    const doc = this.doc;
    doc.font(fontPath(font));
    const f = (doc as unknown as { _font: PdfkitEmbeddedFont })._font;
    const page = doc.page as unknown as { fonts: Record<string, unknown>; height: number };
    if (page.fonts[f.id] == null) page.fonts[f.id] = f.ref();
    this.usedFontIds.add(f.id);
    // Shaped (and cached) with the registry's copy of the font, as the typesetter measured it;
    // glyph ids are the file's, so pdfkit's subset of its own copy takes them as they are.
    const layout = shape(font, text);
    const glyphs = layout.glyphs;
    const n = glyphs.length;
    const scale = size / layout.unitsPerEm;
    const cids: number[] = [];
    const drawn: string[] = [];
    for (const glyph of glyphs) {
      const cid = cidFor(f, glyph);
      cids.push(cid);
      drawn.push(String.fromCodePoint(...(f.unicode[cid] ?? [])));
    }
    // Pen position of every glyph, in drawing (visual) order.
    const at: number[] = [];
    let pen = x;
    for (let i = 0; i < n; i++) {
      at.push(pen);
      pen += glyphs[i]!.xAdvance * scale + tracking;
    }
    const rtl = layout.direction === 'rtl';
    const top = page.height - y;
    const ops: string[] = ['BT', `/${f.id} ${num(size)} Tf`, `1 0 0 1 ${num(x)} ${num(top)} Tm`];
    if (tracking !== 0) ops.push(`${num(tracking)} Tc`);
    // One TJ array; a glyph that is not where the previous one left the pen (kerning, a mark, a
    // right-to-left cluster written base first) gets an adjustment, a raised one a text rise, so
    // that the baseline extractors see stays the line's.
    let tj: string[] = [];
    const flush = (): void => {
      if (tj.length > 0) ops.push(`[${tj.join(' ')}] TJ`);
      tj = [];
    };
    let cursor = x;
    let rise = 0;
    const toText = 1000 / size;
    const floats = (i: number): boolean => {
      const g = glyphs[i]!;
      return (g.xOffset !== 0 || g.yOffset !== 0) && g.codePoints.length > 0 && g.codePoints.every(isMark);
    };
    // poppler 22's structure reader (pdfinfo -struct-text) stops reading an element at a
    // right-to-left cluster with ActualText; pdftotext, which would otherwise break the word and
    // the line at the raised mark, reads it right. The spec's way is kept.
    for (const c of glyphClusters(text, layout, drawn, floats)) {
      if (c.actualText !== undefined) {
        flush();
        ops.push(`/Span <</ActualText ${utf16Hex(c.actualText)}>> BDC`);
      }
      const order: number[] = [];
      for (let k = c.from; k < c.to; k++) order.push(rtl ? c.to - 1 - (k - c.from) : k);
      // Floating marks last, each under an empty ActualText (their text is the cluster's).
      const floating = new Set(c.floating ?? []);
      if (floating.size > 0) order.sort((a, b) => Number(floating.has(a)) - Number(floating.has(b)));
      let inFloat = false;
      for (const i of order) {
        if (floating.has(i) && !inFloat) {
          flush();
          if (c.actualText !== undefined) ops.push('EMC');
          ops.push('/Span <</ActualText <FEFF>>> BDC');
          inFloat = true;
        }
        // Right to left, a cluster is written in logical order (base, then its marks), which is how
        // extractors expect combining marks; positions are explicit either way.
        const p = glyphs[i]!;
        const dy = p.yOffset * scale;
        if (Math.abs(dy - rise) > 1e-6) {
          flush();
          ops.push(`${num(dy)} Ts`);
          rise = dy;
        }
        const target = at[i]! + p.xOffset * scale;
        const delta = target - cursor;
        if (Math.abs(delta) > 1e-4) tj.push(num(-delta * toText));
        tj.push(`<${cids[i]!.toString(16).padStart(4, '0')}>`);
        cursor = target + ((f.widths[cids[i]!] ?? 0) * size) / 1000 + tracking;
      }
      if (c.actualText !== undefined || inFloat) {
        flush();
        ops.push('EMC');
      }
    }
    flush();
    if (rise !== 0) ops.push('0 Ts');
    ops.push('ET');
    doc.save();
    doc.transform(1, 0, 0, -1, 0, page.height);
    doc.addContent(ops.join('\n'));
    doc.restore();
    return pen - x;
  }

  image(key: string, x: number, y: number, width: number, height: number, clipToPage = false): void {
    const vector = this.vectors.get(key);
    if (vector !== undefined) {
      this.svg(vector, x, y, width, height);
      return;
    }
    const image = this.images.get(key);
    if (!image) throw new Error(`image ${key} was not registered`);
    if (clipToPage) {
      this.doc.save();
      this.doc.rect(0, 0, this.g.mediaWidth, this.g.mediaHeight).clip();
    }
    this.doc.image(image, x, y, { width, height });
    if (clipToPage) this.doc.restore();
  }

  /**
   * Draws an SVG as vectors inside the current marked content (the caller's Figure), clipped to its
   * box. svg-to-pdfkit writes paths, gradients and opacity through pdfkit's vector API inside
   * save/restore; usvg has already turned text into outlines, so no font is selected here and the
   * text layer stays the article's.
   */
  private svg(svg: string, x: number, y: number, width: number, height: number): void {
    this.doc.save();
    this.doc.rect(x, y, width, height).clip();
    SVGtoPDF(this.doc, svg, x, y, {
      width,
      height,
      preserveAspectRatio: 'xMidYMid meet',
      warningCallback: () => undefined,
      fontCallback: () => fontPath('serif-regular'),
      // Never open a file or URL an SVG names (images/svg/print.ts rasterises SVGs with images).
      imageCallback: () => '',
    });
    // restore() returns the fill colour and font to what the text cache believes they are.
    this.doc.restore();
  }

  rule(x1: number, y1: number, x2: number, y2: number, lineWidth: number): void {
    this.doc.save().lineWidth(lineWidth).strokeColor('#000000').moveTo(x1, y1).lineTo(x2, y2).stroke().restore();
  }

  /**
   * Runs `draw` with the page turned `degrees` clockwise about (x, y): the title down the spine of a
   * cover wrap (cover-wrap/). Inside, coordinates are the turned page's. The fill colour is restored
   * with the graphics state, so the text colour cache is put back with it.
   */
  rotated(degrees: number, x: number, y: number, draw: () => void): void {
    const grey = this.grey;
    this.doc.save();
    this.doc.rotate(degrees, { origin: [x, y] });
    draw();
    this.doc.restore();
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
    stream.end(Buffer.from(a.data));
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
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** The members of pdfkit's embedded font (`EmbeddedFont`) that glyph runs use. */
interface PdfkitEmbeddedFont {
  id: string;
  /** 1000 / unitsPerEm: widths are kept in thousandths of an em. */
  scale: number;
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  ref(): unknown;
}

/** pdfkit's image objects, as far as embedding order is concerned. */
interface EmbeddableImage {
  width: number;
  height: number;
  obj: unknown;
  image?: unknown;
  embed(doc: Doc): void;
}

/** Per embedded font, the extra CIDs given to glyphs that stand for other characters too. */
const duplicates = new WeakMap<PdfkitEmbeddedFont, Map<string, number>>();

/**
 * The CID (subset glyph index) a glyph is drawn with. A glyph that one font uses for several
 * characters (Noto Naskh draws ج, ح and خ on one body and adds the dots as marks) gets one CID per
 * character, each a copy of the glyph with its own ToUnicode entry: a PDF maps a CID to one text,
 * and sharing would make every ج extract as whichever letter came first.
 */
function cidFor(f: PdfkitEmbeddedFont, glyph: { id: number; codePoints: readonly number[]; advanceWidth: number }): number {
  const cid = f.subset.includeGlyph(glyph.id);
  const width = glyph.advanceWidth * f.scale;
  const mapped = f.unicode[cid];
  if (mapped == null) {
    f.unicode[cid] = [...glyph.codePoints];
    f.widths[cid] = width;
    return cid;
  }
  if (glyph.codePoints.length === 0 || sameCodePoints(mapped, glyph.codePoints)) return cid;
  let copies = duplicates.get(f);
  if (copies === undefined) duplicates.set(f, (copies = new Map()));
  const key = `${glyph.id}:${glyph.codePoints.join(',')}`;
  let copy = copies.get(key);
  if (copy === undefined) {
    // fontkit's subset writes every entry of `glyphs`, duplicates included.
    f.subset.glyphs.push(glyph.id);
    copy = f.subset.glyphs.length - 1;
    f.unicode[copy] = [...glyph.codePoints];
    f.widths[copy] = width;
    copies.set(key, copy);
  }
  return copy;
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Whether a code point is a combining mark (general category M). */
function isMark(cp: number): boolean {
  return MARK.test(String.fromCodePoint(cp));
}

const MARK = /^\p{M}$/u;

/** A number for a content stream: at most three decimals, no exponent. */
function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
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

/** `<FEFF…>`: a PDF text string in UTF-16BE, safe for any character. */
export function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}
