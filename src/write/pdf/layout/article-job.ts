/**
 * One article's layout as a pure function of plain data: {@link ArticleJob} in, {@link ArticleLayout}
 * out. Why plain data both ways: so that an article can be typeset on a worker thread
 * (src/parallel/) and its result kept in the layout cache (src/cache/), and the book still comes
 * out byte for byte the same as when every article is set in the main thread.
 *
 * What an article's layout needs from the rest of the publication — where its `#id` links to
 * other articles lead — is resolved beforehand into the job; its structure elements come back as
 * a detached tree under its Art element, which the PDF writer grafts into the document root.
 */
import type { LoadedImage } from '../../../images/image.js';
import { PublicationAnchors } from '../../../model/anchors.js';
import type { Article } from '../../../model/publication.js';
import { fragmentId } from '../../../model/url.js';
import { detachedNode, type StructNode } from '../tag/struct-node.js';
import type { Measurer } from '../typeset/measure.js';
import { articleUnits, noteNames } from './article.js';
import type { FlowContext } from './blocks.js';
import type { Unit } from './flow.js';

export interface ArticleJob {
  /** Position of the article in the publication (named destinations and note ids carry it). */
  index: number;
  article: Article;
  /** The document's language: an article in another gets /Lang on its Art element. */
  documentLang: string;
  fontSize: number;
  leading: number;
  /** Width and height of the text block. */
  width: number;
  areaHeight: number;
  /** The images the article shows, without their bytes: layout needs only their sizes. */
  images: LoadedImage[];
  /** Every internal `#…` link of the article and the named destination it leads to (null: nowhere). */
  links: [string, string | null][];
}

export interface ArticleLayout {
  /** The article's Art element, not yet under the document root (see {@link graft}). */
  art: StructNode;
  units: Unit[];
  /** Characters no embedded font has, with how often each occurs, in order of first occurrence. */
  missing: [string, number][];
  /** Images that print below 300 dpi, in order. */
  lowResolution: { image: string; dpi: number; widthPt: number }[];
}

/** Lays out one article. Deterministic: the same job gives the same layout, on any thread. */
export function layoutArticle(job: ArticleJob, measurer: Measurer): ArticleLayout {
  const { article, index } = job;
  const art = detachedNode('Art', article.meta.lang.toLowerCase() !== job.documentLang.toLowerCase() ? { lang: article.meta.lang } : {});
  const names = { dest: `article-${index + 1}`, notes: noteNames(article, index) };
  const anchors = new PublicationAnchors([article]);
  const images = new Map(job.images.map((image) => [image.id, image]));
  const links = new Map(job.links);
  const missing = new Map<string, number>();
  const lowResolution: ArticleLayout['lowResolution'] = [];
  const ctx: FlowContext = {
    article: index,
    measurer,
    fontSize: job.fontSize,
    leading: job.leading,
    areaHeight: job.areaHeight,
    images,
    anchor(block) {
      if (block.type !== 'heading' && block.type !== 'figure' && block.type !== 'table') return undefined;
      const name = anchors.nameOf(block);
      return name === undefined ? undefined : `a${index + 1}-${name}`;
    },
    inline: {
      resolveHref(href: string): string | undefined {
        const dest = links.get(href);
        // A bug, not an input problem: the job must carry every link the article has.
        if (dest === undefined) throw new Error(`internal error: link ${href} of article ${index + 1} was not resolved before layout`);
        return dest ?? undefined;
      },
      note: (id: string) => names.notes.get(id),
      missing(char: string): void {
        missing.set(char, (missing.get(char) ?? 0) + 1);
      },
    },
    lowResolution(image, dpi, widthPt): void {
      lowResolution.push({ image: image.id, dpi, widthPt });
    },
  };
  const units = articleUnits(article, index, art, names, ctx, job.width);
  return { art, units, missing: [...missing], lowResolution };
}

/**
 * The job of article `index`: its internal links resolved against the whole publication (`resolve`
 * gives the named destination of a fragment id, or undefined), its images stripped of their bytes.
 */
export function articleJob(
  article: Article,
  index: number,
  o: { documentLang: string; fontSize: number; leading: number; width: number; areaHeight: number; images: ReadonlyMap<string, LoadedImage>; resolve(id: string): string | undefined },
): ArticleJob {
  const hrefs = new Set<string>();
  const sources = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (value !== null && typeof value === 'object') {
      const node = value as { type?: unknown; href?: unknown; image?: { src?: unknown } };
      if (node.type === 'link' && typeof node.href === 'string' && node.href.startsWith('#')) hrefs.add(node.href);
      if (node.type === 'figure' && typeof node.image?.src === 'string') sources.add(node.image.src);
      for (const v of Object.values(value)) if (v !== null && typeof v === 'object') visit(v);
    }
  };
  visit(article);
  const links: [string, string | null][] = [...hrefs].sort().map((href) => {
    const id = fragmentId(href);
    return [href, (id === undefined ? undefined : o.resolve(id)) ?? null];
  });
  const images: LoadedImage[] = [];
  for (const src of [...sources].sort()) {
    const image = o.images.get(src);
    if (image) images.push(withoutBytes(image));
  }
  return { index, article, documentLang: o.documentLang, fontSize: o.fontSize, leading: o.leading, width: o.width, areaHeight: o.areaHeight, images, links };
}

const NO_BYTES = new Uint8Array(0);

function withoutBytes(image: LoadedImage): LoadedImage {
  const print = image.print.kind === 'bitmap' ? { ...image.print, data: NO_BYTES } : { kind: 'vector' as const, svg: '' };
  // Nor its file: the message about a low-resolution image is written by the main thread.
  return { ...image, data: NO_BYTES, print, file: '' };
}
