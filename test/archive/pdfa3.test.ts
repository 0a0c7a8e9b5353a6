/**
 * Issue 13: `--pdfa3` makes the PDF a PDF/A-3 (still PDF/UA-1) that carries its own source — the
 * canonical model as `publication.json`, `AFRelationship /Source` — and its reflowable twin, the
 * EPUB (`/Alternative`), as associated files: in the EmbeddedFiles name tree and the catalog's /AF,
 * each with its MIME /Subtype and /Params (ModDate, Size, CheckSum), declared in the XMP. Read back
 * with qpdf; the extracted model rebuilds the same publication byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempFolder } from '../support/cli.js';
import { run, runOk } from '../support/exec.js';

const SLUG = 'us-explores-israel-syria-peace-talks';
const out = tempFolder();
const rebuilt = tempFolder();
const pdf = path.join(out, `${SLUG}.pdf`);

type Dict = Record<string, unknown>;
let objects: Record<string, { value?: Dict; stream?: { dict: Dict } }>;

async function build(input: string, dir: string): Promise<void> {
  const proc = await run(process.execPath, [BIN, 'build', input, '--pdfa3', '--out', dir], { cwd: ROOT, timeoutMs: 300_000 });
  if (proc.code !== 0 || proc.stderr !== '') throw new Error(`build of ${input} failed (exit ${proc.code}):\n${proc.stderr}${proc.stdout}`);
}

/** qpdf --show-attachment, as raw bytes (the EPUB is binary, so not through the text runner). */
function attachment(file: string, key: string): Buffer {
  return execFileSync('qpdf', [`--show-attachment=${key}`, file], { maxBuffer: 64 * 1024 * 1024 });
}

const deref = (ref: unknown): Dict => {
  const o = objects[`obj:${String(ref)}`];
  return (o?.value ?? o?.stream?.dict) as Dict;
};

beforeAll(async () => {
  await build('content', out);
  const json = JSON.parse((await runOk('qpdf', ['--json=2', '--json-key=qpdf', pdf])).stdout) as { qpdf: [unknown, typeof objects] };
  objects = json.qpdf[1];
  await writeFile(path.join(rebuilt, 'publication.json'), attachment(pdf, 'publication.json'));
  await build(path.join(rebuilt, 'publication.json'), rebuilt);
}, 600_000);

describe('PDF/A-3 with associated files', () => {
  it('qpdf lists the model and the EPUB as attachments', async () => {
    const list = (await runOk('qpdf', ['--list-attachments', pdf])).stdout;
    expect(list).toMatch(/^publication\.json -> \d+,0$/m);
    expect(list).toMatch(new RegExp(`^${SLUG}\\.epub -> \\d+,0$`, 'm'));
  });

  it('the catalog /AF names both file specifications with their relationships, MIME types and Params', async () => {
    const catalog = Object.values(objects).map((o) => o.value).find((v) => v?.['/Type'] === '/Catalog') as Dict;
    const specs = (catalog['/AF'] as string[]).map(deref);
    expect(specs.map((s) => [s['/F'], s['/AFRelationship']])).toEqual([
      ['u:publication.json', '/Source'],
      [`u:${SLUG}.epub`, '/Alternative'],
    ]);
    const epub = await readFile(path.join(out, `${SLUG}.epub`));
    const json = attachment(pdf, 'publication.json');
    for (const [spec, type, data] of [[specs[0], '/application/json', json], [specs[1], '/application/epub+zip', epub]] as const) {
      const stream = deref((spec['/EF'] as Dict)['/F']);
      expect(stream['/Type']).toBe('/EmbeddedFile');
      expect(stream['/Subtype']).toBe(type);
      const params = stream['/Params'] as Dict;
      expect(params['/Size']).toBe(data.length);
      // ISO 32000-1 Table 46: the 16-byte MD5 of the file.
      expect(params['/CheckSum']).toBe(`b:${createHash('md5').update(data).digest('hex')}`);
      // From the content's date (2025-06-30), never the clock.
      expect(params['/ModDate']).toBe('u:D:20250630000000Z');
    }
  });

  it('the XMP says PDF/A-3u and PDF/UA-1 and declares the associated files', async () => {
    const xmp = (await runOk('pdfinfo', ['-meta', pdf])).stdout;
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>U</pdfaid:conformance>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<rdf:li>publication.json (application/json; Source)</rdf:li>');
    expect(xmp).toContain('<pdfaProperty:name>associatedFiles</pdfaProperty:name>');
  });

  it('the embedded EPUB is the EPUB written beside the PDF', async () => {
    const embedded = attachment(pdf, `${SLUG}.epub`);
    expect(Buffer.compare(embedded, await readFile(path.join(out, `${SLUG}.epub`)))).toBe(0);
  });

  it('the embedded model rebuilds the same publication, byte for byte', async () => {
    for (const ext of ['pdf', 'epub', 'jsonld']) {
      const again = await readFile(path.join(rebuilt, `${SLUG}.${ext}`));
      expect(Buffer.compare(again, await readFile(path.join(out, `${SLUG}.${ext}`))), ext).toBe(0);
    }
  });

  it('stays a tagged PDF whose text extracts', async () => {
    const text = (await runOk('pdftotext', ['-l', '5', pdf, '-'])).stdout;
    expect(text).toContain('Israel');
    expect((await runOk('qpdf', ['--check', pdf])).stdout).toContain('No syntax or stream encoding errors');
  });
});
