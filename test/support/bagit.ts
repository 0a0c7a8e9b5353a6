/**
 * An independent reading of a BagIt 1.0 bag (RFC 8493), written from the RFC and not from
 * src/write/archive: it lists the files on disk, parses `bagit.txt`, `bag-info.txt` and every
 * manifest itself and recomputes every checksum with node:crypto. Returns the problems it finds,
 * so a test can assert "none" for a good bag and "this one" for a damaged one.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface BagReading {
  problems: string[];
  /** bag-info.txt labels → values (repeated labels keep the first). */
  info: Map<string, string>;
  /** Payload paths (`data/…`) on disk. */
  payload: string[];
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

/** RFC 8493 §2.1.3: `checksum<whitespace>path`, path with %, CR, LF percent-encoded. */
function parseManifest(text: string): { sum: string; file: string }[] {
  return text.split('\n').filter((l) => l !== '').map((line) => {
    const m = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
    if (!m) return { sum: '', file: line };
    return { sum: m[1].toLowerCase(), file: m[2].replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%') };
  });
}

export async function readBag(bag: string): Promise<BagReading> {
  const problems: string[] = [];
  const files = await listFiles(bag);
  const payload = files.filter((f) => f.startsWith('data/')).sort();
  const read = (f: string): Promise<Buffer> => readFile(path.join(bag, ...f.split('/')));

  // §2.1.1: bagit.txt, exactly these two lines for 1.0.
  if (!files.includes('bagit.txt')) problems.push('bagit.txt missing');
  else if ((await read('bagit.txt')).toString('utf8') !== 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') problems.push('bagit.txt is not the BagIt 1.0 declaration');

  // §2.1.3: at least one payload manifest; every payload file in every manifest, and nothing else.
  const manifests = files.filter((f) => /^manifest-[a-z0-9]+\.txt$/.test(f));
  if (manifests.length === 0) problems.push('no payload manifest');
  for (const manifest of manifests) {
    const algorithm = /^manifest-([a-z0-9]+)\.txt$/.exec(manifest)?.[1] as string;
    const entries = parseManifest((await read(manifest)).toString('utf8'));
    const listed = new Set(entries.map((e) => e.file));
    for (const e of entries) {
      if (!payload.includes(e.file)) {
        problems.push(`${manifest}: ${e.file} is listed but missing`);
        continue;
      }
      const actual = createHash(algorithm).update(await read(e.file)).digest('hex');
      if (actual !== e.sum) problems.push(`${manifest}: ${e.file} checksum differs`);
    }
    for (const f of payload) if (!listed.has(f)) problems.push(`${manifest}: ${f} is not listed`);
  }

  // §2.2.1: tag manifests list tag files only, each checksum right.
  for (const tagManifest of files.filter((f) => /^tagmanifest-[a-z0-9]+\.txt$/.test(f))) {
    const algorithm = /^tagmanifest-([a-z0-9]+)\.txt$/.exec(tagManifest)?.[1] as string;
    for (const e of parseManifest((await read(tagManifest)).toString('utf8'))) {
      if (e.file.startsWith('data/')) problems.push(`${tagManifest}: lists payload file ${e.file}`);
      else if (!files.includes(e.file)) problems.push(`${tagManifest}: ${e.file} is listed but missing`);
      else if (createHash(algorithm).update(await read(e.file)).digest('hex') !== e.sum) problems.push(`${tagManifest}: ${e.file} checksum differs`);
    }
  }

  // §2.2.2: `Label: value` lines; Payload-Oxum = octets.count of the payload.
  const info = new Map<string, string>();
  if (files.includes('bag-info.txt')) {
    for (const line of (await read('bag-info.txt')).toString('utf8').split('\n')) {
      const m = /^([^:\s][^:]*):\s*(.*)$/.exec(line);
      if (m && !info.has(m[1])) info.set(m[1], m[2]);
    }
    const oxum = info.get('Payload-Oxum');
    if (oxum !== undefined) {
      let bytes = 0;
      for (const f of payload) bytes += (await read(f)).length;
      if (oxum !== `${bytes}.${payload.length}`) problems.push(`Payload-Oxum ${oxum} but the payload is ${bytes}.${payload.length}`);
    }
  }
  return { problems, info, payload };
}
