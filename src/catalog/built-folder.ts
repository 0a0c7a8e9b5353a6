/**
 * Which publications a build folder holds: each `<slug>.jsonld` that `broadsheet build` wrote names
 * its editions (`encoding`, with size and SHA-256), and those files must be there, unchanged, beside
 * it. An edition that was rebuilt, edited or lost since is an error: a catalogue must never offer a
 * download that differs from what it describes.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostics } from '../check/diagnostic.js';

export interface BuiltEdition {
  /** File name inside the folder. */
  name: string;
  mediaType: string;
  data: Uint8Array;
}

export interface BuiltPublication {
  /** `<slug>` of `<slug>.jsonld`. */
  slug: string;
  /** The JSON-LD file name and what it says of the four fields every record shares. */
  jsonld: string;
  said: { identifier?: string; title?: string; lang?: string; modified?: string };
  /** The editions in the order the record lists them. */
  editions: BuiltEdition[];
}

const REBUILD = 'build the publication again with broadsheet build, into this folder';

export async function findPublications(dir: string, diagnostics: Diagnostics): Promise<BuiltPublication[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch {
    diagnostics.error({ code: 'catalog.folder.missing', file: dir, message: 'no such folder', fix: 'give the folder broadsheet build wrote into (its --out, build/ by default)' });
    return [];
  }
  const found: BuiltPublication[] = [];
  const listed = new Set<string>();
  for (const name of names.filter((n) => n.endsWith('.jsonld'))) {
    const file = path.join(dir, name);
    const publication = await readRecord(dir, name, file, diagnostics);
    if (!publication) continue;
    for (const e of publication.editions) listed.add(e.name);
    found.push(publication);
  }
  // Only an EPUB stands for a publication: other PDFs in a build folder may be print-shop files.
  for (const name of names.filter((n) => /\.epub$/i.test(n) && !listed.has(n))) {
    diagnostics.warn({ code: 'catalog.edition.unlisted', file: path.join(dir, name), message: 'left out of the catalogue: no JSON-LD record in the folder lists it', fix: REBUILD });
  }
  return found;
}

async function readRecord(dir: string, name: string, file: string, diagnostics: Diagnostics): Promise<BuiltPublication | undefined> {
  let ld: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    ld = parsed as Record<string, unknown>;
  } catch {
    diagnostics.error({ code: 'catalog.jsonld.invalid', file, message: 'is not a JSON-LD record broadsheet wrote (not a JSON object)', fix: `${REBUILD}, or remove the file` });
    return undefined;
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const encoding = Array.isArray(ld.encoding) ? (ld.encoding as unknown[]) : [];
  if (encoding.length === 0) {
    diagnostics.error({ code: 'catalog.jsonld.no-editions', file, message: 'lists no editions (no "encoding" entries)', fix: `${REBUILD}, or remove the file if another program wrote it` });
    return undefined;
  }
  const editions: BuiltEdition[] = [];
  for (const [i, raw] of encoding.entries()) {
    const media = (raw ?? {}) as Record<string, unknown>;
    const editionName = str(media.contentUrl) ?? str(media.name);
    const where = `encoding[${i}]`;
    // The record names files beside it; anything else would lead the catalogue out of the folder.
    if (!editionName || editionName !== path.basename(editionName) || editionName.startsWith('.')) {
      diagnostics.error({ code: 'catalog.jsonld.edition-name', file, message: `${where} names no file beside the record (${JSON.stringify(editionName ?? null)})`, fix: REBUILD });
      continue;
    }
    let data: Uint8Array;
    try {
      data = new Uint8Array(await readFile(path.join(dir, editionName)));
    } catch {
      diagnostics.error({ code: 'catalog.edition.missing', file, message: `${where} lists ${editionName}, which is not in ${dir}`, fix: `copy ${editionName} back beside ${name}, or ${REBUILD}` });
      continue;
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (str(media.sha256) !== sha256 || str(media.contentSize) !== String(data.length)) {
      diagnostics.error({ code: 'catalog.edition.changed', file, message: `${editionName} is not the file this record describes (its size or SHA-256 differs): they come from different builds`, fix: REBUILD });
      continue;
    }
    editions.push({ name: editionName, mediaType: str(media.encodingFormat) ?? '', data });
  }
  if (editions.length !== encoding.length) return undefined;
  if (editions.filter((e) => e.mediaType === 'application/epub+zip').length !== 1) {
    diagnostics.error({ code: 'catalog.jsonld.no-epub', file, message: 'lists no EPUB edition (application/epub+zip), which the catalogue takes metadata and cover from', fix: REBUILD });
    return undefined;
  }
  return {
    slug: name.slice(0, -'.jsonld'.length),
    jsonld: name,
    said: { identifier: str(ld.identifier), title: str(ld.name), lang: str(ld.inLanguage), modified: str(ld.dateModified) },
    editions,
  };
}
