/**
 * What a self-describing PDF/A-3 carries (`--pdfa3`): the canonical model it was made from
 * (`AFRelationship /Source`) and its reflowable twin, the EPUB (`/Alternative`), so one file holds
 * its own source and can be rebuilt from it (ISO 19005-3 §6.8, associated files).
 */
import type { MetadataRecord } from '../metadata/record.js';
import type { Attachment } from '../pdf/document.js';

export function associatedFiles(record: MetadataRecord, slug: string, model: string, epub: Uint8Array): Attachment[] {
  return [
    {
      name: 'publication.json',
      mediaType: 'application/json',
      relationship: 'Source',
      description: `The broadsheet model this PDF was made from (broadsheet build publication.json rebuilds it)`,
      data: new TextEncoder().encode(model),
      date: record.modified,
    },
    {
      name: `${slug}.epub`,
      mediaType: 'application/epub+zip',
      relationship: 'Alternative',
      description: 'The same publication as a reflowable, accessible EPUB 3',
      data: epub,
      date: record.modified,
    },
  ];
}
