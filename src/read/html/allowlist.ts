/**
 * The sanitizer's allowlist, kept as data so it can be read, reviewed and tested on its own
 * (hast-util-sanitize's schema is the model). Anything not listed here is removed: an element not
 * listed is unwrapped (its text stays), an attribute not listed is dropped.
 */

/** Elements that survive sanitizing. Everything the HTML→model mapping understands, and no more. */
export const ALLOWED_ELEMENTS = [
  // blocks
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'figcaption', 'ul', 'ol', 'li',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'pre', 'hr',
  'div', 'section', 'aside', 'header', 'footer',
  // phrasing
  'img', 'picture', 'source', 'code', 'kbd', 'samp', 'em', 'i', 'strong', 'b', 's', 'del', 'strike', 'sub', 'sup', 'q', 'cite',
  'dfn', 'a', 'br', 'span', 'small', 'mark', 'abbr', 'time', 'ins', 'u', 'bdi', 'bdo',
  // GFM task list checkboxes; any other kind of input is filtered out
  'input',
] as const;

export type AllowedElement = (typeof ALLOWED_ELEMENTS)[number];

/**
 * Elements whose content is thrown away with them: code and styling, never article text.
 * Every other refused element is unwrapped, so its text is kept.
 */
export const DISCARDED_WITH_CONTENT: readonly string[] = ['script', 'style', 'template', 'noscript'];

/**
 * Refused elements that separate blocks of text. Unwrapping them would glue the words on either
 * side together ("Term" + "Definition" → "TermDefinition"), so they are renamed to a neutral block.
 */
export const RENAMED_ELEMENTS: Readonly<Record<string, AllowedElement>> = {
  article: 'div', main: 'div', nav: 'div', address: 'div', hgroup: 'div', center: 'div',
  details: 'div', summary: 'p', dialog: 'div', dl: 'div', dt: 'p', dd: 'div',
  form: 'div', fieldset: 'div', legend: 'p', select: 'div', optgroup: 'div', option: 'p', textarea: 'p',
  menu: 'ul', dir: 'ul', listing: 'pre', xmp: 'pre', plaintext: 'pre',
};

/**
 * Refused SVG and MathML elements whose text reads as words of its own: a chart's labels, a
 * formula's tokens. They are unwrapped with a space on either side, so `<text>Sales</text><text>2024</text>`
 * does not become "Sales2024". (The sanitizer lowercases tag names: `foreignObject` → `foreignobject`.)
 */
export const SPACED_ELEMENTS: readonly string[] = [
  'svg', 'g', 'text', 'textpath', 'title', 'desc', 'foreignobject', 'switch',
  'math', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msub', 'msup', 'msubsup', 'mfrac', 'msqrt', 'mroot',
  'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'semantics', 'annotation', 'annotation-xml',
];

/** Attributes allowed on every element: identity and language (WCAG 3.1.2). */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['id', 'lang', 'dir', 'title'];

/** ARIA roles that mark notes (DPUB-ARIA); no other role is kept. */
export const NOTE_ROLES: readonly string[] = ['doc-noteref', 'doc-backlink', 'doc-footnote', 'doc-endnotes', 'doc-endnote'];

/** Per-element attributes beyond the global ones. URL-valued ones are checked by url-policy.ts. */
export const ELEMENT_ATTRIBUTES: Readonly<Partial<Record<AllowedElement, readonly string[]>>> = {
  a: ['href', 'role', 'data-footnote-ref', 'data-footnote-backref'],
  img: ['src', 'alt', 'srcset'],
  // srcset candidates are checked one by one by url-policy.ts when the image handler ranks them (to-model/srcset.ts).
  source: ['srcset', 'type'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  ol: ['start', 'role'],
  li: ['role'],
  th: ['colspan', 'rowspan', 'scope', 'align'],
  td: ['colspan', 'rowspan', 'align'],
  section: ['role', 'data-footnotes'],
  aside: ['role'],
  div: ['role'],
  input: ['type', 'checked'],
};

/** Attribute values that are enumerations; any other value drops the attribute. */
export const ATTRIBUTE_VALUES: Readonly<Record<string, readonly string[]>> = {
  dir: ['ltr', 'rtl', 'auto'],
  scope: ['col', 'row', 'colgroup', 'rowgroup'],
  align: ['left', 'center', 'right'],
  role: NOTE_ROLES,
  type: ['checkbox'],
};

/**
 * Classes kept, only where they are needed to recognise footnotes, photo credits and code languages
 * (Pandoc, Python-Markdown, kramdown and remark all mark them with classes).
 */
export const ALLOWED_CLASSES: Readonly<Partial<Record<AllowedElement, readonly string[]>>> = {
  a: ['footnote-ref', 'footnote-backref', 'data-footnote-backref', 'reversefootnote', 'footnote'],
  sup: ['footnote-ref'],
  section: ['footnotes'],
  div: ['footnotes', 'footnote', 'credit'],
  aside: ['footnotes', 'footnote'],
  ol: ['footnotes'],
  li: ['footnote'],
  code: ['language-*', 'lang-*'],
  pre: ['language-*', 'lang-*'],
  span: ['credit'],
  small: ['credit'],
  p: ['credit'],
  cite: ['credit'],
};

/** Attributes holding a URL, checked with url-policy.ts before the element is kept. */
export const URL_ATTRIBUTES = { href: 'link', cite: 'link', src: 'image' } as const;
