/**
 * The logical structure of the PDF as plain data (ISO 32000-1 §14.7, PDF/UA-1 §7).
 *
 * Why our own tree rather than pdfkit's `struct()`: pdfkit cannot put an OBJR under a `goTo`
 * link, write /ID on a Note, THead/TBody, or attach content in an order other than drawing
 * order. Layout creates nodes in reading order; drawing attaches a node to its parent the first
 * time content of it is drawn, so a Link lands between the text before and after it, and an
 * element with no content never appears.
 */

/** Standard structure types broadsheet uses (ISO 32000-1 §14.8.4). */
export type StructType =
  | 'Document' | 'Art' | 'Sect' | 'Div' | 'TOC' | 'TOCI'
  | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'Span' | 'Quote' | 'Code'
  | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Figure' | 'Caption'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD'
  | 'BlockQuote' | 'Note' | 'Reference' | 'Link';

export interface StructAttributes {
  lang?: string;
  alt?: string;
  actualText?: string;
  /** Element identifier (/ID), required on Note by PDF/UA-1 §7.9. */
  id?: string;
  /** Table header scope (/A << /O /Table /Scope … >>). */
  scope?: 'Row' | 'Column' | 'Both';
  /** Row or column span of a table cell. */
  rowSpan?: number;
  colSpan?: number;
  /** Bounding box of a Figure, PDF user space [llx lly urx ury] (/A << /O /Layout /BBox … >>). */
  bbox?: [number, number, number, number];
  /** List numbering (/A << /O /List /ListNumbering … >>). */
  listNumbering?: 'None' | 'Disc' | 'Decimal' | 'LowerAlpha' | 'LowerRoman';
  title?: string;
}

/** Marked content on a page, by its MCID. */
export interface MarkedContentRef { kind: 'mcr'; page: number; mcid: number }
/** An annotation (link) on a page, by the handle the drawing surface gave it. */
export interface ObjectRef { kind: 'objr'; page: number; annotation: number }

export type StructKid = StructNode | MarkedContentRef | ObjectRef;

export interface StructNode {
  readonly type: StructType;
  readonly attrs: StructAttributes;
  /** Set once, when created; an article's detached Art element gets its parent by {@link graft}. */
  parent: StructNode | undefined;
  readonly kids: StructKid[];
  attached: boolean;
}

/** The root element (Document); attached by definition. */
export function documentNode(lang: string): StructNode {
  return { type: 'Document', attrs: { lang }, parent: undefined, kids: [], attached: true };
}

/** A new element under `parent`, attached only once content is drawn in it (see {@link attach}). */
export function structChild(parent: StructNode, type: StructType, attrs: StructAttributes = {}): StructNode {
  return { type, attrs, parent, kids: [], attached: false };
}

/**
 * The top of a tree laid out apart from the document (an article's Art element, set on a worker
 * thread or read from the layout cache): no parent until {@link graft} gives it one.
 */
export function detachedNode(type: StructType, attrs: StructAttributes = {}): StructNode {
  return { type, attrs, parent: undefined, kids: [], attached: false };
}

/** Puts a detached tree under `parent`; like any element, it is attached once content is drawn in it. */
export function graft(node: StructNode, parent: StructNode): void {
  if (node.parent !== undefined || node.attached) throw new Error(`internal error: a ${node.type} element grafted twice`);
  node.parent = parent;
}

/**
 * Puts a tree drawn apart from the document (an article's Art element) under `parent`, after what
 * is attached there so far, if any of its content was drawn.
 */
export function adoptTree(node: StructNode, parent: StructNode): void {
  if (node.parent !== undefined) throw new Error(`internal error: a ${node.type} element adopted twice`);
  node.parent = parent;
  if (node.attached) parent.kids.push(node);
}

/**
 * Copies of elements not drawn yet (no kids, not attached: layout only creates them), made on
 * first ask with their ancestors: the elements of a second drawing of the same laid-out units.
 */
export class UndrawnCopies {
  private readonly copies = new Map<StructNode, StructNode>();

  of(node: StructNode): StructNode {
    let copy = this.copies.get(node);
    if (copy === undefined) {
      if (node.attached || node.kids.length > 0) throw new Error(`internal error: a ${node.type} element was copied after it was drawn`);
      copy = { type: node.type, attrs: { ...node.attrs }, parent: node.parent && this.of(node.parent), kids: [], attached: false };
      this.copies.set(node, copy);
    }
    return copy;
  }
}

/** Attaches `node` and its ancestors to the tree, each in the order of first content. */
export function attach(node: StructNode): void {
  if (node.attached) return;
  if (node.parent) {
    attach(node.parent);
    node.parent.kids.push(node);
  }
  node.attached = true;
}

export function isNode(kid: StructKid): kid is StructNode {
  return 'type' in kid;
}
