/**
 * A BagIt 1.0 bag (RFC 8493, https://www.rfc-editor.org/rfc/rfc8493) of a build: the payload under
 * `data/`, `bagit.txt`, `bag-info.txt`, SHA-256 and SHA-512 payload manifests and a SHA-256 tag
 * manifest. Pure: it takes the payload in memory and returns every file of the bag, so the build
 * writes the bag all or nothing like its other outputs.
 *
 * Reproducible: files are listed in code-point order of their paths and the Bagging-Date is the
 * record's modification date (the content's date or SOURCE_DATE_EPOCH), never the clock.
 */
import { createHash } from 'node:crypto';
import { opfDate } from '../metadata/opf.js';
import type { MetadataRecord } from '../metadata/record.js';
import { encodeManifestPath } from './payload-name.js';

export interface BagFile {
  /** Path inside the bag, POSIX separators (`data/…` for the payload). */
  path: string;
  data: Uint8Array;
}

/** The checksum algorithms of the payload manifests; the first also makes the tag manifest. */
export const MANIFEST_ALGORITHMS = ['sha256', 'sha512'] as const;

const encoder = new TextEncoder();

/** Code-point order, so the manifests do not depend on the locale or on the order files were added. */
const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function hex(algorithm: string, data: Uint8Array): string {
  return createHash(algorithm).update(data).digest('hex');
}

/** `checksum  path` lines (RFC 8493 §2.1.3: one or more spaces; two, as `sha256sum` writes). */
function manifest(algorithm: string, files: readonly BagFile[]): Uint8Array {
  return encoder.encode(files.map((f) => `${hex(algorithm, f.data)}  ${encodeManifestPath(f.path)}\n`).join(''));
}

/**
 * A `bag-info.txt` value on one line: line breaks and runs of white space become one space (a
 * continuation line would be legal, RFC 8493 §2.2.2, but one line per label is what every reader
 * handles).
 */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** `bag-info.txt` (RFC 8493 §2.2.2), labels from the reserved list of §2.2.2. */
export function bagInfo(record: MetadataRecord, payload: readonly BagFile[]): string {
  const bytes = payload.reduce((sum, f) => sum + f.data.length, 0);
  const lines: [string, string | undefined][] = [
    ['Source-Organization', record.publisher],
    ['External-Identifier', record.identifier],
    ['External-Description', record.description],
    ['Bagging-Date', opfDate(record.modified).slice(0, 10)],
    ['Payload-Oxum', `${bytes}.${payload.length}`],
    ['Bag-Software-Agent', record.producer],
  ];
  return lines.filter(([, v]) => v !== undefined && v.trim() !== '').map(([k, v]) => `${k}: ${oneLine(v as string)}\n`).join('');
}

/**
 * Every file of the bag, tag files and payload, sorted by path. `payload` paths are relative to
 * `data/` and must already be safe (payload-name.ts).
 */
export function bagFiles(record: MetadataRecord, payload: readonly BagFile[]): BagFile[] {
  const data = payload.map((f) => ({ path: `data/${f.path}`, data: f.data })).sort(byPath);
  const tags: BagFile[] = [
    { path: 'bagit.txt', data: encoder.encode('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') },
    { path: 'bag-info.txt', data: encoder.encode(bagInfo(record, data)) },
    ...MANIFEST_ALGORITHMS.map((a) => ({ path: `manifest-${a}.txt`, data: manifest(a, data) })),
  ];
  const tagManifest = { path: `tagmanifest-${MANIFEST_ALGORITHMS[0]}.txt`, data: manifest(MANIFEST_ALGORITHMS[0], [...tags].sort(byPath)) };
  return [...tags, tagManifest, ...data].sort(byPath);
}
