/**
 * Page furniture: the parts of a web page around (and sometimes inside) an article that are not the
 * article — navigation, share bars, comments, cookie banners, related links, newsletter boxes,
 * advertising, site headers and footers. Kept as data so it can be reviewed and extended.
 *
 * Class and id names are the only hint many pages give; the words below are those the big CMSs
 * (WordPress, Ghost, Drupal, Arc, Brightspot) and Mozilla's Readability treat as furniture.
 * A class never removes the article itself: see `furnitureByClass`.
 */
import type { Element } from 'hast';
import { classes, hasTag, roles, stringProp } from './to-model/hast.js';

/** Roles that are never article text, wherever they are. */
export const FURNITURE_ROLES: readonly string[] = ['navigation', 'search'];

/** Landmark roles of the page around the article (dropped only outside the chosen article). */
export const PAGE_ROLES: readonly string[] = ['banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog'];

/** Words of a class or id that mark furniture, matched as whole words between `-`, `_` or spaces. */
export const FURNITURE_WORDS: readonly string[] = [
  'share', 'sharing', 'sharebar', 'social', 'comment', 'comments', 'disqus', 'related', 'recommended', 'recommendations',
  'cookie', 'cookies', 'consent', 'gdpr', 'newsletter', 'subscribe', 'subscription', 'signup', 'promo', 'ad', 'ads',
  'advert', 'adverts', 'advertisement', 'sponsor', 'sponsored', 'breadcrumb', 'breadcrumbs', 'pagination', 'pager',
  'popup', 'modal', 'outbrain', 'taboola', 'paywall', 'trending', 'sidebar', 'toolbar', 'skiplink', 'skip-link',
];

/** Words of a class or id that mark the article's own content; they win over FURNITURE_WORDS. */
export const CONTENT_WORDS: readonly string[] = ['article', 'body', 'content', 'main', 'story', 'standfirst'];

const wordsIn = (list: readonly string[]): RegExp => new RegExp(`(?:^|[\\s_-])(?:${list.join('|')})(?=$|[\\s_-])`, 'i');
const FURNITURE = wordsIn(FURNITURE_WORDS);
const CONTENT = wordsIn(CONTENT_WORDS);

/** The element's class names and id as one string, for matching words. */
function names(node: Element): string {
  return [...classes(node), stringProp(node, 'id') ?? ''].join(' ');
}

/** Navigation anywhere is furniture. */
export function isNavigation(node: Element): boolean {
  return hasTag(node, 'nav') || roles(node).some((r) => FURNITURE_ROLES.includes(r));
}

/** A class or id naming furniture (`share-bar`, `comments`, `related-links`), and none naming content. */
export function furnitureByClass(node: Element): boolean {
  const text = names(node);
  return FURNITURE.test(text) && !CONTENT.test(text);
}

/** A landmark role of the page itself: site banner, site footer, sidebar, dialog. */
export function pageLandmarkRole(node: Element): boolean {
  return roles(node).some((r) => PAGE_ROLES.includes(r));
}

/**
 * How a dropped element is named in the report: its tag and first class (`aside.related`), else
 * its id (`div#comments`), else its role (`div[role=dialog]`).
 */
export function furnitureLabel(node: Element): string {
  const cls = classes(node)[0];
  const id = stringProp(node, 'id');
  const role = roles(node)[0];
  const suffix = cls ? `.${cls}` : id ? `#${id}` : role ? `[role=${role}]` : '';
  return `${node.tagName}${suffix}`.slice(0, 48);
}
