/**
 * Which link and image addresses may enter the model. Used by the sanitizer and again by the
 * HTML→model mapping, so that a tree that did not come through the sanitizer is still safe.
 */
import { LINK_SCHEMES } from '../../model/url.js';

/** Schemes a link may use; everything else (javascript:, vbscript:, data:, file:, …) is refused. */
export { LINK_SCHEMES };
/** Schemes an image may use besides a relative path; `data:` only with an image media type. */
export const IMAGE_SCHEMES: readonly string[] = ['http:', 'https:', 'data:'];

// ASCII whitespace and controls that URL parsers ignore ("java\tscript:") are not allowed to hide
// a scheme from the check.
const IGNORED = /[\0-\x20\x7F]/g;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * The link target to keep, or undefined. Allowed: addresses with a scheme of {@link LINK_SCHEMES},
 * in-document fragments (`#id`) and relative references (`/docs/install`, `other-post.md#x`), kept
 * as written: the link pass after reading (read/resolve-links.ts) repairs them, resolves them
 * against the article's source URL or another article, or turns them into text with a warning.
 * Refused, silently, as the sanitizer refuses script: other schemes (`javascript:`) and
 * protocol-relative (`//host`) or backslash addresses, which would borrow a scheme from the page.
 */
export function allowedHref(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const compact = trimmed.replace(IGNORED, '');
  // `href="#"` is a script's hook or "top of the page": it names nothing a book has.
  if (compact === '' || compact === '#') return undefined;
  if (SCHEME.test(compact)) {
    const scheme = SCHEME.exec(compact)![0].toLowerCase();
    return LINK_SCHEMES.includes(scheme) ? trimmed : undefined;
  }
  if (/^(?:\/\/|\\|\/\\)/.test(compact)) return undefined;
  return trimmed;
}

/**
 * The image source to keep, or undefined. Allowed: http(s) URLs, `data:image/…` URIs, relative paths and site-absolute
 * paths (`/images/x.jpg`); the image resolver later reads only files inside the article's folder,
 * resolves site-absolute paths against the article's canonical URL, and reports anything else by
 * name rather than dropping it. Protocol-relative (`//host/x`) and backslash paths are refused.
 */
export function allowedSrc(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const compact = trimmed.replace(IGNORED, '');
  // Inline image data (decoded, sniffed and size-checked by the image module, src/images/).
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(compact)) return trimmed;
  if (SCHEME.test(compact)) return absolute(trimmed, IMAGE_SCHEMES.filter((s) => s !== 'data:'));
  if (/^(?:\/\/|\\)/.test(compact)) return undefined;
  return trimmed;
}

function absolute(value: string, schemes: readonly string[]): string | undefined {
  const compact = value.replace(IGNORED, '');
  if (!SCHEME.test(compact)) return undefined;
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) ? value : undefined;
  } catch {
    return undefined;
  }
}
