/**
 * Issue 6, as properties: for any accepted input, the EPUB's documents are well-formed XML, every
 * word of the text is in the EPUB and in the PDF in order, and every text box lies inside its page.
 * PROPERTY_RUNS (models; soups are twice as many) and PROPERTY_SOUP_RUNS raise the number of cases
 * (defaults sized for CI's time budget); PROPERTY_SEED varies them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { blockText } from '../../src/model/text.js';
import { stripXmlIllegal } from '../../src/read/html/xml-chars.js';
import { epubText, openEpub } from '../support/epub.js';
import { runEpubcheck } from '../support/epubcheck.js';
import { pdfBodyText, pdfStructureText, pdfWordBoxes } from '../support/pdf.js';
import { missingInOrder, words } from '../support/words.js';
import { articleModel, hostileHtml } from './arbitrary.js';
import type { Block } from '../../src/model/block.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
/** Tag soups build faster than models (no long text to set), so CI affords more of them. */
const SOUP_RUNS = Number(process.env.PROPERTY_SOUP_RUNS ?? RUNS * 2);
const EPUBCHECK_SAMPLE = Number(process.env.PROPERTY_EPUBCHECK ?? 2);

/** Characters the embedded fonts draw: Latin, Greek, Cyrillic, punctuation (emoji, Arabic, Hebrew are reported, not drawn). */
const DRAWABLE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}\p{P}\p{M}\p{Zs}\p{Sc}\p{Sm}]+$/u;

async function buildOne(files: Record<string, string>, input: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-prop-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  const out = path.join(dir, 'out');
  const result = await build({ inputs: [path.join(dir, input)], outDir: out, lang: 'en', strict: false, sourceDateEpoch: 1_750_000_000 });
  const epub = result.outputs.find((f) => f.endsWith('.epub')) as string;
  const pdf = result.outputs.find((f) => f.endsWith('.pdf')) as string;
  return { epub, pdf, dir };
}

async function assertWellFormed(epub: string): Promise<void> {
  const { zip } = await openEpub(epub);
  for (const name of Object.keys(zip.files).filter((n) => /\.(xhtml|opf|ncx|xml)$/.test(n))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    const valid = XMLValidator.validate(xml);
    expect(valid, `${name}: ${JSON.stringify(valid)}`).toBe(true);
  }
}

async function assertInsidePages(pdf: string): Promise<void> {
  for (const box of await pdfWordBoxes(pdf)) {
    expect(box.xMin, box.word).toBeGreaterThanOrEqual(-0.5);
    expect(box.yMin, box.word).toBeGreaterThanOrEqual(-0.5);
    expect(box.xMax, box.word).toBeLessThanOrEqual(box.pageWidth + 0.5);
    expect(box.yMax, box.word).toBeLessThanOrEqual(box.pageHeight + 0.5);
  }
}

describe('any accepted model builds faithfully', () => {
  let checked = 0;
  it(`holds for ${RUNS} random models`, async () => {
    await fc.assert(
      fc.asyncProperty(articleModel, async (model) => {
        const { epub, pdf, dir } = await buildOne({ 'a.json': JSON.stringify(model) }, 'a.json');
        await assertWellFormed(epub);
        const expected = words(stripXmlIllegal((model.body as Block[]).map(blockText).join('\n')).text);
        const inEpub = missingInOrder(words(await epubText(epub)), expected);
        expect(inEpub, `EPUB lost ${JSON.stringify(inEpub)} (build in ${dir})`).toBeUndefined();
        const drawable = expected.filter((w) => DRAWABLE.test(w));
        // The structure tree is the PDF's reading order for assistive technology: exact, in order.
        const inTags = missingInOrder(words(await pdfStructureText(pdf)), drawable, { joinBroken: true });
        expect(inTags, `PDF structure lost ${JSON.stringify(inTags)} (build in ${dir})`).toBeUndefined();
        // pdftotext guesses reading order from positions: in tables it reads across columns, and a
        // change of font (code) can make it start a new block. Where neither occurs it must find
        // the words too: a long word or URL broken without a hyphen comes in pieces, and its
        // dehyphenation also removes an explicit hyphen that ends a line ("co-" + "operate").
        if (!/"type":"(?:table|code)"/.test(JSON.stringify(model.body))) {
          const unhyphen = (ws: string[]): string[] => ws.map((w) => w.replace(/-/g, ''));
          const inText = missingInOrder(unhyphen(words(await pdfBodyText(pdf))), unhyphen(drawable), { joinBroken: true });
          expect(inText, `pdftotext lost ${JSON.stringify(inText)} (build in ${dir})`).toBeUndefined();
        }
        await assertInsidePages(pdf);
        if (checked < EPUBCHECK_SAMPLE) {
          checked++;
          const report = await runEpubcheck(epub);
          expect(report.fatal + report.errors, JSON.stringify(report.messages.slice(0, 5))).toBe(0);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20250630), endOnFailure: true },
    );
  }, 900_000);
});

describe('any hostile HTML builds safely', () => {
  it(`holds for ${SOUP_RUNS} random tag soups`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileHtml, async (html) => {
        const { epub, pdf } = await buildOne({ 'a.html': `<html lang="en"><head><title>Soup</title></head><body><p>start</p>${html}<p>end</p></body></html>` }, 'a.html');
        await assertWellFormed(epub);
        const all = (await openEpub(epub)).spine.map((d) => d.xhtml).join('\n');
        expect(all).not.toMatch(/<script|\son[a-z]+=|javascript:|<iframe|<object|<form|\sstyle=/i);
        const text = words(await epubText(epub));
        expect(missingInOrder(text, ['start', 'end'])).toBeUndefined();
        await assertInsidePages(pdf);
      }),
      { numRuns: SOUP_RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20250630), endOnFailure: true },
    );
  }, 900_000);
});
