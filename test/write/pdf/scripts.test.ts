/**
 * Every script in print (issue 11): Article 1 of the Universal Declaration of Human Rights in
 * Arabic, Persian, Hebrew (with points), Chinese, Japanese, Korean, Hindi and Thai, and an English
 * article with Arabic and Hebrew names, numbers inside RTL text, emoji and symbols — built once
 * with the CLI, then read back with poppler.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempFolder } from '../../support/cli.js';
import { run } from '../../support/exec.js';
import { pdfFonts, pdfStructText, pdfText, type PdfFontRow } from '../../support/pdf.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/scripts/print');
const ARTICLES = readdirSync(FIXTURE).filter((f) => f.endsWith('.md')).sort();

let pdf: string;
let text: string;
let structure: string;
let fonts: PdfFontRow[];
let stderr: string;

/** The body of a Markdown fixture: front matter and inline HTML tags removed. */
function body(file: string): string {
  const source = readFileSync(path.join(FIXTURE, file), 'utf8');
  return source.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<[^>]+>/g, '');
}

/** The scripts whose letters are compared, and digits. */
const SCRIPTS = ['Latin', 'Arabic', 'Hebrew', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Devanagari', 'Thai'].map((s) => new RegExp(`\\p{Script=${s}}`, 'u'));
SCRIPTS.push(/\p{Nd}/u);

/**
 * The letters of one script in reading order (NFC, combining marks dropped). Comparing per script
 * checks every letter and the logical order within each script, whatever line breaks, justification
 * and an extractor's placement of neutral punctuation around embedded RTL text did.
 */
const letters = (s: string, script: RegExp): string => Array.from(s.normalize('NFC').replace(/\p{M}/gu, '')).filter((c) => script.test(c)).join('');

beforeAll(async () => {
  const out = tempFolder();
  const built = cli(['build', FIXTURE, '-o', out]);
  expect(built.status, built.stderr).toBe(0);
  stderr = built.stderr;
  pdf = path.join(out, readdirSync(out).find((f) => f.endsWith('.pdf'))!);
  [text, structure, fonts] = await Promise.all([pdfText(pdf), pdfStructText(pdf), pdfFonts(pdf)]);
}, 120_000);

describe('every script in the PDF (issue 11)', () => {
  it('embeds and subsets a font for every script, and stays small', () => {
    for (const family of ['NotoSerif-Regular', 'NotoNaskhArabic', 'NotoSerifHebrew', 'NotoSansSC', 'NotoSansKR', 'NotoSansDevanagari', 'NotoSansThai', 'NotoEmoji', 'NotoSansSymbols2']) {
      expect(fonts.some((f) => f.name.includes(family)), family).toBe(true);
    }
    for (const f of fonts) {
      expect(f.emb && f.sub && f.uni, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
    // The CJK faces are 10 MB each: subsetting keeps a book of a few hundred CJK characters small.
    expect(statSync(pdf).size).toBeLessThan(1_500_000);
  });

  it('gives back every letter of every article, in logical order, and no U+FFFD', () => {
    expect(text).not.toContain('\uFFFD');
    expect(stderr).not.toMatch(/glyph/);
    for (const script of SCRIPTS) {
      const all = letters(text, script);
      for (const file of ARTICLES) {
        for (const paragraph of body(file).split(/\n\s*\n/).filter((p) => p.trim() !== '')) {
          expect(all, `${file} ${script.source}: ${paragraph.slice(0, 40)}`).toContain(letters(paragraph, script));
        }
      }
    }
  });

  it('reads right-to-left paragraphs word by word in logical order from the structure tree', () => {
    // poppler prints each element's text as quoted lines: their concatenation is the reading order.
    const flat = [...structure.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]).join('');
    // (The first Arabic paragraph is not checked here: poppler's structure reader stops at the
    // ActualText of a cluster with a raised mark, the tanwin of أحرارًا.)
    expect(flat).toContain('في عام 1948 في باريس، وترجم إلى أكثر من 500 لغة.');
    expect(flat).toContain('כל בני האדם נולדו בני חורין ושווים בערכם ובזכויותיהם.');
    expect(flat).toContain('The envoy travelled from Damascus (دمشق) to Jerusalem (ירושלים) and');
    expect(flat).toContain('reads في عام 1948, “in the');
  });

  it('tags the language of every foreign article and span (/Lang)', async () => {
    const qdf = (await run('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'])).stdout;
    for (const lang of ['ar', 'fa', 'he', 'zh-Hans', 'ja', 'ko', 'hi', 'th']) {
      expect(qdf, lang).toMatch(new RegExp(`/Lang \\(${lang}\\)`));
    }
    // The Arabic and Hebrew names inside the English article are Spans of their own language.
    expect(qdf.match(/\/Lang \(ar\)/g)?.length).toBeGreaterThanOrEqual(3);
    expect(qdf.match(/\/Lang \(he\)/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('breaks CJK lines between characters, never before closing punctuation', () => {
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const cjk = lines.filter((l) => /[\u3040-\u30FF\u4E00-\u9FFF]/.test(l));
    expect(cjk.length).toBeGreaterThan(8);
    for (const line of cjk) expect(line, line).not.toMatch(/^[。、，．」』）：；！？ー]/u);
  });
});

describe('characters no font has (issue 11)', () => {
  it('are reported once per article, with a count and examples, print as U+FFFD and come back as themselves', async () => {
    const dir = tempFolder({
      'old-italic.md': '---\ntitle: Old Italic\nauthor: Tests\nlang: en\ndate: 2025-01-01\n---\n\nThe letters 𐌀 and 𐌁 and again 𐌀 are Old Italic, which no bundled font draws; دمشق is drawn.\n',
    });
    const out = tempFolder();
    const built = cli(['build', path.join(dir, 'old-italic.md'), '-o', out]);
    expect(built.status, built.stderr).toBe(0);
    const warnings = built.stderr.split('\n').filter((l) => /glyph|embedded fonts/.test(l));
    expect(warnings, built.stderr).toHaveLength(1);
    expect(warnings[0]).toMatch(/3 characters \(2 different\)/);
    expect(warnings[0]).toMatch(/U\+10300/);
    const extracted = await pdfText(path.join(out, readdirSync(out).find((f) => f.endsWith('.pdf'))!));
    // The glyph drawn is the text face's U+FFFD; the text it stands for is the character's own.
    expect(extracted).toContain('The letters 𐌀 and 𐌁 and again 𐌀 are Old Italic');
    expect(extracted).not.toContain('\uFFFD');
    expect(extracted).toContain('دمشق');
  }, 60_000);
});
