/**
 * The catalogue reads the metadata record back from the EPUB's package document
 * (src/catalog/package-document.ts), the inverse of the OPF writer (src/write/metadata/opf.ts): for
 * any record the writer formats, reading gives the same record back, so the catalogue shows what
 * the OPF, the XMP and the JSON-LD were written from. In memory, no build.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readPackageDocument } from '../../src/catalog/package-document.js';
import { opfMetadata } from '../../src/write/metadata/opf.js';
import type { MetadataRecord } from '../../src/write/metadata/record.js';

type Record = Omit<MetadataRecord, 'producer'>;

/** A one-document EPUB whose package document holds `record`'s metadata, a cover and a direction. */
async function epubOf(record: Record, extra = ''): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' });
  zip.file('META-INF/container.xml', '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OPS/pkg.opf" media-type="application/oebps-package+xml"/></rootfiles></container>');
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${opfMetadata({ ...record, producer: 'broadsheet test' })}
${extra}
  </metadata>
  <manifest>
    <item id="c" href="art/cover%20image.jpg" media-type="image/jpeg" properties="cover-image"/>
    <item id="d" href="doc.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine page-progression-direction="rtl"><itemref idref="d"/></spine>
</package>`;
  zip.file('OPS/pkg.opf', opf);
  zip.file('OPS/art/cover image.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
  return zip.generateAsync({ type: 'uint8array' });
}

const rich: Record = {
  identifier: 'urn:isbn:9780000000002',
  title: 'Harbour & Hinterland: “Notes” <from> the Coast',
  subtitle: 'A small anthology',
  creators: [
    { name: 'Jane Q. Doe', role: 'edt', fileAs: 'Doe, Jane Q.' },
    { name: 'Ahmad Karimi', role: 'aut', fileAs: 'Karimi, Ahmad' },
    { name: 'Zoë Ångström', role: 'pht', fileAs: 'Ångström, Zoë' },
  ],
  publisher: 'Broadsheet Test Press',
  published: new Date('2025-05-01T00:00:00Z'),
  modified: new Date('2025-05-03T10:30:00Z'),
  lang: 'en-GB',
  description: "Three short articles; it's \"quoted\" & escaped.",
  subjects: ['harbours', 'testing'],
  rights: '© 2025 Broadsheet Test Press. CC BY 4.0.',
  source: 'https://example.org/anthology?a=1&b=2',
  series: { name: 'Coastal Notes', position: 2 },
};

describe('reading the package document back', () => {
  it('gives the record the OPF was written from, the cover it names and the spine direction', async () => {
    const doc = await readPackageDocument(await epubOf(rich, '<meta property="schema:accessMode">textual</meta><meta property="dcterms:conformsTo" id="c1">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta><meta property="a11y:certifiedBy" refines="#c1">Someone</meta>'));
    expect(doc.record).toEqual(rich);
    expect(doc.cover).toEqual({ data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), mediaType: 'image/jpeg' });
    expect(doc.readingProgression).toBe('rtl');
    expect(doc.accessibility).toMatchObject({ accessMode: ['textual'], conformsTo: ['EPUB Accessibility 1.1 - WCAG 2.2 Level AA'], certifiedBy: 'Someone' });
  });

  it('round-trips any record the writer formats', async () => {
    const text = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, '').trim()).filter((s) => s.length > 0);
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
    const record = fc.record({
      identifier: text,
      title: text,
      subtitle: fc.option(text, { nil: undefined }),
      creators: fc.array(fc.record({ name: text, role: fc.constantFrom('aut', 'edt', 'trl', 'pht'), fileAs: text }), { maxLength: 3 }),
      publisher: fc.option(text, { nil: undefined }),
      published: date,
      modified: date,
      lang: fc.constantFrom('en', 'fr-CA', 'ar', 'zh-Hant'),
      description: text,
      subjects: fc.uniqueArray(text, { maxLength: 3 }),
      rights: fc.option(text, { nil: undefined }),
      source: fc.option(text, { nil: undefined }),
      series: fc.option(fc.record({ name: text, position: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }) }, { requiredKeys: ['name'] }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(record, async (r) => {
        const clean = JSON.parse(JSON.stringify({ ...r, published: undefined, modified: undefined })) as Record;
        const doc = await readPackageDocument(await epubOf({ ...r }));
        expect(JSON.parse(JSON.stringify({ ...doc.record, published: undefined, modified: undefined }))).toEqual(clean);
        expect(doc.record.modified.getTime()).toBe(r.modified.getTime());
        expect(doc.record.published.getTime()).toBe(r.published.getTime());
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });

  it('says what is missing from a package document without an identifier or a modification date', async () => {
    const zip = await JSZip.loadAsync(await epubOf(rich));
    const opf = (await zip.file('OPS/pkg.opf')!.async('string')).replace(/<dc:identifier[^]*?<\/dc:identifier>/, '').replace(/<meta property="dcterms:modified">[^<]*<\/meta>/, '');
    zip.file('OPS/pkg.opf', opf);
    await expect(readPackageDocument(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow('has no dc:identifier, dcterms:modified in its package document');
  });
});
