/**
 * Which link targets the EPUB keeps. Only addresses that are valid for EPUBCheck (model/url.ts
 * repairs them, so a model that did not come through a reader is checked too) and ids inside the
 * book: a relative path or another scheme would point at nothing in the package (EPUBCheck RSC-007)
 * or run code (`javascript:`).
 */
import { repairUrl } from '../../../model/url.js';
import type { RenderContext } from './context.js';

/** `href` as a valid absolute http(s) URL, or undefined when it cannot be one. */
export function webHref(href: string): string | undefined {
  const url = repairUrl(href.trim());
  return url !== undefined && /^https?:/.test(url) ? url : undefined;
}

/** The `href` to write for a model link, or undefined when it must not become a link. */
export function linkTarget(href: string, ctx: RenderContext): string | undefined {
  if (href.startsWith('#')) return ctx.publication.resolve(href, ctx.article);
  return repairUrl(href.trim());
}
