/**
 * The archive copy of a build (`broadsheet build --bag`): a BagIt bag holding both editions, the
 * JSON-LD, the canonical model, the original sources and Dublin Core and MODS records, all from
 * the one metadata record. Writers never read files: the sources arrive as bytes.
 */
import { MODEL_VERSION, type Publication } from '../../model/publication.js';
import { walkArticle } from '../../model/walk.js';
import type { MetadataRecord } from '../metadata/record.js';
import { bagFiles, type BagFile } from './bagit.js';
import { dublinCore } from './dublin-core.js';
import { mods } from './mods.js';
import { PayloadNames } from './payload-name.js';

export { bagFiles, type BagFile } from './bagit.js';
export { dublinCore } from './dublin-core.js';
export { mods } from './mods.js';

export interface BagInput {
  record: MetadataRecord;
  /** The output slug: the editions are `<slug>.epub`, `.pdf`, `.jsonld` in the payload too. */
  slug: string;
  epub: Uint8Array;
  pdf: Uint8Array;
  jsonld: string;
  /** The model as read (before image resolution), for `publication.json`. */
  publication: Publication;
  /** The original files, paths relative to the publication's folder (src/read/sources.ts). */
  sources: readonly { path: string; data: Uint8Array }[];
  /**
   * Where a local reference of the model lands among `sources` (relative to the publication's
   * folder), so `publication.json` can point at the copies; undefined for remote URLs.
   */
  sourcePath(src: string, from: 'publication' | Publication['articles'][number]): string | undefined;
}

const encoder = new TextEncoder();

/** Folder of the original files inside `data/`. */
export const SOURCE_FOLDER = 'source';

/** Every file of the bag, paths relative to the bag folder. */
export function archiveBag(input: BagInput): BagFile[] {
  const names = new PayloadNames();
  const editions = [`${input.slug}.epub`, `${input.slug}.pdf`, `${input.slug}.jsonld`].map((n) => names.claim(n));
  const fixed = ['publication.json', 'metadata/dc.xml', 'metadata/mods.xml'].map((n) => names.claim(n));
  const sourceNames = new Map<string, string>();
  const sources = input.sources.map((s) => {
    const name = names.claim(`${SOURCE_FOLDER}/${s.path}`);
    sourceNames.set(s.path, name);
    return { path: name, data: s.data };
  });
  const model = publicationJson(input.publication, (src, from) => {
    const p = input.sourcePath(src, from);
    return p === undefined ? undefined : sourceNames.get(p);
  });
  const payload: BagFile[] = [
    { path: editions[0], data: input.epub },
    { path: editions[1], data: input.pdf },
    { path: editions[2], data: encoder.encode(input.jsonld) },
    { path: fixed[0], data: encoder.encode(model) },
    { path: fixed[1], data: encoder.encode(dublinCore(input.record)) },
    { path: fixed[2], data: encoder.encode(mods(input.record)) },
    ...sources,
  ];
  return bagFiles(input.record, payload);
}

/**
 * The model as `publication.json` text: this machine's paths (`origin`) dropped and local image and
 * cover references moved where `relocate` says (in a bag, their copies under `data/source/`, so
 * `broadsheet build data/publication.json` rebuilds the publication from the bag alone).
 */
export function publicationJson(pub: Publication, relocate: (src: string, from: 'publication' | Publication['articles'][number]) => string | undefined = () => undefined): string {
  // The version first, wherever the input had it, so the text is the same when read back and written again.
  const copy: Publication = { modelVersion: MODEL_VERSION, ...structuredClone(pub) };
  copy.modelVersion = MODEL_VERSION;
  delete copy.origin;
  if (copy.meta.cover) copy.meta.cover.image = relocate(copy.meta.cover.image, 'publication') ?? copy.meta.cover.image;
  copy.articles = copy.articles.map((article, i) => {
    const original = pub.articles[i];
    const moved = (src: string): string => relocate(src, original) ?? src;
    if (article.meta.cover) article.meta.cover.image = moved(article.meta.cover.image);
    walkArticle(article, (block) => {
      if (block.type !== 'figure') return;
      block.image.src = moved(block.image.src);
      if (block.image.sources) block.image.sources = block.image.sources.map(moved);
    });
    const { origin: _origin, ...rest } = article;
    return rest;
  });
  return `${JSON.stringify(copy, null, 2)}\n`;
}
