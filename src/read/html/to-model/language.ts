/**
 * `lang` and `dir` on elements: a change of language must reach the model (WCAG 3.1.2), on the
 * block when a block changes it, otherwise on a span around the inlines.
 */
import type { Element } from 'hast';
import { canonicalLanguage } from '../../../model/index.js';
import type { Content } from './content.js';
import { stringProp } from './hast.js';
import type { State } from './state.js';
import { wrapInline } from './flow.js';

type Direction = 'ltr' | 'rtl' | 'auto';

/** A language and direction an element sets, when they differ from what is in effect. */
export interface Localization { lang?: string; dir?: Direction }

/** The `lang`/`dir` the element changes, or undefined. Unusable tags are reported and ignored. */
export function localizationOf(node: Element, state: State): Localization | undefined {
  const rawLang = stringProp(node, 'lang')?.trim();
  const rawDir = stringProp(node, 'dir')?.trim().toLowerCase();
  let lang: string | undefined;
  if (rawLang) {
    lang = normalizeLanguage(rawLang);
    if (lang === undefined) {
      state.report({
        code: 'read.lang.invalid',
        message: `lang="${rawLang}" is not a BCP 47 language tag, so it was ignored`,
        fix: 'use a tag such as "en", "en-GB", "fr" or "pt-BR"',
      });
    } else if (lang === state.lang) {
      lang = undefined;
    }
  }
  // `<bdi>` isolates text of unknown direction: `dir="auto"` unless it says otherwise.
  const dir = rawDir === 'ltr' || rawDir === 'rtl' || rawDir === 'auto' ? rawDir : node.tagName === 'bdi' ? 'auto' : undefined;
  if (lang === undefined && dir === undefined) return undefined;
  return { ...(lang !== undefined && { lang }), ...(dir !== undefined && { dir }) };
}

/** `en_US` → `en-US`, then BCP 47 canonical form; undefined when it is not a language tag. */
export function normalizeLanguage(tag: string): string | undefined {
  return canonicalLanguage(tag.trim().replace(/_/g, '-'));
}

/** Puts the localization on blocks that can carry it, and a span around inline runs. */
export function localize(contents: Content[], where: Localization): Content[] {
  const withBlocks = contents.map((item): Content => {
    if (item.type !== 'block') return item;
    const block = item.block;
    if (block.type === 'heading' || block.type === 'paragraph' || block.type === 'blockquote' || block.type === 'list') {
      return { type: 'block', block: { ...where, ...block } };
    }
    return item;
  });
  return wrapInline(withBlocks, (children) => ({ type: 'span', ...where, children }));
}
