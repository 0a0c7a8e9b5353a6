/**
 * Loads every image a publication names and points its figures at the loaded images, so writers
 * never touch the file system. Remote images are not fetched by default: the figure becomes a
 * paragraph that keeps the alt text and caption and links to the original, so nothing is lost.
 */
import path from 'node:path';
import type { Diagnostics } from '../check/diagnostic.js';
import type { Block, Figure } from '../model/block.js';
import type { Inline } from '../model/inline.js';
import type { Article, Publication } from '../model/publication.js';
import { mapBlocks } from '../model/walk.js';
import { fetchImage } from './fetch-image.js';
import { DEFAULT_IMAGE_LIMITS, loadImage, type ImageLimits, type ImageStore, type LoadedImage } from './images.js';

export interface ResolvedImages {
  images: ImageStore;
  /** The cover the publication (or its only article) names, if any. */
  cover?: { image: LoadedImage; alt: string };
}

const REMOTE = /^(?:https?:)?\/\//i;

export interface ResolveOptions {
  limits: ImageLimits;
  /** Download remote images (opt-in); otherwise they are replaced by their description and a link. */
  fetchRemote: boolean;
}

/** Loads the images of `pub` (or of the articles that validated, when `meta` is missing). */
export async function resolveImages(pub: { articles: Article[]; meta?: Publication['meta']; origin?: string }, diagnostics: Diagnostics, options: ResolveOptions = { limits: DEFAULT_IMAGE_LIMITS, fetchRemote: false }): Promise<ResolvedImages> {
  const { limits } = options;
  const images: ImageStore = new Map();
  for (const article of pub.articles) {
    const file = article.origin ?? 'article';
    const baseDir = article.origin ? path.dirname(article.origin) : process.cwd();
    const figures: Figure[] = [];
    const collect = (block: Block): Block => {
      if (block.type !== 'figure') return block;
      const onSite = siteUrl(block.image.src, article.meta.source);
      if (onSite) block.image.src = onSite;
      if (REMOTE.test(block.image.src) && !options.fetchRemote) return remoteFigure(block, file, diagnostics);
      figures.push(block);
      return block;
    };
    mapBlocks(article.body, collect);
    for (const note of article.notes) mapBlocks(note.children, collect);
    for (const figure of figures) {
      const ref = { src: figure.image.src, file, baseDir, field: 'image' };
      const loaded = REMOTE.test(ref.src)
        ? await fetchImage(ref.src.startsWith('//') ? `https:${ref.src}` : ref.src, ref, images, diagnostics, limits)
        : await loadImage(ref, images, diagnostics, limits);
      if (loaded) figure.image.src = loaded.id;
    }
  }
  const named = pub.meta?.cover
    ? { cover: pub.meta.cover, file: pub.origin ? path.join(pub.origin, 'publication.yaml') : 'publication', baseDir: pub.origin ?? process.cwd() }
    : pub.articles.length === 1 && pub.articles[0].meta.cover
      ? { cover: pub.articles[0].meta.cover, file: pub.articles[0].origin ?? 'article', baseDir: path.dirname(pub.articles[0].origin ?? '.') }
      : undefined;
  if (!named) return { images };
  const image = await loadImage({ src: named.cover.image, file: named.file, baseDir: named.baseDir, field: 'cover image' }, new Map(), diagnostics, limits);
  return image ? { images, cover: { image, alt: named.cover.alt } } : { images };
}

/**
 * A site-absolute path (`/images/x.jpg`, common in saved web pages) names a file of the article's
 * web site, not of this machine: with a canonical URL it becomes that remote address.
 */
function siteUrl(src: string, source: string | undefined): string | undefined {
  if (!src.startsWith('/') || src.startsWith('//') || !source || !/^https?:\/\//i.test(source)) return undefined;
  try {
    return new URL(src, source).href;
  } catch {
    return undefined;
  }
}

/** A paragraph standing in for a remote image: its alt text and caption, linked to the original. */
function remoteFigure(figure: Figure, file: string, diagnostics: Diagnostics): Block {
  const url = figure.image.src.startsWith('//') ? `https:${figure.image.src}` : figure.image.src;
  diagnostics.warn({
    code: 'image.remote',
    file,
    message: `the image ${url} is remote and was not downloaded; its description and a link to it are kept`,
    fix: 'download it next to the article and use a relative path, or pass --fetch-remote',
  });
  const label = figure.image.alt?.trim() || figure.image.title?.trim() || 'image';
  const children: Inline[] = [
    { type: 'text', value: 'Image: ' },
    { type: 'link', href: url, children: [{ type: 'text', value: label }] },
  ];
  if (figure.caption?.length) children.push({ type: 'text', value: '. ' }, ...figure.caption);
  if (figure.credit?.length) children.push({ type: 'text', value: ' ' }, ...figure.credit);
  return { type: 'paragraph', children };
}
