/**
 * The CSS an SVG may keep, in `style` attributes and `<style>` elements: declarations of
 * presentation properties whose values reference nothing outside the document. Parsed into rules
 * and declarations and written anew, so a comment, an escape or an at-rule cannot smuggle anything
 * past the check (https://www.w3.org/TR/SVG2/styling.html).
 */
import { PRESENTATION_ATTRIBUTES } from './allowlist.js';

const PROPERTIES = new Set(PRESENTATION_ATTRIBUTES);

/**
 * A value safe to keep, or undefined: no `url()` other than a local `url(#id)`, no escapes, no
 * legacy script hooks (`expression()`, `javascript:`), nothing that could end the declaration or
 * the element it sits in.
 */
export function safeCssValue(value: string): string | undefined {
  const v = value.trim();
  if (!v || /[\\<>{};@]|expression\s*\(|javascript:|behavior|binding/i.test(v)) return undefined;
  for (const m of v.matchAll(/url\s*\(([^)]*)\)/gi)) {
    const target = (m[1] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2');
    if (!/^#[A-Za-z_][\w.:-]*$/.test(target)) return undefined;
  }
  // Anything url-like that is not a complete local url(...) (an unclosed one, say) is refused too.
  if (/url\s*\(/i.test(v.replace(/url\s*\(\s*['"]?#[A-Za-z_][\w.:-]*['"]?\s*\)/gi, ''))) return undefined;
  return v;
}

/** `fill: red; stroke: url(#g)` → the allowed declarations, rewritten, or undefined when none is. */
export function sanitizeDeclarations(text: string): string | undefined {
  const kept: string[] = [];
  for (const declaration of stripComments(text).split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = safeCssValue(declaration.slice(colon + 1).replace(/!important\s*$/i, ''));
    if (PROPERTIES.has(property) && value !== undefined) kept.push(`${property}:${value}`);
  }
  return kept.length > 0 ? kept.join(';') : undefined;
}

/** Selectors of type, class, id, attribute-free combinators and simple pseudo-classes only. */
const SELECTOR = /^[A-Za-z0-9_\-\s.#,:>+~*]+$/;

/**
 * A style sheet reduced to its plain rules: at-rules (`@import`, `@font-face`, `@media` …) are not
 * rules here, so they and whatever they load disappear; each kept rule is rebuilt from its parts.
 */
export function sanitizeStyleSheet(text: string): string | undefined {
  const sheet = stripComments(text);
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  let selector = '';
  let inAtRule = false;
  for (let i = 0; i < sheet.length; i++) {
    const c = sheet[i];
    if (c === '{') {
      if (depth === 0) {
        selector = sheet.slice(start, i).trim();
        inAtRule = selector.startsWith('@') || /@/.test(selector);
        start = i + 1;
      }
      depth++;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        const body = sheet.slice(start, i);
        if (!inAtRule && SELECTOR.test(selector)) {
          const declarations = sanitizeDeclarations(body);
          if (declarations) rules.push(`${selector.replace(/\s+/g, ' ')}{${declarations}}`);
        }
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      // A statement at-rule (`@import url(x);`): skipped whole.
      start = i + 1;
    }
  }
  return rules.length > 0 ? rules.join('\n') : undefined;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
}
