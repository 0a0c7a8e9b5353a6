/**
 * The build pipeline, as a library call (the CLI is a thin layer over it):
 * read → validate → images → metadata → cover → PDF (its layout gives the page map) → EPUB → write.
 */
import path from 'node:path';
import { Diagnostics, type Diagnostic } from './check/diagnostic.js';
import type { Publication } from './model/publication.js';
import { SlugScope, slugify } from './model/slug.js';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from './read/images.js';
import { cleanPublicationText } from './read/clean-text.js';
import { readPublication } from './read/publication.js';
import { resolveImages, type ResolveOptions } from './read/resolve-images.js';
import { resolveLinks } from './read/resolve-links.js';
import { VERSION } from './version.js';
import { makeCoverArt } from './write/cover/index.js';
import { writeEpub, epubAccessibility } from './write/epub/index.js';
import type { WriterInput, WriterOptions } from './write/input.js';
import { jsonLd } from './write/metadata/jsonld.js';
import { metadataRecord } from './write/metadata/record.js';
import { writeOutputs, type OutputFile } from './write/output.js';
import { BLEED } from './write/pdf/page-geometry.js';
import { trimSize } from './write/pdf/page-size.js';
import { writePdf } from './write/pdf/index.js';

export interface BuildOptions {
  /** Folders or article files; each is built as its own publication. */
  inputs: string[];
  /** Output folder. Default `build`. */
  outDir: string;
  /** Language when none is given anywhere. Default `en`. */
  lang: string;
  /** Page size for the PDF, overriding publication.yaml. Default A5. */
  pageSize?: string;
  /** 3 mm bleed, overriding publication.yaml. */
  bleed?: boolean;
  /** Fail instead of warning when the EPUB cannot claim conformance. */
  strict: boolean;
  /** Seconds since the epoch; overrides content dates (reproducible-builds.org convention). */
  sourceDateEpoch?: number;
  imageLimits?: ImageLimits;
  /** Download remote images (with a timeout, size cap and type check). Default false: no network. */
  fetchRemote?: boolean;
  maxArticleBytes?: number;
}

export interface BuildResult {
  /** Files written, in order. */
  outputs: string[];
  /** Warnings of the whole run (errors end it with an InputError instead). */
  warnings: Diagnostic[];
}

/**
 * Builds every input. Input problems of all inputs are collected and thrown together as one
 * InputError; nothing is written unless every input builds.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const diagnostics = new Diagnostics();
  const publications: Publication[] = [];
  for (const input of options.inputs) {
    const read = await readPublication(input, { lang: options.lang, maxArticleBytes: options.maxArticleBytes }, diagnostics);
    if (read.publication) {
      cleanPublicationText(read.publication, diagnostics);
      publications.push(read.publication);
    } else if (read.articles.length > 0) {
      // Report the image problems of the articles that did validate in this same run.
      await resolveImages({ articles: read.articles }, diagnostics, resolveOptions(options));
    }
  }
  diagnostics.checkpoint();
  const files: OutputFile[] = [];
  const slugs = new SlugScope();
  for (const pub of publications) {
    const slug = slugs.unique(pub.meta.slug ?? slugify(pub.meta.title));
    files.push(...(await buildPublication(pub, slug, options, diagnostics)));
  }
  diagnostics.checkpoint();
  await writeOutputs(files);
  return { outputs: files.map((f) => f.path), warnings: diagnostics.warnings };
}

/** Builds one publication in memory: the EPUB, the PDF and the JSON-LD record. */
export async function buildPublication(pub: Publication, slug: string, options: BuildOptions, diagnostics: Diagnostics): Promise<OutputFile[]> {
  assignArticleSlugs(pub);
  resolveLinks(pub, diagnostics);
  const resolved = await resolveImages(pub, diagnostics, resolveOptions(options));
  if (diagnostics.errors.length > 0) return [];
  const writerOptions: WriterOptions = {
    pageSize: options.pageSize ?? pub.meta.pageSize ?? 'A5',
    bleed: options.bleed ?? pub.meta.bleed ?? false,
    strict: options.strict,
  };
  const metadata = metadataRecord(pub, { version: VERSION, sourceDateEpoch: options.sourceDateEpoch });
  const { width: widthPt, height: heightPt } = trimSize(writerOptions.pageSize);
  const cover = await makeCoverArt({
    metadata,
    image: resolved.cover?.image,
    alt: resolved.cover?.alt,
    trim: { widthPt, heightPt },
    bleedPt: writerOptions.bleed ? BLEED : 0,
  });
  const input: WriterInput = { publication: pub, metadata, cover, images: resolved.images, diagnostics, options: writerOptions };
  const pdf = await writePdf(input);
  const epub = await writeEpub(input, pdf.pageMap);
  if (diagnostics.errors.length > 0) return [];
  const record = jsonLd(pub, metadata, epubAccessibility(input, pdf.pageMap));
  return [
    { path: path.join(options.outDir, `${slug}.epub`), data: epub },
    { path: path.join(options.outDir, `${slug}.pdf`), data: pdf.bytes },
    { path: path.join(options.outDir, `${slug}.jsonld`), data: `${JSON.stringify(record, null, 2)}\n` },
  ];
}

function resolveOptions(options: BuildOptions): ResolveOptions {
  return { limits: options.imageLimits ?? DEFAULT_IMAGE_LIMITS, fetchRemote: options.fetchRemote ?? false };
}

/** Every article gets a slug that is unique in its publication: its file name and id in the EPUB. */
function assignArticleSlugs(pub: Publication): void {
  const scope = new SlugScope();
  for (const article of pub.articles) article.meta.slug = scope.unique(article.meta.slug ?? slugify(article.meta.title, 'article'));
}
