/**
 * One page's content stream, written as operators by our own code: marked content, text as glyph
 * runs, images and forms placed by name, rules. What the page draws with (fonts, XObjects) is
 * listed for its /Resources, by names that do not depend on the rest of the document: a font by
 * its registry id, an image by its key (see `imageName`).
 *
 * Why not pdfkit's drawing calls: they name fonts and images by order of first use in the
 * document and cost a call per word; a page written as text is the same bytes wherever and
 * whenever it is drawn, which is what lets pages be drawn apart and kept between builds.
 *
 * Coordinates are pdfkit's: points from the top-left of the MediaBox, y down. The page's content
 * starts with pdfkit's flip (`1 0 0 -1 0 H cm`), written by document.ts.
 */
import { createHash } from 'node:crypto';
import type { FontId } from '../../fonts/registry.js';
import { formPlacing } from './form-placing.js';
import type { Face } from './text-style.js';
import { num, utf16Hex, type EncodedRun } from './text/glyph-run.js';
import type { RunEncoder } from './text/run-encoder.js';

/** Properties of a marked-content sequence (ISO 32000-1 §14.6). */
export type Marked =
  | { tag: string; mcid: number }
  | { artifact: 'Pagination' | 'Layout' | 'Page'; subtype?: 'Header' | 'Footer' }
  | { tag: 'Span'; actualText: string };

/**
 * How a page draws each image the document registered, by key: plain data, so that pages can be
 * drawn on worker threads. A bitmap is an image XObject (with the EXIF orientation pdfkit read), a
 * vector drawing a Form XObject of its size in points (svg-form.ts).
 */
export type CatalogImage = { kind: 'bitmap'; name: string; orientation: number } | { kind: 'form'; name: string; width: number; height: number };
export type ImageCatalog = ReadonlyMap<string, CatalogImage>;

/** The resource name of a font: its registry id (`/serif-regular`). */
export function fontName(font: FontId): string {
  return font;
}

/** The resource name of an image or form: from its key, which may hold any character. */
export function imageName(key: string): string {
  return `Im${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

export class PageContent {
  private ops: string[] = [];
  /** Fonts and XObjects the page draws with, by resource name. */
  readonly fonts = new Set<FontId>();
  readonly xobjects = new Set<string>();
  /** The runs drawn, per font: what the page's drawing owes to its document's fonts (drawn-article.ts). */
  readonly runs = new Map<FontId, Set<EncodedRun>>();
  /** Fill colour (the graphics state starts black on every page). */
  private grey = false;
  /** Text state: it persists across BT…ET (ISO 32000-1 §9.3). */
  private inText = false;
  private tf: FontId | undefined;
  private tfSize = 0;
  private tc = 0;
  /**
   * The open TJ array's contents, and where the PDF's text position is after it.
   * `tjHex`: the contents end inside a hex string of glyphs, which the next run may continue.
   */
  private tj: string | undefined;
  private tjHex = false;
  private penX = 0;
  private penY = Number.NaN;

  /** `grayscale`: every colour in DeviceGray (the grey press edition, press/grayscale.ts). */
  constructor(private readonly encoder: RunEncoder, private readonly images: ImageCatalog, private readonly grayscale = false) {}

  begin(m: Marked): void {
    // Marked content and text objects nest: a sequence never straddles a BT…ET.
    this.closeText();
    if ('mcid' in m) this.ops.push(`/${m.tag} <</MCID ${m.mcid}>> BDC`);
    else if ('artifact' in m) this.ops.push(`/Artifact <</Type /${m.artifact}${m.subtype ? ` /Subtype /${m.subtype}` : ''}>> BDC`);
    else this.ops.push(`/Span <</ActualText ${utf16Hex(m.actualText)}>> BDC`);
  }

  end(): void {
    this.closeText();
    this.ops.push('EMC');
  }

  /**
   * Draws `text` with its baseline at y, `tracking` points between characters; returns the
   * advance. Each run of one font (fallback per character) is shaped and drawn as a glyph run;
   * `rtl` text (an odd bidi level) has its font runs in right-to-left order.
   *
   * Runs drawn one after another on one baseline share a text object and, in one font, a TJ array
   * (the gap to the next word is an adjustment): one BT…ET per line and marked-content sequence.
   */
  text(text: string, x: number, y: number, face: Face, size: number, grey = false, tracking = 0, rtl = false): number {
    if (this.grey !== grey) {
      // Colour operators are allowed inside a text object (ISO 32000-1 §9.4, figure 9).
      this.flushTj();
      if (this.grayscale) this.ops.push(grey ? '0.333 g' : '0 g');
      else this.ops.push(grey ? '0.333 0.333 0.333 rg' : '0 0 0 rg');
      this.grey = grey;
    }
    const pieces = tracking !== 0 ? this.encoder.tracked(text, face, size, (tracking * 1000) / size) : this.encoder.pieces(text, face, size);
    let pen = x;
    if (rtl) for (let i = pieces.length - 1; i >= 0; i--) pen += this.glyphRun(pieces[i]!.font, pieces[i]!.run, pen, y, size, tracking);
    else for (const p of pieces) pen += this.glyphRun(p.font, p.run, pen, y, size, tracking);
    return pen - x;
  }

  /** One shaped run of one font (text/glyph-run.ts), continuing the line's TJ where it can. */
  private glyphRun(font: FontId, run: EncodedRun, x: number, y: number, size: number, tracking: number): number {
    let runs = this.runs.get(font);
    if (runs === undefined) {
      this.fonts.add(font);
      this.runs.set(font, (runs = new Set()));
    }
    runs.add(run);
    if (!this.inText) {
      this.ops.push('BT');
      this.inText = true;
    }
    if (this.tf !== font || this.tfSize !== size) {
      this.flushTj();
      this.ops.push(`/${fontName(font)} ${num(size)} Tf`);
      this.tf = font;
      this.tfSize = size;
    }
    if (this.tc !== tracking) {
      this.flushTj();
      this.ops.push(`${num(tracking)} Tc`);
      this.tc = tracking;
    }
    const toText = 1000 / size;
    if (this.tj !== undefined && this.penY === y) {
      // Same line, same font: the gap from where the PDF's pen is becomes an adjustment.
      const adjust = num((this.penX - x) * toText);
      if (adjust !== '0') this.tjAdd(adjust, false, false);
    } else {
      this.flushTj();
      // The page's CTM is flipped (y down), so the text matrix flips back: upright glyphs.
      this.ops.push(`1 0 0 -1 ${num(x)} ${num(y)} Tm`);
    }
    for (const part of run.parts) {
      if ('tj' in part) this.tjAdd(part.tj, part.hexStart, part.hexEnd);
      else {
        this.flushTj();
        this.ops.push(part.op);
      }
    }
    this.tj ??= '';
    this.penX = x + run.end / toText;
    this.penY = y;
    return run.advance / toText;
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
    if (this.tj.length > 0) this.ops.push(`[${this.tj}${this.tjHex ? '>' : ''}] TJ`);
    this.tj = undefined;
    this.tjHex = false;
  }

  private closeText(): void {
    if (!this.inText) return;
    this.flushTj();
    this.ops.push('ET');
    this.inText = false;
  }

  /**
   * Operators inside their own q…Q (which restores the graphics state, not the text state): the
   * font and the text position are set again before the next run.
   */
  private graphic(ops: readonly string[]): void {
    this.closeText();
    if (ops.length === 1) this.ops.push(`q ${ops[0]} Q`);
    else this.ops.push('q', ...ops, 'Q');
    this.tf = undefined;
    this.penY = Number.NaN;
  }

  /**
   * The image registered as `key` in the box (x, y, width, height): a bitmap turned as its EXIF
   * orientation says (as pdfkit does) and clipped to `clip` (the page: a full-bleed cover image is
   * larger), or a vector drawing.
   */
  image(key: string, x: number, y: number, width: number, height: number, clip?: { x: number; y: number; width: number; height: number }): void {
    const image = this.images.get(key);
    if (image === undefined) throw new Error(`internal error: image ${key} was not registered`);
    if (image.kind === 'form') {
      // Fitted and clipped to its box inside the caller's Figure: the form's gradients and
      // opacity are in its own resources.
      this.form(image.name, formPlacing(image, x, y, width, height));
      return;
    }
    this.xobjects.add(image.name);
    const ops = clip ? [`${num(clip.x)} ${num(clip.y)} ${num(clip.width)} ${num(clip.height)} re W n`] : [];
    ops.push(...orientationMatrix(image.orientation, x, y, width, height).map((m) => `${m.map(num).join(' ')} cm`));
    ops.push(`/${image.name} Do`);
    this.graphic(ops);
  }

  /** A form XObject `name` placed by `placing` (the operators before its `Do`, e.g. a clip and a cm). */
  form(name: string, placing: readonly string[]): void {
    this.xobjects.add(name);
    // On one line: a figure's drawing reads as one operation in the stream.
    this.graphic([`${placing.join(' ')} /${name} Do`]);
  }

  /** A black rule (a line of `lineWidth` points). */
  rule(x1: number, y1: number, x2: number, y2: number, lineWidth: number): void {
    this.graphic([`${num(lineWidth)} w`, this.grayscale ? '0 G' : '0 0 0 RG', `${num(x1)} ${num(y1)} m`, `${num(x2)} ${num(y2)} l`, 'S']);
  }

  /**
   * Runs `draw` with the page turned `degrees` clockwise about (x, y) (in the flipped page space):
   * the title down the spine of a cover wrap. Inside, coordinates are the turned page's.
   */
  rotated(degrees: number, x: number, y: number, draw: () => void): void {
    const grey = this.grey;
    this.closeText();
    this.ops.push('q', `${turnAbout(degrees, x, y).map(num).join(' ')} cm`);
    this.tf = undefined;
    this.penY = Number.NaN;
    draw();
    this.closeText();
    this.ops.push('Q');
    // Q restores the fill colour: the colour state goes back with it.
    this.grey = grey;
    this.tf = undefined;
    this.penY = Number.NaN;
  }

  /**
   * The operators written so far as bytes (the page's content stream, or the part of it the
   * document adds now), and a fresh start: after this the text state is set again before any run.
   */
  take(): Buffer {
    this.closeText();
    const bytes = Buffer.from(this.ops.length === 0 ? '' : `${this.ops.join('\n')}\n`, 'latin1');
    this.ops = [];
    this.tf = undefined;
    this.penY = Number.NaN;
    return bytes;
  }
}

/**
 * The transformations that put an image's unit square in the box (x, y, w, h) of the y-down page,
 * upright or as its EXIF orientation turns it: pdfkit's `image()` (orientation 1–8), so a photo
 * taken on its side prints as the camera meant it.
 */
function orientationMatrix(orientation: number, x: number, y: number, w: number, h: number): number[][] {
  let wT = w;
  let hT = h;
  let xT = x;
  let yT = y;
  let angle = 0;
  switch (orientation) {
    case 2: wT = -w; hT = -h; xT += w; yT += h; break;
    case 3: hT = -h; xT -= w; angle = 180; break;
    case 4: break;
    case 5: wT = h; hT = w; yT -= hT; angle = 90; break;
    case 6: wT = h; hT = -w; angle = 90; break;
    case 7: hT = -w; wT = -h; xT += h; angle = 90; break;
    case 8: wT = h; hT = -w; xT -= h; yT += w; angle = -90; break;
    default: hT = -h; yT += h; break;
  }
  return angle === 0 ? [[wT, 0, 0, hT, xT, yT]] : [turnAbout(angle, x, y), [wT, 0, 0, hT, xT, yT]];
}

/** The matrix that turns the page `degrees` about (x, y), as pdfkit's `rotate` with an origin. */
function turnAbout(degrees: number, x: number, y: number): number[] {
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  return [cos, sin, -sin, cos, x - (x * cos - y * sin), y - (x * sin + y * cos)];
}
