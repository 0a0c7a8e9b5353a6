/**
 * Reads a built EPUB as a reading system would: the package document, then the text of the spine
 * documents in reading order (hidden page-break markers and the head left out).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { parseFragment, parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

export interface EpubContents {
  zip: JSZip;
  /** Path of the package document inside the zip. */
  opfPath: string;
  opf: string;
  /** Spine documents in reading order: zip path and XHTML source. */
  spine: { href: string; path: string; xhtml: string }[];
}

export async function openEpub(file: string): Promise<EpubContents> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const container = await zip.file('META-INF/container.xml')?.async('string');
  const opfPath = /full-path="([^"]+)"/.exec(container ?? '')?.[1];
  if (!opfPath) throw new Error(`${file}: no rootfile in META-INF/container.xml`);
  const opf = (await zip.file(opfPath)?.async('string')) ?? '';
  const manifest = new Map<string, string>();
  for (const m of opf.matchAll(/<item\b[^>]*>/g)) {
    const id = /\bid="([^"]+)"/.exec(m[0])?.[1];
    const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
    if (id && href) manifest.set(id, href);
  }
  const spine = [];
  for (const m of opf.matchAll(/<itemref\b[^>]*idref="([^"]+)"/g)) {
    const href = manifest.get(m[1]);
    if (!href) continue;
    const zipPath = path.posix.join(path.posix.dirname(opfPath), decodeURI(href));
    spine.push({ href, path: zipPath, xhtml: (await zip.file(zipPath)?.async('string')) ?? '' });
  }
  return { zip, opfPath, opf, spine };
}

/** The visible text of an XHTML document's body, blocks separated by newlines. */
export function xhtmlText(xhtml: string): string {
  const doc = parse(xhtml);
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeName === '#text') out.push((node as { value: string }).value);
    if (node.nodeName === 'head' || node.nodeName === 'script' || node.nodeName === 'style') return;
    if ('childNodes' in node) for (const child of node.childNodes) walk(child as Node);
    if (/^(p|h[1-6]|li|div|section|figcaption|blockquote|tr|td|th|pre|header|footer|nav|aside|br)$/.test(node.nodeName)) out.push('\n');
    else if (node.nodeName === 'img') out.push(` ${(node as { attrs: { name: string; value: string }[] }).attrs.find((a) => a.name === 'alt')?.value ?? ''} `);
  };
  walk(doc);
  return out.join('').replace(/[ \t]+/g, ' ');
}

/** The text of the whole book in reading order. */
export async function epubText(file: string): Promise<string> {
  const { spine } = await openEpub(file);
  return spine.map((d) => xhtmlText(d.xhtml)).join('\n');
}

export { parseFragment };
