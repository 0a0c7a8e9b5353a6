/**
 * `broadsheet build` on each kind of input, as a user runs it: a saved real-world news page, the
 * JSON model, a publication folder. Every word of the article reaches both editions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempFolder } from '../support/cli.js';
import { epubText, openEpub } from '../support/epub.js';
import { pdfText } from '../support/pdf.js';
import { missingInOrder, words } from '../support/words.js';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/seed/000_44fdd71c0a853ddf.txt'), 'utf8');
// The saved page ends with the minister's words as a block quote instead of the seed's last paragraph.
const PAGE_BODY = `${SEED.slice(SEED.indexOf('The Trump administration has launched'), SEED.indexOf('negotiated away.') + 16)} The Golan Heights will remain part of Israel under any future deal. Israeli Foreign Minister Gideon Saar`;

describe('broadsheet build', () => {
  it('builds a saved news page (HTML with site chrome, scripts and metadata) into both editions', async () => {
    const out = tempFolder();
    const run = cli(['build', 'test/fixtures/read/news-page.html', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['us-explores-israel-syria-peace-talks.epub', 'us-explores-israel-syria-peace-talks.jsonld', 'us-explores-israel-syria-peace-talks.pdf']);
    const epub = path.join(out, 'us-explores-israel-syria-peace-talks.epub');
    expect(missingInOrder(words(await epubText(epub)), words(PAGE_BODY))).toBeUndefined();
    expect(missingInOrder(words(await pdfText(path.join(out, 'us-explores-israel-syria-peace-talks.pdf'))), words(PAGE_BODY))).toBeUndefined();
    const { opf } = await openEpub(epub);
    expect(opf).toContain('<dc:language>en-US</dc:language>');
    expect(opf).toContain('<dc:publisher>ClashReport</dc:publisher>');
    // The site's chrome stays out of the book.
    expect(await epubText(epub)).not.toMatch(/Subscribe to our newsletter|Related stories|googletag/);
  });

  it('builds the JSON model of a publication and names the files after its title', () => {
    const out = tempFolder();
    const run = cli(['build', 'test/fixtures/rich/publication.json', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['harbour-hinterland-notes-from-the-coast.epub', 'harbour-hinterland-notes-from-the-coast.jsonld', 'harbour-hinterland-notes-from-the-coast.pdf']);
  });

  it('builds content/ into build/ when given no input, warning about nothing', () => {
    const dir = tempFolder();
    const run = cli(['build', path.join(ROOT, 'content'), '--out', path.join(dir, 'build')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/wrote .*us-explores-israel-syria-peace-talks\.epub/);
  });

  it('warns and uses --lang when no language is given anywhere', async () => {
    const dir = tempFolder({ 'a.md': '---\ntitle: Sans langue\n---\n\nBonjour tout le monde.\n' });
    const run = cli(['build', path.join(dir, 'a.md'), '--out', path.join(dir, 'out'), '--lang', 'fr']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/a\.md: warning: no language is given; using "fr" — add `lang:`/);
    const { opf } = await openEpub(path.join(dir, 'out', 'sans-langue.epub'));
    expect(opf).toContain('<dc:language>fr</dc:language>');
  });

  it('warns when the cover image would print below 300 dpi', () => {
    const dir = tempFolder({
      'a.md': '---\ntitle: Small cover\nlang: en\ncover: { image: cover.png, alt: A chart }\n---\n\nText.\n',
      'cover.png': readFileSync(path.join(ROOT, 'test/fixtures/rich/chart.png')),
    });
    const run = cli(['build', path.join(dir, 'a.md'), '--out', path.join(dir, 'out')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: preflight: page i: the cover image \(1200×800 px\) prints at \d+ dpi .* below the 300 dpi print needs — use a cover image at least/);
  });
});
