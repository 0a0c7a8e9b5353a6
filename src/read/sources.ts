/**
 * The original files a publication was read from, as bytes, for the archive copy (`--bag`): the
 * article files, `publication.yaml` and every local image and cover the content names.
 *
 * Why read again rather than keep the readers' strings: readers decode to text (and drop a BOM);
 * an archive keeps the bytes exactly as they are on disk. The paths are the ones the readers
 * resolved (`article.origin`, the figure `src` against the article's folder), so the list is the
 * readers' own, not a copy of the folder.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Publication } from '../model/publication.js';
import { walkArticle } from '../model/walk.js';
import type { ImageStore } from '../images/image.js';

export interface SourceFile {
  /** Path relative to the publication's folder, POSIX separators; `..` segments stay (callers make names safe). */
  path: string;
  data: Uint8Array;
}

/** A local reference: not a URL, a data: URI or a protocol-relative address. */
const LOCAL = (src: string): boolean => !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('//') && !src.startsWith('\\');

/**
 * The file a local reference names: relative to the folder of the file that names it, or, for a
 * site-absolute path (`/images/x.png`, as static-site generators write them), to the publication's
 * folder, where the image resolver looks for it too. Undefined when it would leave that folder.
 */
function localFile(src: string, dir: string, root: string): string | undefined {
  const file = src.startsWith('/') ? path.join(root, decoded(src)) : path.resolve(dir, decoded(src));
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : file;
}

function decoded(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

/**
 * The source files of `pub` (as validated, before images are resolved): article files, the
 * folder's `publication.yaml` when `folderInput`, local figure images and the cover, each once, in
 * the order the publication names them. Files that cannot be read are left out: the build has
 * already reported every missing file as an error before this runs.
 */
export async function collectSources(pub: Publication, folderInput: boolean): Promise<SourceFile[]> {
  const root = path.resolve(pub.origin ?? process.cwd());
  const wanted: string[] = [];
  if (folderInput) wanted.push(path.join(root, 'publication.yaml'));
  if (pub.meta.cover) wanted.push(path.resolve(root, decoded(pub.meta.cover.image)));
  for (const article of pub.articles) {
    if (!article.origin) continue;
    const dir = path.dirname(path.resolve(article.origin));
    wanted.push(path.resolve(article.origin));
    if (article.meta.cover && pub.articles.length === 1 && !pub.meta.cover) wanted.push(path.resolve(dir, decoded(article.meta.cover.image)));
    walkArticle(article, (block) => {
      if (block.type !== 'figure') return;
      // The srcset/<picture> candidates too: the resolver may have printed one of them.
      for (const src of [...(block.image.sources ?? []), block.image.src]) {
        const file = LOCAL(src) ? localFile(src, dir, root) : undefined;
        if (file) wanted.push(file);
      }
    });
  }
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  for (const file of wanted) {
    // Named as the content names it (so `sourcePath` finds it), read once however often it is named.
    const real = await realpath(file).catch(() => undefined);
    if (!real || seen.has(real)) continue;
    seen.add(real);
    if (!(await stat(real)).isFile()) continue;
    files.push({ path: path.relative(root, file).split(path.sep).join('/'), data: new Uint8Array(await readFile(real)) });
  }
  return files;
}

/**
 * Where a publication's local reference lands among the sources: `src` as named by `article` (or by
 * the publication, for its cover), relative to the publication's folder. Undefined for remote URLs.
 */
export function sourcePath(pub: Publication, src: string, from: 'publication' | Publication['articles'][number]): string | undefined {
  if (!LOCAL(src)) return undefined;
  const root = path.resolve(pub.origin ?? process.cwd());
  const dir = from === 'publication' ? root : from.origin ? path.dirname(path.resolve(from.origin)) : root;
  const file = localFile(src, dir, root);
  return file === undefined ? undefined : path.relative(root, file).split(path.sep).join('/');
}

/**
 * Images downloaded with `--fetch-remote`, as sources under `remote/` (named by their content
 * hash, so stable and safe), and where a URL the content names landed among them. Without them a
 * bag would hold only a link to a picture that may not be there in twenty years.
 */
export function fetchedSources(images: ImageStore): { files: SourceFile[]; pathOf(src: string): string | undefined } {
  const byUrl = new Map<string, string>();
  const files: SourceFile[] = [];
  for (const image of images.values()) {
    if (!/^https?:\/\//i.test(image.file) || byUrl.has(image.file)) continue;
    const name = `remote/${path.posix.basename(image.fileName)}`;
    byUrl.set(image.file, name);
    files.push({ path: name, data: image.data });
  }
  return { files, pathOf: (src) => byUrl.get(src.startsWith('//') ? `https:${src}` : src) };
}
