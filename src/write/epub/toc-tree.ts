/**
 * The table of contents as a tree — publication → article → sections (h2, h3) — shared by the EPUB 3
 * navigation document and the NCX so they cannot disagree.
 */
import type { Diagnostics } from '../../check/diagnostic.js';
import type { ImageStore } from '../../images/image.js';
import type { MetadataRecord } from '../metadata/record.js';
import { labelsFor, primaryLanguage } from './labels.js';
import { articleContext } from './pages/article.js';
import { FRONT_AND_BACK, type ArticlePlan, type PublicationPlan } from './plan.js';
import { escapeXml } from '../xml.js';
import { inlineText } from '../../model/text.js';

export interface TocEntry {
  href: string;
  /** Label as XHTML (may hold language spans). */
  label: string;
  /** Label as plain text, for the NCX. */
  text: string;
  /** Language of the label when it differs from the publication's. */
  lang?: string;
  children: TocEntry[];
}

export function tocTree(record: MetadataRecord, plan: PublicationPlan, images: ImageStore, diagnostics: Diagnostics): TocEntry[] {
  const labels = labelsFor(record.lang);
  const articles = plan.articles.map((a) => articleEntry(a, plan, record.lang, images, diagnostics));
  return [
    { href: FRONT_AND_BACK.titlePage, label: escapeXml(record.title), text: record.title, children: articles },
    { href: FRONT_AND_BACK.colophon, label: escapeXml(labels.colophon), text: labels.colophon, lang: markLang(labels.lang, record.lang), children: [] },
  ];
}

/** `lang` when text in it needs a mark inside `base`; a bare primary subtag of `base` needs none. */
function markLang(lang: string, base: string): string | undefined {
  const same = lang.toLowerCase() === base.toLowerCase() || lang.toLowerCase() === primaryLanguage(base);
  return same ? undefined : lang;
}

function articleEntry(a: ArticlePlan, plan: PublicationPlan, pubLang: string, images: ImageStore, diagnostics: Diagnostics): TocEntry {
  const ctx = { ...articleContext({ plan: a, publication: plan, images, diagnostics }), label: true };
  const entry: TocEntry = { href: a.file, label: escapeXml(a.article.meta.title), text: a.article.meta.title, lang: markLang(a.lang, pubLang), children: [] };
  let parent: TocEntry | undefined;
  for (const h of a.toc) {
    const lang = h.node.lang ?? a.lang;
    const child: TocEntry = {
      href: `${a.file}#${h.id}`,
      label: ctx.inlines(h.node.children, { ...ctx, lang }),
      text: inlineText(h.node.children),
      lang: markLang(lang, pubLang),
      children: [],
    };
    if (h.level === 3 && parent) parent.children.push(child);
    else {
      entry.children.push(child);
      if (h.level === 2) parent = child;
    }
  }
  if (a.notesHeadingId) {
    const labels = labelsFor(a.lang);
    const lang = primaryLanguage(labels.lang) === primaryLanguage(a.lang) ? a.lang : labels.lang;
    entry.children.push({ href: `${a.file}#${a.notesHeadingId}`, label: escapeXml(labels.notes), text: labels.notes, lang: markLang(lang, pubLang), children: [] });
  }
  return entry;
}
