/**
 * An SVG figure as a Form XObject (ISO 32000-1 §8.10), written once when it is registered and
 * drawn on any page with `q … cm /Name Do Q`.
 *
 * Why a form: svg-to-pdfkit draws through pdfkit's page API, which puts the gradients, patterns and
 * ExtGStates it makes into the page's /Resources under names from pdfkit's counters. A page drawn
 * that way cannot be recorded as bytes (to draw on worker threads or cache drawn pages). A form
 * carries its own /Resources, so a page only names it: the placing operators are plain bytes.
 *
 * Form space: the SVG's viewBox at 0.75 pt per user unit (a CSS pixel), y up, origin bottom-left,
 * /BBox [0 0 width height]; the viewBox fills it exactly, so placing the form with the SVG's
 * 'xMidYMid meet' into any box (form-placing.ts) draws what svg-to-pdfkit would draw straight into it.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { fontPath } from '../../fonts/registry.js';
import { cssPixels, viewBox } from '../../images/svg/measure.js';

/** A drawn SVG: the form's indirect object and its size in points (form space). */
export interface SvgForm {
  readonly ref: PDFKit.PDFKitReference;
  readonly width: number;
  readonly height: number;
}

/** Points per CSS pixel (an SVG user unit without a viewBox). */
const PT_PER_PX = 0.75;

/**
 * Draws `svg` (usvg's simplified tree: paths, gradients, opacity; text already outlines) into a new
 * Form XObject and ends it and everything it uses. `name` only labels errors; the page names the
 * form in its own resources.
 *
 * svg-to-pdfkit draws on `doc.page`, so a stand-alone page stands in for it meanwhile (as
 * svg-to-pdfkit itself does for its groups): its `write` goes to the form's stream and its resource
 * dictionaries become the form's. It is never added to the page tree, and the real page (if one is
 * open), pdfkit's CTM and its save stack are put back afterwards, even on an error.
 */
export function svgForm(doc: PDFKit.PDFDocument, svg: string, name: string): SvgForm {
  const { width, height } = formSize(svg);
  const resources: Record<string, Record<string, unknown>> = {};
  const form = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, width, height], Resources: resources } as unknown as Record<string, unknown>);
  const d = doc as unknown as DrawingState;
  const saved = { page: d.page, ctm: d._ctm, stack: d._ctmStack, fill: d._fillColor };
  const dict = (key: string) => (): Record<string, unknown> => (resources[key] ??= {});
  const annotations: unknown[] = [];
  d.page = {
    width,
    height,
    margins: { top: 0, right: 0, bottom: 0, left: 0 },
    write: (chunk: string | Uint8Array) => form.write(chunk as string),
    get fonts() { return dict('Font')(); },
    get xobjects() { return dict('XObject')(); },
    get ext_gstates() { return dict('ExtGState')(); },
    get patterns() { return dict('Pattern')(); },
    get colorSpaces() { return dict('ColorSpace')(); },
    // svg-to-pdfkit adds `<a>` links here; usvg drops links, and a form cannot hold annotations.
    annotations,
  };
  d._ctm = [1, 0, 0, 1, 0, 0];
  d._ctmStack = [];
  try {
    // pdfkit's drawing space is y-down from the top-left, as on its pages (see `addPage`).
    doc.transform(1, 0, 0, -1, 0, height);
    SVGtoPDF(doc, svg, 0, 0, {
      width,
      height,
      preserveAspectRatio: 'xMidYMid meet',
      warningCallback: () => undefined,
      fontCallback: () => fontPath('serif-regular'),
      // Never open a file or URL an SVG names (images/svg/print.ts rasterises SVGs with images).
      imageCallback: () => '',
    });
    if (d._ctmStack.length !== 0) throw new Error(`svg-to-pdfkit left ${d._ctmStack.length} graphics states open drawing SVG ${name}`);
  } finally {
    d.page = saved.page;
    d._ctm = saved.ctm;
    d._ctmStack = saved.stack;
    d._fillColor = saved.fill;
    // Ended even after an error, so that no half-made object breaks the cross-reference table.
    form.end(undefined);
  }
  return { ref: form, width, height };
}

/**
 * The form's size in points: the viewBox (usvg always writes one), else the `width` and `height`
 * attributes, else the 300 × 150 px an SVG without either gets.
 */
export function formSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (key: string): string | undefined => new RegExp(`\\s${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(root)?.slice(1).find((v) => v !== undefined);
  const box = viewBox(attr('viewBox'));
  const width = box?.[2] ?? cssPixels(attr('width')) ?? 300;
  const height = box?.[3] ?? cssPixels(attr('height')) ?? 150;
  return { width: width * PT_PER_PX, height: height * PT_PER_PX };
}

/** The parts of pdfkit's document state svg-to-pdfkit draws through (not in @types/pdfkit). */
interface DrawingState {
  page: unknown;
  _ctm: number[];
  _ctmStack: number[][];
  _fillColor: unknown;
}
