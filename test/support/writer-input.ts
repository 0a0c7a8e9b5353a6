/**
 * Builds a WriterInput from a JSON model file without the CLI, so writer tests can run on the
 * shared rich fixture. Images are loaded for real; the cover is the given image or, until the
 * cover generator lands, the first figure's image.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Diagnostics } from '../../src/check/diagnostic.js';
import { publication as publicationSchema, type Publication } from '../../src/model/publication.js';
import type { Block } from '../../src/model/block.js';
import type { ImageStore } from '../../src/images/image.js';
import { loadImage } from '../../src/images/load.js';
import type { CoverArt } from '../../src/write/cover/cover-art.js';
import type { WriterInput, WriterOptions } from '../../src/write/input.js';
import { metadataRecord } from '../../src/write/metadata/record.js';

export const RICH = path.resolve(import.meta.dirname, '../fixtures/rich/publication.json');

export async function writerInputFromJson(file = RICH, options: Partial<WriterOptions> = {}): Promise<WriterInput> {
  const raw = JSON.parse(await readFile(file, 'utf8')) as { articles: { origin?: string }[] };
  for (const a of raw.articles) a.origin ??= file;
  const pub: Publication = publicationSchema.parse(raw);
  const diagnostics = new Diagnostics();
  const images: ImageStore = new Map();
  let firstImage: string | undefined;
  for (const article of pub.articles) {
    for (const figure of figures(article.body)) {
      const loaded = await loadImage({ src: figure.image.src, file: article.origin ?? file, baseDir: path.dirname(article.origin ?? file), field: 'image' }, images);
      if ('problem' in loaded) throw new Error(`${figure.image.src}: ${loaded.problem.message}`);
      const img = loaded.image;
      figure.image.src = img.id;
      firstImage ??= img.id;
    }
  }
  const metadata = metadataRecord(pub, { version: '0.0.0-test' });
  const img = images.get(firstImage ?? '');
  if (!img) throw new Error('fixture has no image for the stand-in cover');
  if (img.print.kind !== 'bitmap') throw new Error('the stand-in cover must be a bitmap');
  const picture = { data: img.print.data, mediaType: img.print.mediaType, width: img.print.width, height: img.print.height };
  const cover: CoverArt = { origin: 'image', alt: 'Cover: a harbour wall at dawn.', print: picture, screen: picture };
  return { publication: pub, metadata, cover, images, diagnostics, options: { pageSize: 'A5', bleed: false, strict: false, ...options } };
}

/** Every figure in reading order, nested ones included. */
export function figures(blocks: Block[]): Extract<Block, { type: 'figure' }>[] {
  const out: Extract<Block, { type: 'figure' }>[] = [];
  for (const b of blocks) {
    if (b.type === 'figure') out.push(b);
    else if (b.type === 'blockquote') out.push(...figures(b.children));
    else if (b.type === 'list') for (const item of b.items) out.push(...figures(item.children));
  }
  return out;
}
