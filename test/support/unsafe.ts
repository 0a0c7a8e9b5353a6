/**
 * Scans built files for constructs that must never reach a book: scripts, handlers, dangerous URLs,
 * embedded content; and, in a PDF, JavaScript or launch actions and links to other schemes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEpub } from './epub.js';

const EPUB_UNSAFE: [string, RegExp][] = [
  ['script element', /<script\b/i],
  ['event handler attribute', /\son[a-z]+\s*=/i],
  ['javascript: URL', /javascript:/i],
  ['vbscript: URL', /vbscript:/i],
  ['data: URL in content', /(?:href|src)\s*=\s*["']\s*data:/i],
  ['protocol-relative URL', /(?:href|src)\s*=\s*["']\/\//i],
  ['iframe', /<iframe\b/i],
  ['object', /<object\b/i],
  ['embed', /<embed\b/i],
  ['form', /<form\b/i],
  ['style element', /<style\b/i],
  ['style attribute', /\sstyle\s*=/i],
];

/** Names of the unsafe constructs found in the EPUB's XHTML documents (all of them, not only the spine). */
export async function unsafeInEpub(file: string): Promise<string[]> {
  const { zip } = await openEpub(file);
  const found: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(x?html|opf|ncx)$/.test(n))) {
    const text = (await zip.file(name)?.async('string')) ?? '';
    for (const [what, re] of EPUB_UNSAFE) if (re.test(text)) found.push(`${name}: ${what}`);
  }
  return found;
}

/** Names of unsafe constructs in a PDF, read after qpdf has uncompressed every object. */
export function unsafeInPdf(file: string): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-qdf-'));
  const qdf = path.join(dir, 'q.pdf');
  const run = spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  if (run.status !== 0 && run.status !== 3) throw new Error(`qpdf failed on ${file}: ${run.stderr}`);
  const text = readFileSync(qdf, 'latin1');
  const found: string[] = [];
  if (/\/JavaScript\b|\/JS\b/.test(text)) found.push('JavaScript action');
  if (/\/Launch\b/.test(text)) found.push('launch action');
  if (/\/(?:SubmitForm|ImportData|GoToR|GoToE|RichMedia|Sound|Movie)\b/.test(text)) found.push('other risky action');
  for (const m of text.matchAll(/\/URI\s*\(([^)]*)\)/g)) {
    if (!/^(?:https?:|mailto:)/i.test(m[1])) found.push(`link to ${m[1]}`);
  }
  return found;
}
