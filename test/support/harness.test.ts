/**
 * Smoke tests for the validator harness: each wrapper must see a clean input as clean and a broken
 * input as broken, so a suite built on it cannot pass silently.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontPath } from '../../src/fonts/files.js';
import { formatAce, runAce } from './ace.js';
import { formatEpubcheck, runEpubcheck } from './epubcheck.js';
import { pdfFonts, pdfInfo, pdfMeta, pdfStructText, pdfText, pdfWordBoxes } from './pdf.js';
import { assertInOrder, missingInOrder, words } from './words.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-harness-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A minimal EPUB 3 with accessibility metadata; `broken` drops dcterms:modified, `lang` and a heading level. */
async function tinyEpub(path: string, broken: boolean): Promise<void> {
  const zip = new JSZip();
  // mimetype first and stored (JSZip keeps insertion order).
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' });
  zip.file(
    'META-INF/container.xml',
    `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`,
  );
  zip.file(
    'EPUB/package.opf',
    `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427</dc:identifier>
    <dc:title>Harness smoke test</dc:title>
    <dc:language>en</dc:language>
    ${broken ? '' : '<meta property="dcterms:modified">2025-06-30T12:00:00Z</meta>'}
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">Text only, with headings and a table of contents.</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="c1"/></spine>
</package>`,
  );
  zip.file(
    'EPUB/nav.xhtml',
    `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
  <head><title>Contents</title></head>
  <body>
    <nav epub:type="toc" role="doc-toc" id="toc"><h1>Contents</h1><ol><li><a href="c1.xhtml">A chapter</a></li></ol></nav>
  </body>
</html>`,
  );
  zip.file(
    'EPUB/c1.xhtml',
    `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${broken ? '' : ' lang="en" xml:lang="en"'}>
  <head><title>A chapter</title></head>
  <body>
    <section epub:type="chapter" role="doc-chapter">
      <h1>A chapter</h1>
      ${broken ? '<h3>Skipped a level</h3>' : '<h2>A section</h2>'}
      <p>Hello, world — “quoted” Ωmega жук łódź.</p>
    </section>
  </body>
</html>`,
  );
  const bytes = await zip.generateAsync({ type: 'nodebuffer', mimeType: 'application/epub+zip', compression: 'DEFLATE' });
  await writeFile(path, bytes);
}

describe('EPUB validators', () => {
  let good = '';
  let bad = '';
  beforeAll(async () => {
    good = join(dir, 'good.epub');
    bad = join(dir, 'bad.epub');
    await Promise.all([tinyEpub(good, false), tinyEpub(bad, true)]);
  });

  it('EPUBCheck: valid EPUB has no errors; broken one is caught', async () => {
    const [ok, ko] = await Promise.all([runEpubcheck(good), runEpubcheck(bad)]);
    console.log(`epubcheck: good ${ok.ms} ms, bad ${ko.ms} ms (run concurrently)`);
    expect(ok.fatal + ok.errors, formatEpubcheck(ok)).toBe(0);
    expect(ok.warnings, formatEpubcheck(ok)).toBe(0);
    expect(ok.epubVersion).toBe('3.3');
    expect(ko.errors).toBeGreaterThanOrEqual(1);
    const modified = ko.messages.find((m) => m.severity === 'ERROR' && m.message.includes('dcterms:modified'));
    expect(modified, formatEpubcheck(ko)).toBeDefined();
    expect(modified?.id).toBe('RSC-005');
    expect(modified?.locations[0]?.path).toBe('EPUB/package.opf');
  });

  it('Ace: valid EPUB has no violations; broken one is caught', async () => {
    const ok = await runAce(good);
    const ko = await runAce(bad);
    console.log(`ace: good ${ok.ms} ms, bad ${ko.ms} ms`);
    expect(ok.violations, formatAce(ok)).toEqual([]);
    expect(ok.a11yMetadata.present).toEqual(
      expect.arrayContaining(['schema:accessMode', 'schema:accessibilityFeature', 'schema:accessibilityHazard']),
    );
    const rules = ko.violations.map((v) => v.rule);
    expect(rules, formatAce(ko)).toEqual(expect.arrayContaining(['html-has-lang', 'heading-order']));
    const lang = ko.violations.find((v) => v.rule === 'html-has-lang');
    expect(lang?.impact).toBe('serious');
    expect(lang?.location).toContain('c1.xhtml');
  });
});

describe('PDF tools', () => {
  const text = 'Hello, world — “quoted” Ωmega жук łódź & <done>.';
  let pdf = '';
  beforeAll(async () => {
    pdf = join(dir, 'smoke.pdf');
    const doc = new PDFDocument({
      size: 'A5',
      tagged: true,
      lang: 'en',
      pdfVersion: '1.7',
      displayTitle: true,
      font: fontPath('serif-regular'),
      info: { Title: 'Harness smoke test', CreationDate: new Date(0) },
    });
    const out = createWriteStream(pdf);
    doc.pipe(out);
    const root = doc.struct('Document');
    doc.addStructure(root);
    root.add(doc.struct('P', {}, [() => doc.font(fontPath('serif-regular')).fontSize(12).text(text)]));
    root.add(doc.struct('Code', {}, [() => doc.font(fontPath('mono-regular')).text('const x = 1;')]));
    root.end();
    doc.end();
    await finished(out);
  });

  it('pdfFonts: bundled fonts are embedded, subset, with ToUnicode; no default Helvetica', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansMono-Regular', 'NotoSerif-Regular']);
    for (const f of fonts) {
      expect(f).toMatchObject({ type: 'CID TrueType', encoding: 'Identity-H', emb: true, sub: true, uni: true });
    }
  });

  it('pdfFonts: a non-embedded standard font is reported as such', async () => {
    const std = join(dir, 'standard-font.pdf');
    const doc = new PDFDocument({ size: 'A5' });
    const out = createWriteStream(std);
    doc.pipe(out);
    doc.font('Times-BoldItalic').text('Not embedded.');
    doc.end();
    await finished(out);
    const fonts = await pdfFonts(std);
    expect(fonts).toContainEqual(
      expect.objectContaining({ name: 'Times-BoldItalic', type: 'Type 1', encoding: 'WinAnsi', emb: false, uni: false }),
    );
  });

  it('pdfText, pdfInfo, pdfMeta, pdfStructText, pdfWordBoxes', async () => {
    const [plain, info, meta, struct, boxes, layoutBoxes] = await Promise.all([
      pdfText(pdf),
      pdfInfo(pdf),
      pdfMeta(pdf),
      pdfStructText(pdf),
      pdfWordBoxes(pdf),
      pdfWordBoxes(pdf, { layout: true }),
    ]);
    assertInOrder(plain, text);
    assertInOrder(plain, 'const x = 1;');
    expect(info).toMatchObject({ Title: 'Harness smoke test', Pages: '1', Tagged: 'yes', Encrypted: 'no', 'PDF version': '1.7' });
    expect(info['Page size']).toMatch(/^419\.53 x 595\.28 pts/);
    expect(meta).toContain('<x:xmpmeta');
    expect(struct).toMatch(/^Document\n\s+P /m);
    expect(struct).toContain('Ωmega жук łódź');
    expect(boxes.map((b) => b.word)).toEqual(expect.arrayContaining(['Ωmega', 'жук', '&', '<done>.']));
    const omega = boxes.find((b) => b.word === 'Ωmega');
    expect(omega).toMatchObject({ page: 1, pageWidth: 419.53, pageHeight: 595.28 });
    expect(omega && omega.xMin > 72 && omega.xMax > omega.xMin && omega.yMax > omega.yMin).toBe(true);
    const hello = layoutBoxes.find((b) => b.word === 'Hello,');
    const code = layoutBoxes.find((b) => b.word === 'const');
    expect(hello).toMatchObject({ block: 0, line: 0 });
    expect(code?.line).toBeGreaterThan(0);
  });
});

describe('words', () => {
  it('normalizes and matches in order', () => {
    expect(words('  “Don’t” — the e\u2011reader’s  Israel–Syria talks… (2025). ')).toEqual([
      "Don't", 'the', "e-reader's", 'Israel–Syria', 'talks', '2025',
    ]);
    expect(words('Don’t', { fold: false, lower: true })).toEqual(['don’t']);
    expect(words('Cafe\u0301 hy\u00ADphen\u00A0ated')).toEqual(['Café', 'hyphen', 'ated']);
    expect(missingInOrder('a b x c d', 'a c d')).toBeUndefined();
    expect(missingInOrder('a b c', 'a c b')).toMatchObject({ index: 2, word: 'b', after: ['a', 'c'] });
    expect(() => assertInOrder('one two', 'two one')).toThrow(/"one"/);
  });
});
