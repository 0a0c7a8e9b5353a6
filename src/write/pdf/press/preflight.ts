/**
 * The preflight report: what a print shop's upload checker would reject or warn about, found on
 * the laid-out pages before anyone uploads the file. Every build makes one (the reading PDF and
 * the press edition share the layout, so they share the findings); the build prints it, and
 * `--strict` turns its warnings into errors.
 *
 * Limits follow the print services' published checks: images at 300 dpi or more at their printed
 * size, text of 6 pt or more, lines of 0.25 pt or more, every font embedded (KDP's and
 * IngramSpark's file guidelines; Acrobat's "Digital printing" preflight profile uses the same).
 */
import type { Diagnostics } from '../../../check/diagnostic.js';
import type { LoadedImage } from '../../../images/image.js';
import type { LaidOutPage, PageItem } from '../layout/page-items.js';
import type { Signature } from './options.js';
import { blankPagesFor } from './signature.js';

export const MIN_DPI = 300;
export const MIN_TEXT_PT = 6;
export const MIN_LINE_PT = 0.25;

/** Items the preflight checks: images, text below the legible size, hairlines (what pages keep for it). */
export function preflightItem(item: PageItem): boolean {
  return item.kind === 'image' || (item.kind === 'text' && item.style.size < MIN_TEXT_PT) || (item.kind === 'rule' && item.lineWidth < MIN_LINE_PT);
}

export interface PreflightFinding {
  /** `preflight.image.low-resolution`, `preflight.text.small`, `preflight.line.hairline`, `preflight.font.not-embedded`. */
  code: string;
  /** Warnings fail a `--strict` build; notes never do. */
  severity: 'warning' | 'note';
  /** The article's title (absent for the front matter and for whole-file findings). */
  article?: string;
  /** The article's source file, when known. */
  file?: string;
  /** The figure, by its image file and alt text. */
  figure?: string;
  /** Folio of the first page concerned, as the PDF labels it. */
  page?: string;
  message: string;
  fix: string;
}

export interface PreflightReport {
  findings: PreflightFinding[];
  /** Pages of the laid-out book (the reading PDF). */
  pages: number;
  signature: Signature;
  /** Blank pages the press edition adds at the end to reach a multiple of `signature`. */
  blankPages: number;
  /**
   * Spine width in points for this page count, set by the print-on-demand cover when it is made
   * (it knows the paper); undefined until then.
   */
  spineWidth?: number;
}

/** A figure whose image the layout found below 300 dpi (layout/blocks.ts `lowResolution`). */
export interface LowResolutionImage {
  article: number;
  image: LoadedImage;
  dpi: number;
  widthPt: number;
}

export interface PreflightInput {
  pages: readonly LaidOutPage[];
  /** Article of each laid-out page (undefined for the front matter). */
  articleOf(pageIndex: number): number | undefined;
  articles: readonly { title: string; file?: string }[];
  lowResolution: readonly LowResolutionImage[];
  /** The cover picture (pixels) and the page it fills (points), when it is the user's image. */
  cover?: { width: number; height: number; pageWidth: number; pageHeight: number };
  /** Font names the surface drew with that are not embedded (pdfkit's standard 14). */
  fontsNotEmbedded: readonly string[];
  signature: Signature;
}

export function preflight(input: PreflightInput): PreflightReport {
  const findings: PreflightFinding[] = [];
  const where = (pageIndex: number | undefined, article: number | undefined): Pick<PreflightFinding, 'article' | 'file' | 'page'> => {
    const a = article === undefined ? undefined : input.articles[article];
    const page = pageIndex === undefined ? undefined : input.pages[pageIndex]?.label;
    return { ...(a ? { article: a.title } : {}), ...(a?.file !== undefined ? { file: a.file } : {}), ...(page !== undefined ? { page } : {}) };
  };

  for (const low of input.lowResolution) {
    const placed = findImage(input.pages, low.image.id, (i) => input.articleOf(i) === low.article);
    // Layout measures before it knows the space left on the page; a figure set smaller prints sharper.
    const widthPt = placed?.width ?? low.widthPt;
    const dpi = low.image.print.kind === 'bitmap' && placed ? Math.round(low.image.print.width / (placed.width / 72)) : low.dpi;
    if (dpi >= MIN_DPI) continue;
    const name = low.image.file.split(/[\\/]/).pop() ?? low.image.id;
    const alt = placed?.alt ? ` “${shorten(placed.alt, 40)}”` : '';
    findings.push({
      code: 'preflight.image.low-resolution',
      severity: 'warning',
      ...where(placed?.page, low.article),
      figure: `${name}${alt}`,
      message: `figure ${name}${alt} (${low.image.width}×${low.image.height} px) prints ${Math.round((widthPt / 72) * 25.4)} mm wide at ${dpi} dpi, below the ${MIN_DPI} dpi print needs`,
      fix: `use an image at least ${Math.ceil((widthPt / 72) * MIN_DPI)} px wide`,
    });
  }

  if (input.cover) {
    const { width, height, pageWidth, pageHeight } = input.cover;
    const dpi = Math.floor(Math.min(width / (pageWidth / 72), height / (pageHeight / 72)));
    if (dpi < MIN_DPI) {
      findings.push({
        code: 'preflight.cover.low-resolution',
        severity: 'warning',
        ...where(0, undefined),
        figure: 'the cover',
        message: `the cover image (${width}×${height} px) prints at ${dpi} dpi on a ${Math.round((pageWidth / 72) * 25.4)}×${Math.round((pageHeight / 72) * 25.4)} mm page, below the ${MIN_DPI} dpi print needs`,
        fix: `use a cover image at least ${Math.ceil((pageWidth / 72) * MIN_DPI)}×${Math.ceil((pageHeight / 72) * MIN_DPI)} px`,
      });
    }
  }

  // Small text and hairlines: one finding per article (and kind), with the smallest value and its first page.
  const small = new Map<number | undefined, { size: number; page: number; count: number; sample: string }>();
  const thin = new Map<number | undefined, { width: number; page: number; count: number }>();
  for (const page of input.pages) {
    const article = input.articleOf(page.index);
    for (const item of page.items) {
      if (item.kind === 'text' && item.style.size < MIN_TEXT_PT && item.text.trim() !== '') {
        const s = small.get(article);
        if (!s) small.set(article, { size: item.style.size, page: page.index, count: 1, sample: item.text });
        else {
          s.count++;
          if (item.style.size < s.size) s.size = item.style.size;
        }
      } else if (item.kind === 'rule' && item.lineWidth < MIN_LINE_PT) {
        const t = thin.get(article);
        if (!t) thin.set(article, { width: item.lineWidth, page: page.index, count: 1 });
        else {
          t.count++;
          t.width = Math.min(t.width, item.lineWidth);
        }
      }
    }
  }
  for (const [article, s] of small) {
    findings.push({
      code: 'preflight.text.small',
      severity: 'warning',
      ...where(s.page, article),
      message: `${s.count} piece${s.count === 1 ? '' : 's'} of text (first “${shorten(s.sample, 20)}”) ${s.count === 1 ? 'is' : 'are'} set at ${round(s.size)} pt, below the ${MIN_TEXT_PT} pt that prints legibly`,
      fix: 'avoid nesting superscripts or subscripts in small text (captions, notes), or use a larger page size',
    });
  }
  for (const [article, t] of thin) {
    findings.push({
      code: 'preflight.line.hairline',
      severity: 'warning',
      ...where(t.page, article),
      message: `${t.count} line${t.count === 1 ? '' : 's'} ${t.count === 1 ? 'is' : 'are'} ${round(t.width)} pt thin, below the ${MIN_LINE_PT} pt a press holds`,
      fix: 'draw rules at 0.25 pt or more',
    });
  }
  for (const font of input.fontsNotEmbedded) {
    findings.push({
      code: 'preflight.font.not-embedded',
      severity: 'warning',
      message: `the font ${font} is used but not embedded; a printer substitutes it`,
      fix: 'report this as a bug: every font broadsheet draws with should come from its font registry (src/fonts/)',
    });
  }

  const blankPages = blankPagesFor(input.pages.length, input.signature);
  if (blankPages > 0) {
    findings.push({
      code: 'preflight.pages.signature',
      severity: 'note',
      message: `${input.pages.length} pages are not a multiple of ${input.signature} (the signature); the press edition (--press) ends with ${blankPages} blank page${blankPages === 1 ? '' : 's'}`,
      fix: `choose the binding's signature with --signature 4|8|16|32`,
    });
  }
  return { findings, pages: input.pages.length, signature: input.signature, blankPages };
}

/** The page and alt text of the first placement of image `id` on a page `onPage` accepts. */
function findImage(pages: readonly LaidOutPage[], id: string, onPage: (index: number) => boolean): { page: number; width: number; alt?: string } | undefined {
  for (const page of pages) {
    if (!onPage(page.index)) continue;
    for (const item of page.items) {
      if (item.kind === 'image' && item.image === id) {
        const alt = 'node' in item.owner ? item.owner.node.attrs.alt : undefined;
        return { page: page.index, width: item.width, ...(alt ? { alt } : {}) };
      }
    }
  }
  return undefined;
}

/** One line of the terminal's preflight summary. */
export function preflightSummary(report: PreflightReport, name: string): string {
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  const padding = report.blankPages > 0 ? `, press edition padded with ${report.blankPages} blank page${report.blankPages === 1 ? '' : 's'}` : '';
  const spine = report.spineWidth !== undefined ? `, spine ${round((report.spineWidth / 72) * 25.4)} mm` : '';
  return `preflight ${name}: ${report.pages} pages (signature ${report.signature}${padding})${spine}, ${warnings === 0 ? 'no problems' : `${warnings} warning${warnings === 1 ? '' : 's'}`}`;
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * The findings as the build's diagnostics: warnings (errors with `strict`, so a strict build fails
 * before anything is written); notes are only in the report and its summary line.
 */
export function reportPreflight(report: PreflightReport, diagnostics: Diagnostics, strict: boolean): void {
  for (const f of report.findings) {
    if (f.severity !== 'warning') continue;
    const where = [f.article ? `"${f.article}"` : undefined, f.page !== undefined ? `page ${f.page}` : undefined].filter((w) => w !== undefined).join(', ');
    const d = { code: f.code, ...(f.file !== undefined ? { file: f.file } : {}), message: `preflight: ${where ? `${where}: ` : ''}${f.message}`, fix: strict ? `${f.fix} (or build without --strict)` : f.fix };
    if (strict) diagnostics.error(d);
    else diagnostics.warn(d);
  }
}
