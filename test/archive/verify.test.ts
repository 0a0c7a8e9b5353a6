/**
 * Issue 13: `broadsheet verify` finds every kind of damage to a bag — one flipped byte, a deleted
 * file, an added file, a truncated manifest, and records that no longer agree even though every
 * checksum was redone — and the independent reading of RFC 8493 (test/support/bagit.ts) catches
 * the same damage, so neither check is only checking itself. For a single EPUB or PDF it reports
 * what the file claims.
 *
 * One build: an article whose file name needs making safe (`%`, `:`) with an image in a subfolder
 * and one downloaded (`--fetch-remote`) from a local web server, which the bag keeps too.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempFolder } from '../support/cli.js';
import { readBag } from '../support/bagit.js';
import { run } from '../support/exec.js';
import { runVerify } from '../../src/cli/verify.runner.js';

const article = (remote: string): string => `---
title: "Tide tables: 100% reliable?"
author: Mara Quist
publisher: Harbour Press
date: 2025-05-03
lang: en-GB
tags: [tides, harbour]
description: Why the tide tables hold, and when they do not.
---

The harbour master reads the tables every morning before the boats go out.

![A bar chart of the spring tides in May](images/chart.png "Spring tides, May 2025")

Nothing in them is guessed: the moon keeps its appointments.

![An ornament from the harbour office](${remote})
`;

const NAME = '100% sure: tides.md';
const SLUG = 'tide-tables-100-reliable';
let input: string;
let out: string;
let bag: string;
let server: Server;
let ornament: Buffer;

/** `broadsheet verify TARGET` as the command line runs it (in process: the CLI's own runner). */
async function verify(target: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runVerify({ paths: [target], help: false }, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, lines };
}

/** A copy of the good bag to damage. */
async function copyBag(): Promise<string> {
  const copy = path.join(tempFolder(), `${SLUG}.bag`);
  await cp(bag, copy, { recursive: true });
  return copy;
}

const sha = (algorithm: string, data: Uint8Array): string => createHash(algorithm).update(data).digest('hex');

beforeAll(async () => {
  ornament = await readFile(path.join(ROOT, 'test/fixtures/rich/ornament16.png'));
  server = createServer((req, res) => {
    if (req.url !== '/pics/ornament.png') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/png' }).end(ornament);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pics/ornament.png`;
  input = tempFolder({ [NAME]: article(remote), 'images/chart.png': await readFile(path.join(ROOT, 'test/fixtures/rich/chart.png')) });
  out = tempFolder();
  const proc = await run(process.execPath, [BIN, 'build', input, '--bag', '--fetch-remote', '--out', out], { cwd: ROOT, timeoutMs: 300_000 });
  if (proc.code !== 0) throw new Error(`build failed (exit ${proc.code}):\n${proc.stderr}${proc.stdout}`);
  bag = path.join(out, `${SLUG}.bag`);
}, 300_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a good bag', () => {
  it('passes verify (the command line) and the independent reading', async () => {
    const proc = await run(process.execPath, [BIN, 'verify', bag], { cwd: ROOT, timeoutMs: 120_000 });
    expect(proc.stdout.trim().split('\n').at(-1)).toMatch(/^ok: bag .*: 9 payload files/);
    expect(proc.code).toBe(0);
    expect((await readBag(bag)).problems).toEqual([]);
  });

  it('names the payload safely and percent-encodes % in the manifests (RFC 8493 §2.1.3)', async () => {
    const manifest = await readFile(path.join(bag, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toContain('  data/source/100%25 sure_ tides.md\n');
    expect(manifest).toContain('  data/source/images/chart.png\n');
    const original = await readFile(path.join(input, NAME));
    expect(Buffer.compare(await readFile(path.join(bag, 'data/source/100% sure_ tides.md')), original)).toBe(0);
  });

  it('keeps a downloaded image and points the model at the copy', async () => {
    const remote = /  data\/(source\/remote\/img-[0-9a-f]+\.png)\n/.exec(await readFile(path.join(bag, 'manifest-sha256.txt'), 'utf8'))?.[1];
    expect(remote).toBeDefined();
    expect(Buffer.compare(await readFile(path.join(bag, 'data', remote as string)), ornament)).toBe(0);
    const model = await readFile(path.join(bag, 'data/publication.json'), 'utf8');
    expect(model).toContain(`"src": "${remote}"`);
    expect(model).toContain('"src": "source/images/chart.png"');
  });
});

describe('damage is found', () => {
  it('one flipped byte in the PDF', async () => {
    const copy = await copyBag();
    const file = path.join(copy, 'data', `${SLUG}.pdf`);
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    await writeFile(file, bytes);
    const result = await verify(copy);
    expect(result.code).toBe(1);
    expect(result.lines).toContain(`${copy}/data/${SLUG}.pdf: sha256 checksum does not match manifest-sha256.txt`);
    expect(result.lines).toContain(`${copy}/data/${SLUG}.pdf: sha512 checksum does not match manifest-sha512.txt`);
    expect((await readBag(copy)).problems).toContain(`manifest-sha256.txt: data/${SLUG}.pdf checksum differs`);
  });

  it('a deleted source file', async () => {
    const copy = await copyBag();
    await rm(path.join(copy, 'data/source/images/chart.png'));
    const result = await verify(copy);
    expect(result.code).toBe(1);
    expect(result.lines).toContain(`${copy}/data/source/images/chart.png: missing (listed in manifest-sha256.txt)`);
    expect(result.lines.some((l) => l.includes('Payload-Oxum'))).toBe(true);
    expect((await readBag(copy)).problems).toContain('manifest-sha256.txt: data/source/images/chart.png is listed but missing');
  });

  it('an added payload file', async () => {
    const copy = await copyBag();
    await writeFile(path.join(copy, 'data/extra.txt'), 'not bagged\n');
    const result = await verify(copy);
    expect(result.code).toBe(1);
    expect(result.lines).toContain(`${copy}/data/extra.txt: not in manifest-sha256.txt (an added or unlisted file)`);
    expect((await readBag(copy)).problems).toContain('manifest-sha256.txt: data/extra.txt is not listed');
  });

  it('a truncated manifest', async () => {
    const copy = await copyBag();
    const file = path.join(copy, 'manifest-sha512.txt');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length - 40));
    const result = await verify(copy);
    expect(result.code).toBe(1);
    // The cut line is malformed, its file unlisted, and the tag manifest no longer matches.
    expect(result.lines.some((l) => /manifest-sha512\.txt:\d+: not a "sha512 checksum, space, path" line/.test(l))).toBe(true);
    expect(result.lines).toContain(`${copy}/manifest-sha512.txt: sha256 checksum does not match tagmanifest-sha256.txt`);
    expect((await readBag(copy)).problems).toContain('tagmanifest-sha256.txt: manifest-sha512.txt checksum differs');
  });

  it('records that disagree although every checksum was redone', async () => {
    const copy = await copyBag();
    const dc = path.join(copy, 'data/metadata/dc.xml');
    const changed = (await readFile(dc, 'utf8')).replace('Tide tables: 100% reliable?', 'Tide tables: 99% reliable!!');
    await writeFile(dc, changed);
    // Same length, so Payload-Oxum still holds. Redo the payload manifests for the changed file, then the tag manifest for the manifests.
    for (const algorithm of ['sha256', 'sha512']) {
      const m = path.join(copy, `manifest-${algorithm}.txt`);
      const lines = (await readFile(m, 'utf8')).split('\n').map((l) => (l.endsWith('  data/metadata/dc.xml') ? `${sha(algorithm, Buffer.from(changed))}  data/metadata/dc.xml` : l));
      await writeFile(m, lines.join('\n'));
    }
    const tag = path.join(copy, 'tagmanifest-sha256.txt');
    const tagLines = [];
    for (const line of (await readFile(tag, 'utf8')).split('\n').filter(Boolean)) {
      const name = line.split(/\s+/)[1];
      tagLines.push(`${sha('sha256', await readFile(path.join(copy, name)))}  ${name}`);
    }
    await writeFile(tag, `${tagLines.join('\n')}\n`);
    expect((await readBag(copy)).problems).toEqual([]);
    const result = await verify(copy);
    expect(result.code).toBe(1);
    expect(result.lines).toContain(`${copy}/data/metadata/dc.xml: title "Tide tables: 99% reliable!!" differs from data/${SLUG}.epub (OPF) "Tide tables: 100% reliable?"`);
  });

  it('no bag at all', async () => {
    const result = await verify(input);
    expect(result.code).toBe(1);
    expect(result.lines[0]).toBe(`${input}/bagit.txt: missing (not a bag, or a damaged one)`);
  });
});

describe('a single edition', () => {
  it('EPUB: reports identifier, conformance and accessibility metadata', async () => {
    const result = await verify(path.join(out, `${SLUG}.epub`));
    expect(result.code).toBe(0);
    expect(result.lines).toContain('title: Tide tables: 100% reliable?');
    expect(result.lines).toContain('language: en-GB');
    expect(result.lines.some((l) => /^identifier: urn:uuid:[0-9a-f-]{36}$/.test(l))).toBe(true);
    expect(result.lines.some((l) => l.startsWith('conformance: '))).toBe(true);
    expect(result.lines).toContain('accessibilityHazard: none');
    expect(result.lines.at(-1)).toMatch(/^ok: EPUB /);
  });

  it('PDF: reports PDF/A and PDF/UA claims and tagging', async () => {
    const result = await verify(path.join(out, `${SLUG}.pdf`));
    expect(result.code).toBe(0);
    expect(result.lines).toContain('conformance: PDF/A-2u; PDF/UA-1');
    expect(result.lines).toContain('tagged: yes (MarkInfo /Marked true)');
    expect(result.lines).toContain('document language (/Lang): en-GB');
  });

  it('a truncated PDF is reported', async () => {
    const file = path.join(tempFolder(), 'cut.pdf');
    const bytes = await readFile(path.join(out, `${SLUG}.pdf`));
    await writeFile(file, bytes.subarray(0, bytes.length - 200));
    await appendFile(file, '');
    const result = await verify(file);
    expect(result.code).toBe(1);
    expect(result.lines).toContain(`${file}: the PDF is truncated (no %%EOF at the end)`);
  });
});
