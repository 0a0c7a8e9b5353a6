/**
 * Loads every image a publication names (through the image module, src/images/) and points its
 * figures at the loaded images, so writers never touch the file system.
 *
 * A reference that cannot be used costs one figure, never the book: a missing, unreadable or
 * undecodable image, like a remote one that is not downloaded, becomes a paragraph that keeps the
 * alt text and caption, with a warning (an error under `--strict`). A path that leaves the
 * publication's folder is refused outright: that is a security rule, not a broken reference.
 */
import path from 'node:path';
import type { Diagnostics } from '../check/diagnostic.js';
import type { Block, Figure } from '../model/block.js';
import type { Inline } from '../model/inline.js';
import type { Article, Publication } from '../model/publication.js';
import { mapBlocks } from '../model/walk.js';
import { fetchImage } from '../images/fetch.js';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits, type ImageRef, type ImageResult, type ImageStore, type LoadedImage } from '../images/image.js';
import { loadImage } from '../images/load.js';
import { inTurn } from '../parallel/in-turn.js';

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
  /** A broken image reference is an error instead of a warning. Default false. */
  strict?: boolean;
}

/**
 * Images loaded at once. Loading an image is mostly waiting (paths, the file, sharp reading its
 * size on libuv's threads): one at a time, a 300-image book spent 0.3 s of wall time here against
 * 0.06 s of CPU (a profile of the bench).
 */
const LOADS_AT_ONCE = 8;

/** Loads the images of `pub` (or of the articles that validated, when `meta` is missing). */
export async function resolveImages(pub: { articles: Article[]; meta?: Publication['meta']; origin?: string }, diagnostics: Diagnostics, options: ResolveOptions = { limits: DEFAULT_IMAGE_LIMITS, fetchRemote: false }): Promise<ResolvedImages> {
  const images: ImageStore = new Map();
  const articles = pub.articles.map((article) => {
    const file = article.origin ?? 'article';
    const baseDir = article.origin ? path.dirname(article.origin) : process.cwd();
    const where = { file, baseDir, rootDir: pub.origin ?? baseDir, article };
    const figures: Figure[] = [];
    const collect = (block: Block): Block => {
      if (block.type !== 'figure') return block;
      figures.push(block);
      return block;
    };
    mapBlocks(article.body, collect);
    for (const note of article.notes) mapBlocks(note.children, collect);
    return { where, figures };
  });
  // Every figure's image, loaded side by side, each into a store of its own so that what it finds
  // does not depend on which finished first; taken in the order of the figures below, where the
  // first figure of an image gives it its entry, as if they had been loaded one by one. Figures
  // that name the same file from the same folder share one loading (a logo in every article, an
  // SVG drawn once).
  const all = articles.flatMap(({ where, figures }) => figures.map((figure) => ({ figure, where })));
  const loads = new Map<string, Promise<FigureOutcome>>();
  const loaded = await inTurn(all, LOADS_AT_ONCE, ({ figure, where }) => {
    const key = JSON.stringify([where.baseDir, where.rootDir, where.article.meta.source, figure.image.sources, figure.image.src]);
    let load = loads.get(key);
    if (load === undefined) loads.set(key, (load = resolveFigure(figure, where, new Map(), options)));
    return load;
  });
  let next = 0;
  for (const { where: { article, file }, figures } of articles) {
    const replaced = new Map<Figure, Block>();
    for (const figure of figures) {
      const outcome = loaded[next++]!;
      if ('image' in outcome) {
        const image = images.get(outcome.image.id) ?? outcome.image;
        images.set(image.id, image);
        figure.image.src = image.id;
        delete figure.image.sources;
        continue;
      }
      if ('url' in outcome) {
        diagnostics.warn({
          code: 'image.remote',
          file,
          message: `the image ${outcome.url} is remote and was not downloaded; its description and a link to it are kept`,
          fix: 'download it next to the article and use a relative path, or pass --fetch-remote',
        });
        replaced.set(figure, standIn(figure, outcome.url));
        continue;
      }
      const { kind, message, fix } = outcome.problem;
      const text = `image "${shorten(figure.image.src)}" in “${article.meta.title}” ${message}`;
      if (kind === 'escape' || kind === 'too-large' || options.strict) {
        diagnostics.error({ code: kind === 'escape' ? 'image.outside' : 'image.invalid', file, message: text, fix });
        continue;
      }
      diagnostics.warn({ code: 'image.broken', file, message: `${text}; its description and caption are kept as text`, fix: `${fix} (--strict makes this an error)` });
      replaced.set(figure, standIn(figure, undefined));
    }
    if (replaced.size > 0) {
      const swap = (block: Block): Block => (block.type === 'figure' ? (replaced.get(block) ?? block) : block);
      mapBlocks(article.body, swap);
      for (const note of article.notes) mapBlocks(note.children, swap);
    }
  }
  return { images, ...(await resolveCover(pub, diagnostics, options)) };
}

type FigureOutcome = ImageResult | { problem: { kind: 'remote' }; url: string };

/**
 * The image of a figure: its best local candidate (`sources`, from srcset or `<picture>`, best
 * first) that loads, else its `src`. A site-absolute `src` is a file under the publication folder
 * when one is there, else, with a canonical URL, a file of the article's web site.
 */
async function resolveFigure(figure: Figure, where: { file: string; baseDir: string; rootDir: string; article: Article }, images: ImageStore, options: ResolveOptions): Promise<FigureOutcome> {
  const ref = (src: string): ImageRef => ({ src, file: where.file, baseDir: where.baseDir, rootDir: where.rootDir, field: 'image' });
  for (const candidate of figure.image.sources ?? []) {
    if (REMOTE.test(candidate)) continue;
    const loaded = await loadImage(ref(candidate), images, options.limits);
    if ('image' in loaded) return loaded;
    if (loaded.problem.kind === 'escape') return loaded;
  }
  let src = figure.image.src;
  if (!REMOTE.test(src)) {
    const local = await loadImage(ref(src), images, options.limits);
    const onSite = 'problem' in local && local.problem.kind === 'missing' ? siteUrl(src, where.article.meta.source) : undefined;
    if (!onSite) return local;
    src = onSite;
  }
  const url = src.startsWith('//') ? `https:${src}` : src;
  if (!options.fetchRemote) return { problem: { kind: 'remote' }, url };
  return fetchImage(url, images, options.limits);
}

/** The cover the publication (or its only article) names; a broken one falls back to a generated cover. */
async function resolveCover(pub: { articles: Article[]; meta?: Publication['meta']; origin?: string }, diagnostics: Diagnostics, options: ResolveOptions): Promise<Omit<ResolvedImages, 'images'>> {
  const named = pub.meta?.cover
    ? { cover: pub.meta.cover, file: pub.origin ? path.join(pub.origin, 'publication.yaml') : 'publication', baseDir: pub.origin ?? process.cwd() }
    : pub.articles.length === 1 && pub.articles[0]!.meta.cover
      ? { cover: pub.articles[0]!.meta.cover, file: pub.articles[0]!.origin ?? 'article', baseDir: path.dirname(pub.articles[0]!.origin ?? '.') }
      : undefined;
  if (!named) return {};
  const loaded = await loadImage({ src: named.cover.image, file: named.file, baseDir: named.baseDir, rootDir: pub.origin ?? named.baseDir, field: 'cover image' }, new Map(), options.limits);
  if ('image' in loaded) return { cover: { image: loaded.image, alt: named.cover.alt } };
  const { kind, message, fix } = loaded.problem;
  const text = `cover image "${shorten(named.cover.image)}" ${message}`;
  if (kind === 'escape' || kind === 'too-large' || options.strict) diagnostics.error({ code: 'image.invalid', file: named.file, message: text, fix });
  else diagnostics.warn({ code: 'image.broken', file: named.file, message: `${text}; a cover is generated from the title instead`, fix: `${fix} (--strict makes this an error)` });
  return {};
}

/** A source as messages show it: a long `data:` URI is cut after its media type and a few bytes. */
function shorten(src: string): string {
  return src.length > 80 ? `${src.slice(0, 60)}…` : src;
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

/**
 * A paragraph standing in for an image that is not in the book: its alt text and caption, linked
 * to the original when that is a remote address, so no word of the article is lost.
 */
function standIn(figure: Figure, url: string | undefined): Block {
  const label = figure.image.alt?.trim() || figure.image.title?.trim() || 'image';
  const children: Inline[] = [
    { type: 'text', value: 'Image: ' },
    url ? { type: 'link', href: url, children: [{ type: 'text', value: label }] } : { type: 'text', value: label },
  ];
  if (figure.caption?.length) children.push({ type: 'text', value: '. ' }, ...figure.caption);
  if (figure.credit?.length) children.push({ type: 'text', value: ' ' }, ...figure.credit);
  return { type: 'paragraph', children };
}
