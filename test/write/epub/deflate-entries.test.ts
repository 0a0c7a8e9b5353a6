/**
 * The zip entries deflated by node's zlib before jszip writes them (deflate-entries.ts): every
 * character of a long document survives, and every entry but `mimetype` and the folders is
 * deflated (method 8) while `mimetype` stays stored (method 0).
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageEpub } from '../../../src/write/epub/package.js';

/** A document with characters outside the BMP exactly where jszip 3.10.1 cut strings into 16 KiB slices. */
function longDocument(): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>';
  let text = head + 'a'.repeat(16383 - head.length) + '😀';
  text += 'b'.repeat(32767 - text.length) + '𠀀';
  return `${text} end</p></body></html>`;
}

/** Central directory entries: name and compression method. */
function zipEntries(zip: Buffer): { name: string; method: number }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'), method: zip.readUInt16LE(at + 10) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('zip entries deflated by node:zlib', () => {
  const xhtml = longDocument();
  let epub: Buffer;
  beforeAll(async () => {
    epub = Buffer.from(
      await packageEpub({
        title: 'T',
        lang: 'en',
        description: '',
        documents: [{ fileName: 'long.xhtml', title: 'Long', xhtml }],
        packageDocument: '<package/>',
        navDocument: '<nav/>',
        ncx: '<ncx/>',
        css: 'p { margin: 0 }',
        files: [{ path: 'images/a.png', data: new Uint8Array([137, 80, 78, 71, 1, 2, 3, 4, 1, 2, 3, 4]) }],
        date: new Date('2025-05-03T10:30:00Z'),
      }),
    );
  });

  it('keeps characters outside the BMP that fall on a 16 KiB boundary', async () => {
    expect(xhtml.codePointAt(16383)).toBe(0x1f600);
    const zip = await JSZip.loadAsync(epub);
    expect(await zip.file('OEBPS/long.xhtml')?.async('string')).toBe(xhtml);
    expect(await zip.file('OEBPS/images/a.png')?.async('uint8array')).toEqual(new Uint8Array([137, 80, 78, 71, 1, 2, 3, 4, 1, 2, 3, 4]));
  });

  it('stores mimetype first and deflates every other file', () => {
    const entries = zipEntries(epub);
    expect(entries[0]).toEqual({ name: 'mimetype', method: 0 });
    const files = entries.slice(1).filter((e) => !e.name.endsWith('/'));
    expect(files.map((e) => e.name)).toEqual(expect.arrayContaining(['OEBPS/long.xhtml', 'OEBPS/content.opf', 'OEBPS/style.css', 'OEBPS/images/a.png', 'META-INF/container.xml']));
    expect(files.filter((e) => e.method !== 8)).toEqual([]);
  });
});
