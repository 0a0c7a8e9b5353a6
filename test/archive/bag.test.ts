/**
 * Issue 13: `broadsheet build --bag` writes a BagIt 1.0 bag (RFC 8493) that an independent reading
 * of the RFC accepts (test/support/bagit.ts recomputes every checksum), holding both editions, the
 * JSON-LD, the canonical model, the original sources byte for byte and the DC and MODS records; two
 * builds give identical bags, and the bag's publication.json alone rebuilds identical editions.
 *
 * One rich fixture (three authors with roles, a user cover, a series, characters to escape), built
 * twice in parallel, and once more from its own bag.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publication } from '../../src/model/publication.js';
import { BIN, ROOT, tempFolder } from '../support/cli.js';
import { readBag, type BagReading } from '../support/bagit.js';
import { run } from '../support/exec.js';
import { validateXsd } from '../support/xsd.js';

const INPUT = 'test/fixtures/parity/full';
const SLUG = 'cafes-creme-le-vrai-gout-du-terroir-dacadie';

async function buildBag(input: string, out: string): Promise<void> {
  const proc = await run(process.execPath, [BIN, 'build', input, '--bag', '--out', out], { cwd: ROOT, timeoutMs: 300_000 });
  if (proc.code !== 0 || proc.stderr !== '') throw new Error(`build of ${input} failed (exit ${proc.code}):\n${proc.stderr}${proc.stdout}`);
}

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    out.push(...(e.isDirectory() ? await filesUnder(path.join(dir, e.name), rel) : [rel]));
  }
  return out.sort();
}

const outA = tempFolder();
const outB = tempFolder();
const outRebuilt = tempFolder();
const bagA = path.join(outA, `${SLUG}.bag`);
let reading: BagReading;

beforeAll(async () => {
  await Promise.all([buildBag(INPUT, outA), buildBag(INPUT, outB)]);
  reading = await readBag(bagA);
  await buildBag(path.join(bagA, 'data/publication.json'), outRebuilt);
}, 600_000);

describe('the bag (RFC 8493)', () => {
  it('is complete and every checksum, the tag manifest and Payload-Oxum are right', () => {
    expect(reading.problems).toEqual([]);
  });

  it('holds exactly the editions, the JSON-LD, the model, the records and the sources', () => {
    expect(reading.payload).toEqual([
      `data/${SLUG}.epub`,
      `data/${SLUG}.jsonld`,
      `data/${SLUG}.pdf`,
      'data/metadata/dc.xml',
      'data/metadata/mods.xml',
      'data/publication.json',
      'data/source/01-cafes.md',
      'data/source/02-fromages.md',
      'data/source/cover.jpg',
      'data/source/publication.yaml',
    ]);
  });

  it('has both payload manifests and a tag manifest over the tag files', async () => {
    const tags = (await filesUnder(bagA)).filter((f) => !f.startsWith('data/'));
    expect(tags).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'manifest-sha512.txt', 'tagmanifest-sha256.txt']);
    const tagManifest = await readFile(path.join(bagA, 'tagmanifest-sha256.txt'), 'utf8');
    expect(tagManifest.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[1])).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'manifest-sha512.txt']);
  });

  it('bag-info.txt names the publisher, identifier and the content date (not the clock)', () => {
    expect(reading.info.get('Source-Organization')).toBe('Éditions du Quai & Fils');
    expect(reading.info.get('External-Identifier')).toBe('urn:isbn:9780306406157');
    expect(reading.info.get('External-Description')).toMatch(/^Deux articles sur les cafés/);
    // publication.yaml: modified 2025-04-02T17:45:00Z.
    expect(reading.info.get('Bagging-Date')).toBe('2025-04-02');
    expect(reading.info.get('Bag-Software-Agent')).toMatch(/^broadsheet \d+\.\d+\.\d+/);
  });

  it('keeps the original sources byte for byte', async () => {
    for (const name of ['01-cafes.md', '02-fromages.md', 'cover.jpg', 'publication.yaml']) {
      const original = await readFile(path.join(ROOT, INPUT, name));
      expect(Buffer.compare(await readFile(path.join(bagA, 'data/source', name)), original), name).toBe(0);
    }
  });

  it('holds the same editions and JSON-LD as the build folder', async () => {
    for (const ext of ['epub', 'pdf', 'jsonld']) {
      const beside = await readFile(path.join(outA, `${SLUG}.${ext}`));
      expect(Buffer.compare(await readFile(path.join(bagA, 'data', `${SLUG}.${ext}`)), beside), ext).toBe(0);
    }
  });

  it('the JSON-LD describes each edition with its size and SHA-256', async () => {
    const ld = JSON.parse(await readFile(path.join(bagA, 'data', `${SLUG}.jsonld`), 'utf8')) as { encoding: Record<string, string>[] };
    const expected = [];
    for (const [ext, type] of [['epub', 'application/epub+zip'], ['pdf', 'application/pdf']] as const) {
      const bytes = await readFile(path.join(bagA, 'data', `${SLUG}.${ext}`));
      expected.push({ '@type': 'MediaObject', name: `${SLUG}.${ext}`, contentUrl: `${SLUG}.${ext}`, encodingFormat: type, contentSize: String(bytes.length), sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    expect(ld.encoding).toEqual(expected);
  });

  it('Dublin Core and MODS are valid against their official XML Schemas', async () => {
    expect(await validateXsd(path.join(bagA, 'data/metadata/dc.xml'), 'oai_dc')).toEqual({ ok: true, messages: '' });
    expect(await validateXsd(path.join(bagA, 'data/metadata/mods.xml'), 'mods')).toEqual({ ok: true, messages: '' });
    // Guard: the schemas do reject a record of the other format.
    expect((await validateXsd(path.join(bagA, 'data/metadata/dc.xml'), 'mods')).ok).toBe(false);
  });

  it('publication.json is the model (valid against its schema) and rebuilds the same editions', async () => {
    const json = JSON.parse(await readFile(path.join(bagA, 'data/publication.json'), 'utf8')) as unknown;
    expect(publication.safeParse(json).success).toBe(true);
    expect(JSON.stringify(json)).not.toContain(ROOT);
    for (const ext of ['epub', 'pdf']) {
      const rebuilt = await readFile(path.join(outRebuilt, `${SLUG}.${ext}`));
      expect(Buffer.compare(rebuilt, await readFile(path.join(bagA, 'data', `${SLUG}.${ext}`))), ext).toBe(0);
    }
  });
});

describe('reproducible', () => {
  it('two --bag builds are byte-identical, file for file', async () => {
    const a = await filesUnder(outA);
    expect(await filesUnder(outB)).toEqual(a);
    expect(a.length).toBeGreaterThan(10);
    for (const f of a) expect(Buffer.compare(await readFile(path.join(outA, f)), await readFile(path.join(outB, f))), f).toBe(0);
  });
});
