/**
 * The cover page: the cover image with the cover's text alternative, marked as the cover for
 * reading systems (SSV `cover`) and assistive technology (DPUB-ARIA `doc-cover`, which belongs on
 * the image: https://www.w3.org/TR/dpub-aria-1.1/#doc-cover).
 */
import type { TextDirection } from '../../../model/language.js';
import type { Labels } from '../labels.js';
import { el } from '../../xml.js';
import { xhtmlDocument } from './document.js';

export interface CoverPage {
  lang: string;
  dir: TextDirection;
  labels: Labels;
  /** Publication title, for the document title. */
  title: string;
  /** Path of the cover image in the package, e.g. `images/cover.jpg`. */
  src: string;
  alt: string;
  width: number;
  height: number;
}

export function coverDocument(page: CoverPage): string {
  const img = el('img', { src: page.src, alt: page.alt, 'epub:type': 'cover', role: 'doc-cover', width: page.width, height: page.height }, null);
  return xhtmlDocument({ lang: page.lang, dir: page.dir, title: page.title, body: el('section', { class: 'cover' }, img), bodyClass: 'cover-page' });
}
