/**
 * `broadsheet verify` as a library call: checks a bag (src/write/archive wrote it) or reports what
 * a single EPUB or PDF claims about itself. Problems are lines for the terminal, never exceptions:
 * a damaged file is the expected input here, not an error.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkAgreement } from './agreement.js';
import { checkBag } from './bag.js';
import { readEpubClaims, readPdfClaims, type EditionClaims } from './edition.js';

export { checkBag } from './bag.js';
export { readEpubClaims, readPdfClaims, type EditionClaims } from './edition.js';

export interface VerifyReport {
  /** What was checked: a bag, an EPUB or a PDF. */
  kind: 'bag' | 'EPUB' | 'PDF' | 'unknown';
  /** One line each, `place: what is wrong`. Empty when everything checked out. */
  problems: string[];
  /** What the file claims (label, value), for the report. */
  claims: [string, string][];
  /** One line: what was checked, for the `ok` summary. */
  checked: string;
}

export async function verify(target: string): Promise<VerifyReport> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return { kind: 'unknown', problems: [`${target}: no such file or folder`], claims: [], checked: target };
  if (info.isDirectory()) return verifyBag(target);
  const bytes = new Uint8Array(await readFile(target));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
  const ext = path.extname(target).toLowerCase();
  if (head === '%PDF-' || ext === '.pdf') return edition(target, readPdfClaims(bytes));
  if (head.startsWith('PK') || ext === '.epub') return edition(target, await readEpubClaims(bytes));
  return { kind: 'unknown', problems: [`${target}: neither a bag folder, an EPUB nor a PDF`], claims: [], checked: target };
}

async function verifyBag(dir: string): Promise<VerifyReport> {
  const bag = await checkBag(dir);
  const problems = [...bag.problems];
  // Comparing the records needs the files in place; a bag missing its declaration is no bag at all.
  if (!problems.some((p) => p.startsWith('bagit.txt: missing'))) problems.push(...(await checkAgreement(dir, bag.payload)));
  const claims: [string, string][] = [...bag.info.entries()].filter(([k]) => ['External-Identifier', 'Source-Organization', 'Bagging-Date', 'Payload-Oxum'].includes(k));
  return { kind: 'bag', problems: problems.map((p) => `${dir}/${p}`), claims, checked: `bag ${dir}: ${bag.payload.length} payload files, checksums, tag manifest, Payload-Oxum and metadata agree` };
}

function edition(file: string, c: EditionClaims): VerifyReport {
  const claims: [string, string][] = [];
  if (c.identifier) claims.push(['identifier', c.identifier]);
  if (c.title) claims.push(['title', c.title]);
  if (c.lang) claims.push(['language', c.lang]);
  if (c.modified) claims.push(['modified', c.modified]);
  claims.push(['conformance', c.conformance.length > 0 ? c.conformance.join('; ') : 'none claimed']);
  claims.push(...c.accessibility);
  return { kind: c.format, problems: c.problems.map((p) => `${file}: ${p}`), claims, checked: `${c.format} ${file}: metadata read` };
}
