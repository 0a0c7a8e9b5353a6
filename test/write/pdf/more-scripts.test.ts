/**
 * The scripts of the news beyond issue 11's: Article 1 of the Universal Declaration of Human Rights
 * in Bengali, Tamil, Telugu, Gujarati, Punjabi (Gurmukhi), Kannada, Malayalam, Odia, Sinhala,
 * Dhivehi (Thaana), Georgian, Armenian, Amharic (Ethiopic), Tibetan, Burmese, Khmer and Lao, and a
 * sentence of it in Tamazight (Tifinagh), Inuktitut (Syllabics), Cherokee, Santali (Ol Chiki) and
 * Manipuri (Meetei Mayek) (test/fixtures/scripts/more), built with the CLI and read back with
 * poppler: every script's font
 * embedded and subset, and every word back, whole and in order — Indic conjuncts, pre-base vowels
 * and Khmer subscripts included, which pdftotext used to split (বিশ্বে র) or drop (ក្នុង → កង).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempFolder } from '../../support/cli.js';
import { pdfFonts, pdfText, type PdfFontRow } from '../../support/pdf.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/scripts/more');
const ARTICLES = readdirSync(FIXTURE).filter((f) => f.endsWith('.md')).sort();
const FAMILIES = ['Bengali', 'Tamil', 'Telugu', 'Gujarati', 'Gurmukhi', 'Kannada', 'Malayalam', 'Oriya', 'Sinhala', 'Thaana', 'Georgian', 'Armenian', 'Ethiopic', 'Tibetan', 'Myanmar', 'Khmer', 'Lao', 'Tifinagh', 'CanadianAboriginal', 'Cherokee', 'OlChiki', 'MeeteiMayek'];
/** Written without spaces between words: a line may end inside a space-delimited run. */
const UNSPACED = new Set(['14-tibetan.md', '15-burmese.md', '16-khmer.md', '17-lao.md']);
/** Right to left: pdftotext places a Thaana vowel sign by position, before its letter. */
const RTL = new Set(['10-dhivehi.md']);

let text: string;
let fonts: PdfFontRow[];
let stderr: string;

function body(file: string): string {
  return readFileSync(path.join(FIXTURE, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '').trim();
}

beforeAll(async () => {
  const out = tempFolder();
  const built = cli(['build', FIXTURE, '-o', out]);
  expect(built.status, built.stderr).toBe(0);
  stderr = built.stderr;
  const pdf = path.join(out, readdirSync(out).find((f) => f.endsWith('.pdf'))!);
  [text, fonts] = await Promise.all([pdfText(pdf), pdfFonts(pdf)]);
}, 120_000);

describe('the scripts of the news in the PDF', () => {
  it('embeds and subsets a font for every script', () => {
    for (const family of FAMILIES) expect(fonts.some((f) => f.name.includes(family)), family).toBe(true);
    for (const f of fonts) expect(f.emb && f.sub && f.uni, f.name).toBe(true);
    expect(text).not.toContain('\uFFFD');
    expect(stderr).not.toMatch(/glyph|embedded fonts/);
  });

  it('gives back every word whole and in order', () => {
    // Lines joined as a reader would: a hyphen at a line's end joins, other line ends are spaces.
    const joined = text.replace(/-\n/g, '').replace(/\s+/g, ' ');
    for (const file of ARTICLES.filter((f) => !UNSPACED.has(f) && !RTL.has(f))) {
      let at = 0;
      for (const word of body(file).split(/\s+/)) {
        const found = joined.indexOf(word, at);
        expect(found, `${file}: “${word}” after ${at}`).toBeGreaterThanOrEqual(0);
        at = found + word.length;
      }
    }
  });

  it('gives back scripts without spaces letter for letter, whatever the line breaks', () => {
    const letters = text.replace(/\s+/g, '');
    for (const file of UNSPACED) expect(letters, file).toContain(body(file).replace(/\s+/g, ''));
  });

  it('gives back right-to-left Thaana letter for letter, in logical order (vowel signs aside)', () => {
    const thaana = (s: string): string => Array.from(s.normalize('NFC').replace(/\p{M}/gu, '')).filter((c) => /\p{Script=Thaana}/u.test(c)).join('');
    for (const file of RTL) {
      for (const word of body(file).split(/\s+/)) expect(thaana(text), `${file}: ${word}`).toContain(thaana(word));
    }
  });

  it('keeps the joiners that shape a word: Sinhala ශ්‍රී with its ZWJ', () => {
    expect(body('09-sinhala.md')).toContain('ශ්\u200dරී');
    expect(text).toContain('ශ්\u200dරී');
  });
});
