/**
 * The package document (EPUB 3.3 §5, https://www.w3.org/TR/epub-33/#sec-package-doc): metadata,
 * manifest and spine. File names and item ids are derived from the content, never random, so the
 * same input gives the same bytes.
 */
import type { MetadataRecord } from '../metadata/record.js';
import { IDENTIFIER_ID, opfMetadata } from '../metadata/opf.js';
import type { TextDirection } from '../../model/language.js';
import { el } from '../xml.js';

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  /** Manifest properties: `nav`, `cover-image`, `svg`, `scripted`, `remote-resources` … */
  properties?: string;
  /** In the spine, in this order (content documents only). */
  spine?: boolean;
}

/**
 * `dir` is the publication's direction: with `rtl` the package's text defaults to right-to-left
 * (https://www.w3.org/TR/epub-33/#attrdef-dir) and pages turn from right to left
 * (https://www.w3.org/TR/epub-33/#attrdef-spine-page-progression-direction), as an Arabic or Hebrew
 * printed book does.
 */
export function packageDocument(record: MetadataRecord, a11yMetadata: string, items: readonly ManifestItem[], coverId: string, dir: TextDirection = 'ltr'): string {
  const manifest = items.map((i) => `    ${el('item', { id: i.id, href: i.href, 'media-type': i.mediaType, properties: i.properties }, null)}`).join('\n');
  const spine = items.filter((i) => i.spine).map((i) => `    ${el('itemref', { idref: i.id }, null)}`).join('\n');
  const root = { xmlns: 'http://www.idpf.org/2007/opf', version: '3.0', 'unique-identifier': IDENTIFIER_ID, 'xml:lang': record.lang, dir: dir === 'rtl' ? 'rtl' : undefined };
  const spineAttrs = { toc: 'ncx', 'page-progression-direction': dir === 'rtl' ? 'rtl' : undefined };
  return `<?xml version="1.0" encoding="UTF-8"?>
${el('package', root, `
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${opfMetadata(record)}
${a11yMetadata}
    ${el('meta', { name: 'cover', content: coverId }, null)}
  </metadata>
  <manifest>
${manifest}
  </manifest>
  ${el('spine', spineAttrs, `
${spine}
  `)}
`)}
`;
}
