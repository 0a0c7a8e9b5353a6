/**
 * `npm run bench`: builds the seed and a synthetic anthology (300 articles, about 300,000 words)
 * and prints wall time per stage and the peak memory of the process. Figures, not assertions.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics } from '../check/diagnostic.js';
import { readPublication } from '../read/publication.js';
import { resolveImages } from '../read/resolve-images.js';
import { VERSION } from '../version.js';
import { makeCoverArt } from '../write/cover/index.js';
import { writeEpub } from '../write/epub/index.js';
import { metadataRecord } from '../write/metadata/record.js';
import { trimSize } from '../write/pdf/page-size.js';
import { writePdf } from '../write/pdf/index.js';
import { writeAnthology } from './anthology.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  console.log(`  ${label.padEnd(22)} ${(ms / 1000).toFixed(2).padStart(7)} s   rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0).padStart(5)} MiB`);
  return result;
}

async function bench(name: string, folder: string): Promise<void> {
  console.log(`\n${name}`);
  const diagnostics = new Diagnostics();
  const total = performance.now();
  const pub = await timed('read + validate', async () => {
    const p = (await readPublication(folder, { lang: 'en' }, diagnostics)).publication;
    if (!p) throw new Error(diagnostics.items.map((d) => d.message).join('\n'));
    return p;
  });
  const words = pub.articles.reduce((n, a) => n + JSON.stringify(a.body).split(/\s+/).length, 0);
  const resolved = await timed('images', () => resolveImages(pub, diagnostics));
  const metadata = metadataRecord(pub, { version: VERSION });
  const cover = await timed('cover', () => makeCoverArt({ metadata, image: resolved.cover?.image, alt: resolved.cover?.alt, trim: { widthPt: trimSize('A5').width, heightPt: trimSize('A5').height }, bleedPt: 0 }));
  const input = { publication: pub, metadata, cover, images: resolved.images, diagnostics, options: { pageSize: 'A5', bleed: false, strict: false } };
  const pdf = await timed('PDF', () => writePdf(input));
  const epub = await timed('EPUB', () => writeEpub(input, pdf.pageMap));
  const seconds = (performance.now() - total) / 1000;
  console.log(`  ${'total'.padEnd(22)} ${seconds.toFixed(2).padStart(7)} s   ${pub.articles.length} articles, ~${words.toLocaleString('en')} words (JSON tokens), ${pdf.pageMap.pages.length} body pages`);
  console.log(`  sizes: PDF ${(pdf.bytes.length / 2 ** 20).toFixed(1)} MiB, EPUB ${(epub.length / 2 ** 20).toFixed(1)} MiB`);
}

const articles = Number(process.env.BENCH_ARTICLES ?? 300);
const anthology = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-bench-'));
await writeAnthology(anthology, articles, 1000, [path.join(ROOT, 'test/fixtures/rich/chart.png'), path.join(ROOT, 'test/fixtures/rich/harbour.jpg')]);
console.log(`broadsheet ${VERSION} bench on node ${process.version}, ${os.cpus().length} cores`);
await bench('seed (content/)', path.join(ROOT, 'content'));
await bench(`anthology (${articles} articles, ${anthology})`, anthology);
console.log(`\npeak rss of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
