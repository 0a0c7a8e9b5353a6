/**
 * The XMP packet of the PDF (ISO 16684-1), written from the MetadataRecord.
 *
 * Why not pdfkit's: it interpolates values without XML escaping (a title with `&` or `<` makes
 * the packet unparseable), has no xmp:ModifyDate, and cannot declare the PDF/A extension schema
 * that a `pdfuaid` property needs in a PDF/A file (ISO 19005-2 §6.6.2.3.3).
 */
import { escapeXml } from '../xml.js';
import { v5 as uuidv5 } from 'uuid';
import { keywordLine } from './info.js';
import type { MetadataRecord } from './record.js';

/** What the packet claims about the file, decided by the writer that knows what it produced. */
export interface XmpClaims {
  /** PDF/A part and conformance level (`pdfaid`), e.g. `{ part: 2, conformance: 'U' }`. */
  pdfa?: { part: 1 | 2 | 3; conformance: 'A' | 'B' | 'U' };
  /** PDF/A-3 associated files, one line each (`name (type; relationship)`), as broadsheet:associatedFiles. */
  associatedFiles?: readonly string[];
  /** PDF/UA part (`pdfuaid:part`), 1 for ISO 14289-1. */
  pdfua?: 1;
}

/** Namespace for the UUIDs derived from the identifier (a fixed random UUID; RFC 4122 v5). */
const XMP_NAMESPACE = '5d2f8f3e-1c7a-4b3e-9f61-0a8c2e4d7b91';

/** `2025-05-03T10:30:00Z`: XMP dates to the second, in UTC like the Info dates. */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * xmpMM:DocumentID: stable across builds and editions of the same identifier
 * (`urn:uuid:X` keeps its UUID; anything else is hashed into a v5 UUID).
 */
export function documentId(record: MetadataRecord): string {
  const m = /^urn:uuid:([0-9a-f-]{36})$/i.exec(record.identifier);
  return `uuid:${m?.[1]?.toLowerCase() ?? uuidv5(record.identifier, XMP_NAMESPACE)}`;
}

/** xmpMM:InstanceID: changes when the content's modification date changes. */
export function instanceId(record: MetadataRecord): string {
  return `uuid:${uuidv5(`${record.identifier}@${xmpDate(record.modified)}`, XMP_NAMESPACE)}`;
}

const alt = (value: string, lang: string): string =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li><rdf:li xml:lang="${escapeXml(lang)}">${escapeXml(value)}</rdf:li></rdf:Alt>`;
const bag = (values: readonly string[]): string =>
  `<rdf:Bag>${values.map((v) => `<rdf:li>${escapeXml(v)}</rdf:li>`).join('')}</rdf:Bag>`;
const seq = (values: readonly string[]): string =>
  `<rdf:Seq>${values.map((v) => `<rdf:li>${escapeXml(v)}</rdf:li>`).join('')}</rdf:Seq>`;
const el = (name: string, inner: string | undefined): string => (inner === undefined ? '' : `   <${name}>${inner}</${name}>\n`);

/**
 * The PDF/A extension schema description of pdfuaid (ISO 19005-2 §6.6.2.3.3 requires one for every
 * property outside the schemas PDF/A predefines; the text follows the PDF/UA competence centre's
 * published block).
 */
const PDFUA_SCHEMA = `     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
`;

/**
 * broadsheet's own namespace, for what Dublin Core cannot say and the EPUB does: the subtitle
 * (OPF `title-type subtitle`) and each creator's role (OPF `role`, MARC relator codes), in the
 * order of `dc:creator`. `.invalid` (RFC 2606) guarantees no clash with anyone's namespace.
 */
export const BROADSHEET_NS = 'https://broadsheet.invalid/ns/xmp/1.0/';

const BROADSHEET_SCHEMA = `     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>broadsheet publication metadata</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>${BROADSHEET_NS}</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>broadsheet</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>subtitle</pdfaProperty:name>
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>Subtitle of the publication</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>creatorRoles</pdfaProperty:name>
         <pdfaProperty:valueType>Seq Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>MARC relator code of each dc:creator, in the same order</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>associatedFiles</pdfaProperty:name>
         <pdfaProperty:valueType>Bag Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>Files embedded as PDF/A-3 associated files: name (media type; AFRelationship)</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
`;

/** The PDF/A extension schema container around the schema entries a packet needs. */
function extensionSchemas(entries: readonly string[]): string {
  if (entries.length === 0) return '';
  return `  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
${entries.join('')}    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
`;
}

/**
 * The complete packet, UTF-8 text with its `<?xpacket?>` wrapper. Every value is escaped; the
 * Info dictionary (metadata/info.ts) is formatted from the same record, so they agree.
 */
export function xmpPacket(record: MetadataRecord, claims: XmpClaims = {}): string {
  const dc =
    el('dc:format', 'application/pdf') +
    el('dc:title', alt(record.title, record.lang)) +
    el('dc:creator', record.creators.length > 0 ? seq(record.creators.map((c) => c.name)) : undefined) +
    el('dc:description', alt(record.description, record.lang)) +
    el('dc:language', bag([record.lang])) +
    el('dc:identifier', escapeXml(record.identifier)) +
    el('dc:publisher', record.publisher !== undefined ? bag([record.publisher]) : undefined) +
    el('dc:rights', record.rights !== undefined ? alt(record.rights, record.lang) : undefined) +
    el('dc:subject', record.subjects.length > 0 ? bag(record.subjects) : undefined) +
    el('dc:source', record.source !== undefined ? escapeXml(record.source) : undefined) +
    el('dc:date', seq([xmpDate(record.published)]));
  const keywords = keywordLine(record);
  const xmp =
    el('xmp:CreateDate', xmpDate(record.published)) +
    el('xmp:ModifyDate', xmpDate(record.modified)) +
    el('xmp:MetadataDate', xmpDate(record.modified)) +
    el('xmp:CreatorTool', escapeXml(record.producer));
  const pdf = el('pdf:Producer', escapeXml(record.producer)) + el('pdf:Keywords', keywords !== undefined ? escapeXml(keywords) : undefined);
  const mm = el('xmpMM:DocumentID', documentId(record)) + el('xmpMM:InstanceID', instanceId(record));
  const description = (ns: string, body: string): string => (body === '' ? '' : `  <rdf:Description rdf:about="" ${ns}>\n${body}  </rdf:Description>\n`);
  const own =
    el('broadsheet:subtitle', record.subtitle !== undefined ? escapeXml(record.subtitle) : undefined) +
    el('broadsheet:creatorRoles', record.creators.length > 0 ? seq(record.creators.map((c) => c.role)) : undefined) +
    el('broadsheet:associatedFiles', claims.associatedFiles?.length ? bag(claims.associatedFiles) : undefined);
  const ids =
    (claims.pdfa ? description('xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"', el('pdfaid:part', String(claims.pdfa.part)) + el('pdfaid:conformance', claims.pdfa.conformance)) : '') +
    (claims.pdfua ? description('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"', el('pdfuaid:part', String(claims.pdfua))) : '');
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    description('xmlns:dc="http://purl.org/dc/elements/1.1/"', dc) +
    description('xmlns:xmp="http://ns.adobe.com/xap/1.0/"', xmp) +
    description('xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', pdf) +
    description('xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"', mm) +
    description(`xmlns:broadsheet="${BROADSHEET_NS}"`, own) +
    ids +
    (claims.pdfa ? extensionSchemas([...(claims.pdfua ? [PDFUA_SCHEMA] : []), ...(own !== '' ? [BROADSHEET_SCHEMA] : [])]) : '') +
    ' </rdf:RDF>\n' +
    '</x:xmpmeta>\n' +
    // Padding lets editors update the packet in place (XMP part 1 §7.3.2).
    `${' '.repeat(99)}\n`.repeat(20) +
    '<?xpacket end="w"?>'
  );
}
