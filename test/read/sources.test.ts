/**
 * The original files a bag keeps (`--bag`): site-absolute image paths (`/images/x.png`, as static
 * site generators write them) are files under the publication's folder, as the image resolver
 * reads them, so the bag must hold them and its publication.json must point at them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/check/diagnostic.js';
import { readPublication } from '../../src/read/publication.js';
import { collectSources, sourcePath } from '../../src/read/sources.js';

const BLOG = path.resolve(import.meta.dirname, '../fixtures/blog');

describe('the sources of a publication', () => {
  it('holds the images a post names by site-absolute path, and only those that exist', async () => {
    const read = await readPublication(BLOG, { lang: 'en' }, new Diagnostics());
    const pub = read.publication!;
    const names = (await collectSources(pub, true)).map((s) => s.path);
    expect(names).toContain('images/latency-chart.svg');
    expect(names).toContain('images/spinner.gif');
    expect(names).toContain('images/logo.png');
    // A <picture> candidate (the print edition takes the 2x WebP) as well as its <img>'s src.
    expect(names).toContain('images/harbour-office.webp');
    // The missing one (a warning at build time) is not invented.
    expect(names).not.toContain('images/deploy-diagram.png');
    const post = pub.articles.find((a) => a.origin?.endsWith('2024-01-22-tail-latency.md'))!;
    expect(sourcePath(pub, '/images/latency-chart.svg', post)).toBe('images/latency-chart.svg');
    expect(sourcePath(pub, '/../../etc/passwd', post)).toBeUndefined();
  });
});
