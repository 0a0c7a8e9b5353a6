/**
 * What a laid-out page holds: positioned text, images, rules and link targets, each with the
 * structure element it belongs to (or marked as an artifact). The output of layout and the only
 * input of drawing, so that pagination stays pure and testable without a PDF.
 *
 * Coordinates are points from the top-left corner of the MediaBox (bleed included), y down.
 */
import type { PageStart } from '../../page-map.js';
import type { StructNode } from '../tag/struct-node.js';
import type { TextStyle } from '../text-style.js';

/** Why content is an artifact (ISO 32000-1 §14.8.2.2): page furniture or decoration. */
export type ArtifactKind = 'Pagination' | 'Layout';

/** The structure element content belongs to, or the artifact it is. */
export type Owner = { node: StructNode } | { artifact: ArtifactKind };

/** Where a link goes: a URI, or a named destination inside the document. */
export type LinkTarget = { uri: string } | { dest: string };

export interface Link {
  target: LinkTarget;
  /** The Link structure element; the annotation's OBJR goes there. */
  node: StructNode;
  /** /Contents of the annotation: what the link does, for assistive technology (PDF/UA-1 §7.18.5). */
  contents: string;
}

export interface PlacedText {
  kind: 'text';
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  style: TextStyle;
  width: number;
  owner: Owner;
  /** Draw a real space glyph after the text, so that extraction finds the word boundary. */
  space?: boolean;
  /** Draw a line-end hyphen after the text (typesetting, not content: an artifact). */
  hyphen?: boolean;
  /** Grey instead of black (running heads, captions' credit). */
  tint?: 'grey';
  /** Extra space after every character, in points (letter-spaced capitals); `width` includes it. */
  tracking?: number;
  link?: Link;
  /** Set right to left (an odd bidi level): shaped and drawn as RTL, its space drawn to its left. */
  rtl?: boolean;
  /** In a line with right-to-left text: where the word's space is drawn, from `x` (text/bidi.ts). */
  spaceDx?: number;
}

export interface PlacedImage {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Key of the image (input.images or the cover). */
  image: string;
  owner: Owner;
}

export interface PlacedRule {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth: number;
}

/** A named destination (link target) at a point. */
export interface PlacedDest {
  kind: 'dest';
  name: string;
  x: number;
  y: number;
}

/**
 * A structure element that must keep its place in the tree even when it has no content (an empty
 * table cell: PDF/UA-1 §7.2 wants every row of a table to have all its cells). Drawing attaches it
 * where it stands in reading order; nothing is painted.
 */
export interface PlacedElement {
  kind: 'element';
  node: StructNode;
  x: number;
  y: number;
}

export type PageItem = PlacedText | PlacedImage | PlacedRule | PlacedDest | PlacedElement;

/** An entry of the document outline (bookmarks). */
export interface OutlineEntry {
  title: string;
  level: number;
  page: number;
  y: number;
}

export interface LaidOutPage {
  index: number;
  /** The folio as /PageLabels give it ("iii", "7"). */
  label: string;
  items: PageItem[];
  /** Where the page's body content begins (pages with body content only). */
  start?: PageStart;
  /** Pages whose image fills the page into the bleed (the cover) get no text area check. */
  fullBleed?: boolean;
  /**
   * A body page: the left edge of its text block, and its running head and folio. Its `items` are
   * drawn from that edge and moved there (draw.ts), the frame where it stands.
   */
  body?: { x: number; frame: PageItem[] };
}
