/**
 * The article opening in the PDF: kicker, title, dek, byline with roles, dateline — drawn in that
 * order, each its own tagged element in that order, the TOC and page map still pointing at it.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf, type PdfResult } from '../../../src/write/pdf/index.js';
import { bylineText, datelineText } from '../../../src/write/pdf/opening-words.js';
import { pdfStructText, pdfText } from '../../support/pdf.js';
import { writerInputFromJson } from '../../support/writer-input.js';

let file: string;
let result: PdfResult;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-opening-'));
  file = path.join(dir, 'rich.pdf');
  result = await writePdf(await writerInputFromJson());
  await writeFile(file, result.bytes);
});

const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

describe('article opening on the rich fixture', () => {
  const expected = [
    ['FEATURES', 'Life on the Harbour Wall', 'Fishers, gulls and the slow arithmetic of tides', 'By Jane Q. Doe', '28 April 2025'],
    ['DATA', 'Counting the Catch', 'What a season’s landings look like in numbers', 'By Ahmad Karimi', '30 April 2025 · Updated 2 May 2025'],
    ['LETTERS', 'Grüße aus dem Hafen', 'Ein kurzer Brief in drei Schriften', 'Von Zoë Ångström', '1. Mai 2025'],
  ];

  it('draws kicker, title, dek, byline and dateline first on the page the TOC and page map name', async () => {
    for (const [i, want] of expected.entries()) {
      const start = result.pageMap.pages.find((p) => p.article === i)!;
      const page = lines(await pdfText(file, { first: start.pageIndex + 1, last: start.pageIndex + 1 }));
      expect(page.slice(0, 5), `article ${i + 1}`).toEqual(want);
      const toc = await pdfText(file, { first: 3, last: 3 });
      expect(toc).toMatch(new RegExp(`${want[1]}\\s+${start.label}\\b`));
    }
  });

  it('tags them as P, H1, P, P, P in reading order, the kicker read as written', async () => {
    const tree = await pdfStructText(file);
    for (const want of expected) {
      const [kicker, title, dek, byline, dateline] = want.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      expect(tree).toMatch(new RegExp(`\\n(\\s+)P \\(block\\)\\n\\s+"${kicker}"\\n\\1H1 \\(block\\)\\n\\s+"${title}"\\n\\1P \\(block\\)\\n\\s+"${dek}"\\n\\1P \\(block\\)\\n\\s+"${byline}"\\n\\1P \\(block\\)\\n\\s+"${dateline}"\\n`));
    }
    const raw = Buffer.from(result.bytes).toString('latin1');
    expect(raw).toMatch(/\/ActualText \(Features\)/);
    expect(raw).toMatch(/\/ActualText \(Data\)/);
  });

  it('keeps the bookmark on the title and the article link target on the opening page', async () => {
    const raw = Buffer.from(result.bytes).toString('latin1');
    expect(raw).toMatch(/\/Title \(Counting the Catch\)/);
    expect(raw).toMatch(/\(article-2\)/);
  });
});

describe('opening words', () => {
  it('credits authors first, then each role with its phrase, unknown roles in parentheses', () => {
    const authors = [{ name: 'Jane Q. Doe', role: 'editor' }, { name: 'Ahmad Karimi' }, { name: 'Zoë Ångström', role: 'photographer' }, { name: 'Sam Reed', role: 'narrator' }];
    expect(bylineText(authors, 'en-GB')).toEqual({ text: 'By Ahmad Karimi and Sam Reed (narrator) · Edited by Jane Q. Doe · Photographs by Zoë Ångström', lang: 'en-GB' });
    expect(bylineText(authors.slice(0, 3), 'de')?.text).toBe('Von Ahmad Karimi · Herausgegeben von Jane Q. Doe · Fotos von Zoë Ångström');
    expect(bylineText([], 'en')).toBeUndefined();
  });

  it('formats dates for the language in UTC and adds “Updated” only for another day', () => {
    expect(datelineText('2025-04-30', '2025-05-02', 'fr')).toEqual({ text: '30 avril 2025 · Mis à jour le 2 mai 2025', lang: 'fr' });
    expect(datelineText('2025-04-30', '2025-04-30T23:30:00Z', 'en-GB')).toEqual({ text: '30 April 2025', lang: 'en-GB' });
    // No words for Greek: the line falls back to English as a whole, and says so.
    expect(datelineText('2025-04-30', '2025-05-02', 'el')).toEqual({ text: 'April 30, 2025 · Updated May 2, 2025', lang: 'en' });
    expect(datelineText('2025-04-30', undefined, 'el')?.lang).toBe('el');
    expect(datelineText(undefined, undefined, 'en')).toBeUndefined();
  });
});
