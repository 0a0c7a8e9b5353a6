/**
 * A book's images are loaded side by side (src/read/resolve-images.ts): what the book gets must
 * still be what loading them one by one in the order of the figures gives — the same entries in
 * the same order, each image's entry from its first figure, problems reported in figure order.
 * Checked on twenty-four real PNG and JPEG files of different sizes (so that loads end in another
 * order than they start), some missing, one named from two folders, one copied under a second name.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/check/diagnostic.js';
import type { Figure } from '../../src/model/block.js';
import { readPublication } from '../../src/read/publication.js';
import { resolveImages } from '../../src/read/resolve-images.js';
import { ROOT, tempFolder } from '../support/cli.js';

const RICH = path.join(ROOT, 'test/fixtures/rich');

describe('loading a book’s images at once', () => {
  it('gives the entries, the figures’ images and the problems of a one-by-one loading', async () => {
    const dir = tempFolder();
    mkdirSync(path.join(dir, 'sub'));
    copyFileSync(path.join(RICH, 'harbour.jpg'), path.join(dir, 'big.jpg'));
    copyFileSync(path.join(RICH, 'harbour.jpg'), path.join(dir, 'big-copy.jpg'));
    copyFileSync(path.join(RICH, 'chart.png'), path.join(dir, 'chart.png'));
    copyFileSync(path.join(RICH, 'ornament16.png'), path.join(dir, 'small.png'));
    // Article i's figure: the big photo first (slowest), its copy later, missing files among them.
    const sources = ['big.jpg', 'small.png', 'gone-1.png', 'chart.png', 'big-copy.jpg', 'small.png', 'gone-2.png', 'sub/../chart.png'];
    const names: string[] = [];
    for (let i = 0; i < 24; i++) {
      const name = `post-${String(i + 1).padStart(2, '0')}.md`;
      names.push(name);
      writeFileSync(path.join(dir, name), `---\ntitle: Post ${i + 1}\nlang: en\n---\n\nText of post ${i + 1}.\n\n![Figure ${i + 1}](${sources[i % sources.length]})\n`);
    }
    writeFileSync(path.join(dir, 'publication.yaml'), `title: Images\narticles: [${names.join(', ')}]\n`);
    const readDiagnostics = new Diagnostics();
    const pub = (await readPublication(dir, { lang: 'en' }, readDiagnostics)).publication!;
    expect(pub.articles).toHaveLength(24);

    const diagnostics = new Diagnostics();
    const { images } = await resolveImages(pub, diagnostics);

    const idOf = (file: string): string => `img-${createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex').slice(0, 12)}`;
    // One entry per distinct image, in the order of their first figures, each from that figure's file.
    expect([...images.keys()]).toEqual([idOf('big.jpg'), idOf('small.png'), idOf('chart.png')]);
    expect(images.get(idOf('big.jpg'))!.file).toBe(realpathSync(path.join(dir, 'big.jpg')));
    expect(images.get(idOf('chart.png'))!.file).toBe(realpathSync(path.join(dir, 'chart.png')));
    // Every figure points at its image's entry; the copy at the original's.
    const figureSrc = pub.articles.map((a) => a.body.find((b): b is Figure => b.type === 'figure')?.image.src);
    pub.articles.forEach((_, i) => {
      const source = sources[i % sources.length]!;
      if (source.startsWith('gone')) expect(figureSrc[i], `post ${i + 1}`).toBeUndefined();
      else expect(figureSrc[i], `post ${i + 1}`).toBe(idOf(source));
    });
    // The missing images, reported in the order of their figures.
    const broken = diagnostics.items.map((d) => `${path.basename(d.file ?? '')} ${/gone-\d/.exec(d.message)?.[0]}`);
    expect(broken).toEqual(pub.articles.flatMap((_, i) => (sources[i % sources.length]!.startsWith('gone') ? [`post-${String(i + 1).padStart(2, '0')}.md ${sources[i % sources.length]!.slice(0, 6)}`] : [])));
  });
});
