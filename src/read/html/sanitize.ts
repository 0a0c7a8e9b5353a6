/**
 * Untrusted HTML → safe HTML: strip XML-illegal characters, repair the tree with a real HTML parser,
 * then rebuild it against the allowlist in allowlist.ts.
 *
 * The order matters. sanitize-html does not repair bad nesting (`<p>x<b>y<p>z`), so parse5 (the
 * browsers' algorithm) runs first; parse5 decodes `&#1;` into a control character, so the strip
 * runs again after it.
 */
import type { Diagnostics } from '../../check/diagnostic.js';
import { parseFragment, serialize } from 'parse5';
import sanitizeHtml from 'sanitize-html';
import {
  ALLOWED_CLASSES,
  ALLOWED_ELEMENTS,
  ATTRIBUTE_VALUES,
  DISCARDED_WITH_CONTENT,
  ELEMENT_ATTRIBUTES,
  GLOBAL_ATTRIBUTES,
  RENAMED_ELEMENTS,
  URL_ATTRIBUTES,
} from './allowlist.js';
import { allowedHref, allowedSrc, IMAGE_SCHEMES, LINK_SCHEMES } from './url-policy.js';
import { stripXmlIllegal } from './xml-chars.js';

/** Sanitized HTML and the number of XML-illegal characters removed from it. */
export interface Sanitized {
  html: string;
  /** Characters removed because XML forbids them; the caller warns when this is not 0. */
  removedCharacters: number;
}

/** Makes untrusted HTML (a fragment or a whole document) safe to map into the model. */
export function sanitize(input: string): Sanitized {
  const raw = stripXmlIllegal(input);
  const repaired = stripXmlIllegal(serialize(parseFragment(raw.text)));
  const html = sanitizeHtml(repaired.text, OPTIONS);
  return { html, removedCharacters: raw.removed + repaired.removed };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_ELEMENTS],
  allowedAttributes: attributeOptions(),
  allowedClasses: Object.fromEntries(Object.entries(ALLOWED_CLASSES).map(([tag, list]) => [tag, [...(list ?? [])]])),
  allowedStyles: {},
  allowedSchemes: LINK_SCHEMES.map((s) => s.slice(0, -1)),
  allowedSchemesByTag: { img: IMAGE_SCHEMES.map((s) => s.slice(0, -1)) },
  allowedSchemesAppliedToAttributes: Object.keys(URL_ATTRIBUTES),
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [...DISCARDED_WITH_CONTENT],
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  transformTags: { '*': transform },
  // Only task-list checkboxes are inputs worth keeping.
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs['type'] !== 'checkbox',
};

function attributeOptions(): Record<string, sanitizeHtml.AllowedAttribute[]> {
  // Enumerated values are checked in `transform`: sanitize-html checks values only per element, not
  // for '*', and keeps a refused attribute with an empty value.
  const out: Record<string, sanitizeHtml.AllowedAttribute[]> = { '*': [...GLOBAL_ATTRIBUTES] };
  for (const [tag, names] of Object.entries(ELEMENT_ATTRIBUTES)) out[tag] = [...(names ?? [])];
  return out;
}

/**
 * Renames block-separating elements, drops URL attributes the URL policy refuses, and keeps only
 * the allowed values of enumerated attributes (tokens, for `role`).
 */
function transform(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const name = RENAMED_ELEMENTS[tagName] ?? tagName;
  const kept: sanitizeHtml.Attributes = {};
  for (const [key, value] of Object.entries(attribs)) {
    const safe = safeValue(key, value);
    if (safe !== undefined) kept[key] = safe;
  }
  return { tagName: name, attribs: kept };
}

function safeValue(key: string, value: string): string | undefined {
  const kind = (URL_ATTRIBUTES as Record<string, 'link' | 'image' | undefined>)[key];
  if (kind === 'link') return allowedHref(value);
  if (kind === 'image') return allowedSrc(value);
  const values = ATTRIBUTE_VALUES[key];
  if (!values) return value;
  const tokens = value.toLowerCase().split(/[ \t\n\f\r]+/).filter((t) => values.includes(t));
  return tokens.length > 0 ? tokens.join(' ') : undefined;
}

/** Tells the user how many characters XML forbids were removed from `file` (nothing disappears silently). */
export function warnRemovedCharacters(diagnostics: Diagnostics, file: string, removed: number): void {
  if (removed === 0) return;
  diagnostics.warn({
    code: 'read.illegal-characters',
    file,
    message: `${removed} character${removed === 1 ? '' : 's'} that XML does not allow (control characters, lone surrogates) ${removed === 1 ? 'was' : 'were'} removed`,
    fix: 'check the file’s encoding, or remove the invisible characters',
  });
}
