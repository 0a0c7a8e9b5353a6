/**
 * The seed article (../shared/seed, transcribed into content/) builds into an EPUB and a PDF that
 * both contain every sentence of the source, in order.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempFolder } from './support/cli.js';
import { epubText } from './support/epub.js';
import { runAce } from './support/ace.js';
import { runEpubcheck } from './support/epubcheck.js';
import { pdfFonts, pdfText } from './support/pdf.js';
import { missingInOrder, words } from './support/words.js';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/seed/000_44fdd71c0a853ddf.txt'), 'utf8');

/** The source's article text: from the first paragraph to the end, without the repeated title. */
function sourceSentences(): string[] {
  const lines = SEED.split('\n').map((l) => l.trim()).filter(Boolean);
  const start = lines.findIndex((l) => l.startsWith('The Trump administration has launched'));
  const body = lines.slice(start, -1);
  return body.flatMap((l) => l.split(/(?<=[.!?][”"]?)\s+(?=[A-Z“"])/));
}

describe('the seed publication', () => {
  let out: string;
  beforeAll(() => {
    out = tempFolder();
    const run = cli(['build', 'content', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  const slug = 'us-explores-israel-syria-peace-talks';

  it('contains every sentence of the source in the EPUB, in order', async () => {
    const text = await epubText(path.join(out, `${slug}.epub`));
    const flat = text.replace(/\s+/g, ' ');
    for (const sentence of sourceSentences()) expect(flat).toContain(sentence);
    expect(missingInOrder(words(text), words(sourceSentences().join(' ')))).toBeUndefined();
    expect(flat).toContain('U.S. Explores Israel–Syria Peace Talks');
    expect(flat).toContain('Trump administration begins early talks with Israel and Syria on security deal.');
  });

  it('contains every word of the source in the PDF, in order', async () => {
    const text = await pdfText(path.join(out, `${slug}.pdf`));
    expect(missingInOrder(words(text), words(sourceSentences().join(' ')))).toBeUndefined();
    for (const heading of ['Israel Seeks Step-by-Step Accord', 'After Assad: A New Geopolitical Landscape', 'Golan Heights: A Historic Obstacle']) {
      expect(text.replace(/\s+/g, ' ')).toContain(heading);
    }
  });

  it('passes EPUBCheck 5 with no finding and Ace by DAISY with no violation', async () => {
    const epub = path.join(out, `${slug}.epub`);
    const [check, ace] = await Promise.all([runEpubcheck(epub), runAce(epub)]);
    expect(check.messages.map((m) => `${m.severity} ${m.id}: ${m.message}`)).toEqual([]);
    expect(ace.violations.map((v) => `${v.impact} ${v.rule}: ${v.description}`)).toEqual([]);
  });

  it('reads whole in calibre: ebook-convert to text keeps every word in order', () => {
    const txt = path.join(out, 'calibre.txt');
    const run = spawnSync('ebook-convert', [path.join(out, `${slug}.epub`), txt], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(missingInOrder(words(readFileSync(txt, 'utf8')), words(sourceSentences().join(' ')))).toBeUndefined();
  });

  it('embeds every font of the PDF, with Unicode maps', async () => {
    const fonts = await pdfFonts(path.join(out, `${slug}.pdf`));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f.name).toMatchObject({ emb: true, uni: true });
  });
});
