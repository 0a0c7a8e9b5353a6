/**
 * Which link targets the EPUB keeps. Only web and mail addresses and ids inside the book: a
 * relative path or another scheme would point at nothing in the package (EPUBCheck RSC-007) or run
 * code (`javascript:`).
 */
import type { RenderContext } from './context.js';

/** An absolute http(s) URL that parses. */
export function isWebUrl(href: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    new URL(href);
    return true;
  } catch {
    return false;
  }
}

/** The `href` to write for a model link, or undefined when it must not become a link. */
export function linkTarget(href: string, ctx: RenderContext): string | undefined {
  if (isWebUrl(href)) return href;
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(href)) return href;
  if (href.startsWith('#') && href.length > 1) return ctx.publication.resolve(href, ctx.article);
  return undefined;
}
