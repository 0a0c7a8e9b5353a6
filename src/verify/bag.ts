/**
 * Checks a BagIt bag (RFC 8493, https://www.rfc-editor.org/rfc/rfc8493): the declaration, that every
 * manifest entry exists and no payload file is missing from a manifest (§3 "complete"), every
 * checksum (§3 "valid"), the tag manifests and Payload-Oxum. Problems are collected, not thrown,
 * so one run names every kind of damage.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeManifestPath } from '../write/archive/payload-name.js';

/** Algorithms a manifest may name (RFC 8493 §2.4) that node:crypto computes, with their hex lengths. */
const DIGEST_LENGTH: Record<string, number> = { md5: 32, sha1: 40, sha224: 56, sha256: 64, sha384: 96, sha512: 128 };

export interface BagCheck {
  problems: string[];
  /** Payload files (`data/…`) found on disk. */
  payload: string[];
  info: Map<string, string>;
}

/** Every file under `dir`, POSIX paths relative to it. */
async function walk(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

interface Entry { line: number; sum: string; file: string }

function parseManifest(name: string, text: string, algorithm: string, problems: string[]): Entry[] {
  const entries: Entry[] = [];
  text.split('\n').forEach((line, i) => {
    const raw = line.replace(/\r$/, '');
    if (raw === '') return;
    const m = /^([0-9A-Fa-f]+)[ \t]+(\S.*)$/.exec(raw);
    if (!m || m[1].length !== DIGEST_LENGTH[algorithm]) {
      problems.push(`${name}:${i + 1}: not a "${algorithm} checksum, space, path" line`);
      return;
    }
    const file = decodeManifestPath(m[2].replace(/^\.\//, ''));
    if (file.split('/').includes('..') || file.startsWith('/')) {
      problems.push(`${name}:${i + 1}: path "${file}" points outside the bag`);
      return;
    }
    entries.push({ line: i + 1, sum: m[1].toLowerCase(), file });
  });
  return entries;
}

export async function checkBag(bag: string): Promise<BagCheck> {
  const problems: string[] = [];
  const files = (await walk(bag)).sort();
  const fileSet = new Set(files);
  const payload = files.filter((f) => f.startsWith('data/'));
  const read = (f: string): Promise<Buffer> => readFile(path.join(bag, ...f.split('/')));
  const digests = new Map<string, string>();
  const digest = async (algorithm: string, file: string): Promise<string> => {
    const key = `${algorithm}:${file}`;
    let value = digests.get(key);
    if (value === undefined) digests.set(key, (value = createHash(algorithm).update(await read(file)).digest('hex')));
    return value;
  };

  // §2.1.1 The bag declaration.
  if (!fileSet.has('bagit.txt')) problems.push('bagit.txt: missing (not a bag, or a damaged one)');
  else {
    const declaration = (await read('bagit.txt')).toString('utf8');
    if (!/^BagIt-Version: \d+\.\d+\r?\n/.test(declaration)) problems.push('bagit.txt: no "BagIt-Version: M.N" first line');
    if (!/^Tag-File-Character-Encoding: UTF-8\r?$/m.test(declaration)) problems.push('bagit.txt: no "Tag-File-Character-Encoding: UTF-8" line');
  }
  if (fileSet.has('fetch.txt')) problems.push('fetch.txt: the bag needs files fetched from elsewhere; broadsheet checks complete bags only');

  // §2.1.3 Payload manifests: complete (every entry exists, every payload file listed) and valid.
  const manifests = files.filter((f) => /^manifest-[a-z0-9]+\.txt$/.test(f));
  if (manifests.length === 0) problems.push('no payload manifest (manifest-<algorithm>.txt)');
  for (const manifest of manifests) {
    const algorithm = /^manifest-([a-z0-9]+)\.txt$/.exec(manifest)?.[1] as string;
    if (!DIGEST_LENGTH[algorithm]) {
      problems.push(`${manifest}: unsupported algorithm "${algorithm}"`);
      continue;
    }
    const entries = parseManifest(manifest, (await read(manifest)).toString('utf8'), algorithm, problems);
    const listed = new Set<string>();
    for (const e of entries) {
      if (listed.has(e.file)) problems.push(`${manifest}:${e.line}: ${e.file} is listed twice`);
      listed.add(e.file);
      if (!e.file.startsWith('data/')) problems.push(`${manifest}:${e.line}: ${e.file} is not a payload path (data/…)`);
      else if (!fileSet.has(e.file)) problems.push(`${e.file}: missing (listed in ${manifest})`);
      else if ((await digest(algorithm, e.file)) !== e.sum) problems.push(`${e.file}: ${algorithm} checksum does not match ${manifest}`);
    }
    for (const f of payload) if (!listed.has(f)) problems.push(`${f}: not in ${manifest} (an added or unlisted file)`);
  }

  // §2.2.1 Tag manifests: each listed tag file exists and matches.
  for (const tagManifest of files.filter((f) => /^tagmanifest-[a-z0-9]+\.txt$/.test(f))) {
    const algorithm = /^tagmanifest-([a-z0-9]+)\.txt$/.exec(tagManifest)?.[1] as string;
    if (!DIGEST_LENGTH[algorithm]) {
      problems.push(`${tagManifest}: unsupported algorithm "${algorithm}"`);
      continue;
    }
    for (const e of parseManifest(tagManifest, (await read(tagManifest)).toString('utf8'), algorithm, problems)) {
      if (e.file.startsWith('data/')) problems.push(`${tagManifest}:${e.line}: lists payload file ${e.file}`);
      else if (!fileSet.has(e.file)) problems.push(`${e.file}: missing (listed in ${tagManifest})`);
      else if ((await digest(algorithm, e.file)) !== e.sum) problems.push(`${e.file}: ${algorithm} checksum does not match ${tagManifest}`);
    }
  }

  // §2.2.2 bag-info.txt; Payload-Oxum is "octets.streamcount" of the payload.
  const info = new Map<string, string>();
  if (fileSet.has('bag-info.txt')) {
    for (const line of (await read('bag-info.txt')).toString('utf8').split(/\r?\n/)) {
      const m = /^([^:\s][^:]*):\s*(.*)$/.exec(line);
      if (m && !info.has(m[1])) info.set(m[1], m[2]);
    }
    const oxum = info.get('Payload-Oxum');
    if (oxum !== undefined) {
      let bytes = 0;
      for (const f of payload) bytes += (await read(f)).length;
      if (oxum !== `${bytes}.${payload.length}`) problems.push(`bag-info.txt: Payload-Oxum ${oxum}, but the payload holds ${bytes} bytes in ${payload.length} files`);
    }
  }
  return { problems, payload, info };
}
