/**
 * The spine's title and author, set along the spine with the tops of the letters towards the front
 * cover, so that they stand upright with the book lying face up: on a left-to-right sheet they run
 * from head to foot (the English-language convention KDP's and IngramSpark's templates show), on
 * a mirrored right-to-left sheet the page is turned the other way. Pure: widths come from the PDF's
 * font metrics.
 *
 * The type is as large as the band across the spine allows for the ink of these very letters (an
 * Å reaches higher than an A), at most {@link MAX_SIZE}; below {@link MIN_SIZE} the spine stays
 * bare, because print services reject text they cannot print legibly (the same 6 pt the preflight
 * report warns about). That is why, with KDP's 0.0625 in clear of each fold, a white-paper spine
 * carries text from about 100 pages on, although KDP allows it from 80.
 */
import { faceRuns, openFont } from '../../fonts/registry.js';
import { shape } from '../../fonts/shape.js';
import { faceStack, textWidth } from '../pdf/font-metrics.js';
import type { Face } from '../pdf/text-style.js';
import type { Rect } from '../pdf/page-geometry.js';
import type { MetadataRecord } from '../metadata/record.js';

export const MIN_SIZE = 6;
export const MAX_SIZE = 12;

/** One line along the spine, in the turned frame's coordinates (see {@link SpineLayout}). */
export interface SpineLine {
  text: string;
  face: Face;
  size: number;
  /** Pen position and baseline in the turned frame. */
  x: number;
  y: number;
  width: number;
}

/**
 * The spine's text, drawn with the page turned `degrees` clockwise about `origin` (the centre of
 * the spine): 90 on a left-to-right sheet (x runs down the spine), -90 on a mirrored one (x runs up).
 */
export interface SpineLayout {
  degrees: 90 | -90;
  origin: { x: number; y: number };
  lines: SpineLine[];
}

/** Title (bold) at the head and author at the foot of `band`; undefined when they cannot be set legibly. */
export function spineText(record: MetadataRecord, band: Rect, direction: 'ltr' | 'rtl' = 'ltr'): SpineLayout | undefined {
  const author = record.creators.map((c) => c.name).join(', ');
  let title = record.title.replace(/\s+/g, ' ').trim();
  const ink = mergeInk(inkExtent(`${title}…`, 'bold'), inkExtent(author, 'regular'));
  let size = Math.min(MAX_SIZE, band.width / (ink.above + ink.below));
  if (size < MIN_SIZE) return undefined;
  const gap = (s: number): number => 2 * s;
  const length = (s: number, withAuthor: boolean): number =>
    textWidth(title, 'bold', s) + (withAuthor && author ? gap(s) + textWidth(author, 'regular', s) : 0);
  // Widths grow with the size, so one division finds the size at which both fit.
  if (length(size, true) > band.height) size = Math.max(MIN_SIZE, (size * band.height) / length(size, true));
  const withAuthor = author !== '' && length(size, true) <= band.height + 1e-6;
  if (!withAuthor && length(size, false) > band.height) {
    while (title.length > 1 && textWidth(`${title}…`, 'bold', size) > band.height) title = title.slice(0, -1).trimEnd();
    title = `${title}…`;
  }
  const origin = { x: band.x + band.width / 2, y: band.y + band.height / 2 };
  // pdfkit turns about the origin and keeps absolute coordinates. Turned 90°, a pen at (x, y) lands
  // at (origin.x - (y - origin.y), origin.y + (x - origin.x)), so the head is x = origin.x - height/2;
  // turned -90°, at (origin.x + (y - origin.y), origin.y - (x - origin.x)), the head is x = origin.x + height/2.
  // Either way the baseline sits so that the letters' ink is centred across the spine.
  const down = direction === 'ltr';
  const half = band.height / 2;
  const y = origin.y + ((ink.above - ink.below) / 2) * size;
  const titleWidth = textWidth(title, 'bold', size);
  const lines: SpineLine[] = [{ text: title, face: 'bold', size, x: down ? origin.x - half : origin.x + half - titleWidth, y, width: titleWidth }];
  if (withAuthor) {
    const width = textWidth(author, 'regular', size);
    lines.push({ text: author, face: 'regular', size, x: down ? origin.x + half - width : origin.x - half, y, width });
  }
  return { degrees: down ? 90 : -90, origin, lines };
}

/** How far the ink of `text` reaches above and below the baseline, in ems. */
interface Ink {
  above: number;
  below: number;
}

/** The ink of `text` set in `face`, glyph by glyph, in the font that draws each character. */
function inkExtent(text: string, face: Face): Ink {
  let above = 0;
  let below = 0;
  for (const run of faceRuns(text, faceStack(face))) {
    const f = openFont(run.font);
    for (const g of shape(run.font, run.text).glyphs) {
      // fontkit's glyph box has minY/maxY too; the registry's type lists only what it reads itself.
      const box = f.getGlyph(g.id).bbox as { minY?: number; maxY?: number };
      const dy = g.yOffset;
      if (box.maxY === undefined || box.minY === undefined || !Number.isFinite(box.maxY) || !Number.isFinite(box.minY) || box.maxY <= box.minY) continue;
      above = Math.max(above, (box.maxY + dy) / f.unitsPerEm);
      below = Math.max(below, -(box.minY + dy) / f.unitsPerEm);
    }
  }
  return { above, below };
}

function mergeInk(a: Ink, b: Ink): Ink {
  return { above: Math.max(a.above, b.above), below: Math.max(a.below, b.below) };
}
