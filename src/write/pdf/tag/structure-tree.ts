/**
 * Writes the structure tree (ISO 32000-1 §14.7.2): StructTreeRoot, one dictionary per element
 * with its /K kids (MCIDs, MCRs, OBJRs), /A attributes, /Lang, /Alt, /ActualText and /ID; the
 * ParentTree that maps every MCID and annotation back to its element; the IDTree of Note IDs.
 */
import type { PdfObjects, PdfRef } from '../document.js';
import { isNode, type StructNode } from './struct-node.js';

/** What drawing recorded: which element owns each MCID of each page, and each annotation. */
export interface ParentTreeRecord {
  /** Per page index, per MCID: the element. */
  pages: StructNode[][];
  /** Per annotation: its StructParent key and element. */
  annotations: { key: number; node: StructNode }[];
}

/** Serializes the tree under `root` (a Document element) and hooks it into the catalog. */
export function writeStructureTree(root: StructNode, record: ParentTreeRecord, pdf: PdfObjects): void {
  const treeRoot = pdf.ref({ Type: pdf.name('StructTreeRoot') });
  const refs = new Map<StructNode, PdfRef>();
  const ids: [string, PdfRef][] = [];

  const write = (node: StructNode, parent: PdfRef): PdfRef => {
    const ref = pdf.ref({ Type: pdf.name('StructElem'), S: pdf.name(node.type), P: parent });
    refs.set(node, ref);
    const a = node.attrs;
    if (a.lang !== undefined) pdf.set(ref, 'Lang', pdf.text(a.lang));
    if (a.alt !== undefined) pdf.set(ref, 'Alt', pdf.text(a.alt));
    if (a.actualText !== undefined) pdf.set(ref, 'ActualText', pdf.text(a.actualText));
    if (a.title !== undefined) pdf.set(ref, 'T', pdf.text(a.title));
    if (a.id !== undefined) {
      pdf.set(ref, 'ID', pdf.text(a.id));
      ids.push([a.id, ref]);
    }
    const attributes = attributeDicts(node, pdf);
    if (attributes.length === 1) pdf.set(ref, 'A', attributes[0]);
    else if (attributes.length > 1) pdf.set(ref, 'A', attributes);
    const pageOf = node.kids.find((k) => !isNode(k));
    const pg = pageOf && !isNode(pageOf) ? pdf.page(pageOf.page) : undefined;
    if (pg) pdf.set(ref, 'Pg', pg);
    const kids: unknown[] = [];
    for (const kid of node.kids) {
      if (isNode(kid)) {
        kids.push(write(kid, ref));
      } else if (kid.kind === 'mcr') {
        const page = pdf.page(kid.page);
        kids.push(page === pg ? kid.mcid : { Type: pdf.name('MCR'), Pg: page, MCID: kid.mcid });
      } else {
        kids.push({ Type: pdf.name('OBJR'), Obj: pdf.annotation(kid.annotation), Pg: pdf.page(kid.page) });
      }
    }
    // An element without content (an empty table cell) has no /K at all (ISO 32000-1 Table 323: optional).
    if (kids.length > 0) pdf.set(ref, 'K', kids.length === 1 ? kids[0] : kids);
    pdf.end(ref);
    return ref;
  };

  const documentRef = write(root, treeRoot);
  const nums: unknown[] = [];
  record.pages.forEach((owners, page) => {
    nums.push(page, owners.map((n) => refs.get(n) ?? null));
  });
  for (const { key, node } of record.annotations) nums.push(key, refs.get(node) ?? null);
  const parentTree = pdf.ref({ Nums: nums });
  pdf.end(parentTree);
  pdf.set(treeRoot, 'K', documentRef);
  pdf.set(treeRoot, 'ParentTree', parentTree);
  pdf.set(treeRoot, 'ParentTreeNextKey', record.pages.length + record.annotations.length);
  if (ids.length > 0) {
    ids.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const idTree = pdf.ref({ Names: ids.flatMap(([id, ref]) => [pdf.text(id), ref]) });
    pdf.end(idTree);
    pdf.set(treeRoot, 'IDTree', idTree);
  }
  // Not ended here: the surface ends the catalog's StructTreeRoot when the document ends.
  pdf.catalog('StructTreeRoot', treeRoot);
}

/** The attribute dictionaries of an element, by owner (Table, Layout, List). */
function attributeDicts(node: StructNode, pdf: PdfObjects): Record<string, unknown>[] {
  const a = node.attrs;
  const out: Record<string, unknown>[] = [];
  const table: Record<string, unknown> = {};
  if (a.scope !== undefined) table.Scope = pdf.name(a.scope);
  if (a.rowSpan !== undefined) table.RowSpan = a.rowSpan;
  if (a.colSpan !== undefined) table.ColSpan = a.colSpan;
  if (Object.keys(table).length > 0) out.push({ O: pdf.name('Table'), ...table });
  if (a.bbox !== undefined) out.push({ O: pdf.name('Layout'), BBox: a.bbox, Placement: pdf.name('Block') });
  if (a.listNumbering !== undefined) out.push({ O: pdf.name('List'), ListNumbering: pdf.name(a.listNumbering) });
  return out;
}
