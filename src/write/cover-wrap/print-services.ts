/**
 * What each print-on-demand service asks of a paperback cover wrap, as it publishes it: bleed, the
 * spine's width per page of each paper, when the spine may carry text, the safe margin and the
 * zone kept clear for the barcode. Data, not code, so a figure that changes is changed in one place.
 *
 * Sources (looked up for issue 14; the services change these rarely, re-check before relying on them):
 * - KDP spine per page — white 0.002252 in, cream 0.0025 in, premium colour (coated white)
 *   0.002347 in: KDP's cover calculator figures, as quoted by KDP guides that reproduce them
 *   (https://pubscout.app/pages/glossary/spine-width, https://kidillus.com/kdp-cover-size-guide,
 *   https://kdpprintcover.com/blog/how-to-calculate-kdp-spine-width). Paperbacks of 24 to 828 pages.
 * - KDP bleed 0.125 in on every outside edge; no crop or trim marks in submitted files
 *   (KDP Paperback Submission Guidelines, https://kdp.amazon.com/en_US/help/topic/G201857950).
 * - KDP spine text only for books of more than 79 pages, kept 0.0625 in from each fold; safe margin
 *   0.25 in inside the trim (https://kdpprintcover.com/blog/kdp-cover-safe-margins-explained/,
 *   https://www.kdpeasy.com/faq/covers). The barcode area is 2 × 1.2 in, its bottom 0.25 in above
 *   the bottom trim and its right side 0.25 in left of the spine (KDP/CreateSpace cover rules as
 *   quoted in https://www.eenfach.de/gitblit/blame/RedHatTraining!pyramid.git/bostrick-patch-throw_401_for_unauthenticated/docs!coversizing.py).
 * - IngramSpark publishes no per-page figure, only its cover template generator; the figures here
 *   are that generator's spine for a 200-page book (50# white 10.77 mm, 50# crème 11.63 mm) as a
 *   book designer published them (https://answers.preparetopublish.com/p/what-sort-of-paper-should-my-book),
 *   divided by 200. No figure for its 70# coated white was found, so that paper is refused for
 *   IngramSpark rather than guessed. Bleed 0.125 in; no printer marks
 *   (https://www.ingramspark.com/blog/file-requirements-for-print-books); spine text from 48 pages
 *   (https://bookcoverslab.com/fr/ingramspark-cover-creator); at least 18 pages. IngramSpark draws its
 *   own barcode inside KDP's area in its templates, so the same clear zone serves both.
 */

/** Interior paper: uncoated white, uncoated cream, or the coated white of colour interiors. */
export type Paper = 'white' | 'cream' | 'coated';
export const PAPERS: readonly Paper[] = ['white', 'cream', 'coated'];

export type PodService = 'kdp' | 'ingramspark';
export const POD_SERVICES: readonly PodService[] = ['kdp', 'ingramspark'];

export interface PrintService {
  /** The service's own name, for messages. */
  name: string;
  /** Bleed on every outside edge, inches. */
  bleedIn: number;
  /** Printer marks in the file: both services refuse them. */
  marks: 'none';
  /** Spine width per interior page, inches, per paper; a paper the service has no figure for is absent. */
  spinePerPageIn: Partial<Record<Paper, number>>;
  /** Fewest pages whose spine may carry text. */
  spineTextMinPages: number;
  /** Clear space between spine text and each fold, inches. */
  spineTextMarginIn: number;
  /** Text and important art stay this far inside the trim, inches. */
  safeMarginIn: number;
  /** The zone left clear for the barcode, lower right of the back cover, inches. */
  barcode: { widthIn: number; heightIn: number; fromSpineIn: number; fromBottomIn: number };
  /** Page counts the service prints as a paperback. */
  pages: { min: number; max?: number };
}

const BARCODE = { widthIn: 2, heightIn: 1.2, fromSpineIn: 0.25, fromBottomIn: 0.25 } as const;

export const PRINT_SERVICES: Readonly<Record<PodService, PrintService>> = Object.freeze({
  kdp: {
    name: 'KDP',
    bleedIn: 0.125,
    marks: 'none',
    spinePerPageIn: { white: 0.002252, cream: 0.0025, coated: 0.002347 },
    spineTextMinPages: 80,
    spineTextMarginIn: 0.0625,
    safeMarginIn: 0.25,
    barcode: BARCODE,
    pages: { min: 24, max: 828 },
  },
  ingramspark: {
    name: 'IngramSpark',
    bleedIn: 0.125,
    marks: 'none',
    // mm for 200 pages → inches per page.
    spinePerPageIn: { white: 10.77 / 25.4 / 200, cream: 11.63 / 25.4 / 200 },
    spineTextMinPages: 48,
    spineTextMarginIn: 0.0625,
    safeMarginIn: 0.25,
    barcode: BARCODE,
    pages: { min: 18 },
  },
});

/** Spine width in inches of `pageCount` pages of `paper` at `service`; undefined when it has no figure for the paper. */
export function spineWidthIn(service: PrintService, paper: Paper, pageCount: number): number | undefined {
  const perPage = service.spinePerPageIn[paper];
  return perPage === undefined ? undefined : perPage * pageCount;
}
