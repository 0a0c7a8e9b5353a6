/**
 * One article as its own XHTML document: a header (section, title as `<h1>`, dek as `doc-subtitle`,
 * byline, dateline), the body, and its notes as `doc-endnotes` with a `doc-backlink` to each
 * reference (https://www.w3.org/TR/dpub-aria-1.1/#doc-endnotes, https://kb.daisy.org/publishing/docs/html/notes.html).
 */
import type { Diagnostics } from '../../../check/diagnostic.js';
import type { ImageStore } from '../../../images/image.js';
import { labelLang, labelsFor } from '../labels.js';
import type { ArticlePlan, PublicationPlan } from '../plan.js';
import { el, escapeXml } from '../../xml.js';
import type { RenderContext } from '../xhtml/context.js';
import { renderBlocks } from '../xhtml/blocks/index.js';
import { renderInlines } from '../xhtml/inlines/index.js';
import { isolate, langAttrs, localAttrs } from '../xhtml/language.js';
import type { TextDirection } from '../../../model/language.js';
import { pageBreak } from '../xhtml/page-break.js';
import { webHref } from '../xhtml/href.js';
import { nameList, timeElement } from './dates.js';
import { xhtmlDocument } from './document.js';

export interface ArticleInput {
  plan: ArticlePlan;
  publication: PublicationPlan;
  images: ImageStore;
  diagnostics: Diagnostics;
}

/** The render context for an article document (exported for the handler tests). */
export function articleContext({ plan, publication, images, diagnostics }: ArticleInput): RenderContext {
  return {
    article: plan, publication, lang: plan.lang, dir: plan.dir, labels: labelsFor(plan.lang), images, diagnostics,
    label: false, inLink: false, blocks: renderBlocks, inlines: renderInlines,
  };
}

export function articleDocument(input: ArticleInput): string {
  const { plan } = input;
  const { meta, body, notes } = plan.article;
  const ctx = articleContext(input);
  const start = (plan.pages.get('') ?? []).map(pageBreak).join('');
  // A page that begins with the article's opening (path []) is marked before the header, where the
  // printed page begins: with the kicker and title.
  const content = [start, header(ctx), renderBlocks(body, ctx, []), notes.length > 0 ? endnotes(ctx) : ''];
  const article = el('article', { id: plan.articleId, 'aria-labelledby': plan.titleId }, `\n${content.filter(Boolean).join('\n')}\n`);
  return xhtmlDocument({ lang: plan.lang, dir: plan.dir, title: meta.title, body: article });
}

function header(ctx: RenderContext): string {
  const { meta } = ctx.article.article;
  const labelMark = labelLang(ctx.labels, ctx.lang);
  const byLang = localAttrs(labelMark, ctx.dir);
  // Names in the byline are isolated when they run the other way, and keep the article's language
  // when the byline's words are in another.
  const around = (byLang.dir as TextDirection | undefined) ?? ctx.dir;
  const authors = meta.authors.map((a) => {
    const href = a.url === undefined ? undefined : webHref(a.url);
    const name = href === undefined ? escapeXml(a.name) : el('a', { href }, escapeXml(a.name));
    return isolate(name, a.name, around, labelMark ? langAttrs(ctx.lang) : {});
  });
  const dates = [meta.published ? timeElement(meta.published, ctx.lang) : '', meta.modified && meta.modified !== meta.published ? `${escapeXml(ctx.labels.modified)}: ${timeElement(meta.modified, ctx.lang)}` : '']
    .filter(Boolean)
    .join(' · ');
  const parts = [
    meta.section ? el('p', { class: 'kicker' }, escapeXml(meta.section)) : '',
    el('h1', { id: ctx.article.titleId }, escapeXml(meta.title)),
    meta.subtitle ? el('p', { class: 'dek', 'epub:type': 'subtitle', role: 'doc-subtitle' }, escapeXml(meta.subtitle)) : '',
    authors.length > 0 ? el('p', { class: 'byline', ...byLang }, ctx.labels.by(nameList(authors, ctx.labels.lang))) : '',
    dates ? el('p', { class: 'dateline' }, dates) : '',
  ];
  return el('header', {}, parts.filter(Boolean).join('\n'));
}

function endnotes(ctx: RenderContext): string {
  const { article, notesHeadingId } = ctx.article;
  const items = article.notes.map((note, i) => {
    const plan = ctx.article.notes.get(note.id);
    if (!plan || plan.note !== note) return ''; // a second note with an id already used
    const body = renderBlocks(note.children, ctx, [article.body.length + i]);
    const back = plan.refId
      ? el('p', { class: 'backlink', ...localAttrs(labelLang(ctx.labels, ctx.lang), ctx.dir) }, el('a', { href: `#${plan.refId}`, role: 'doc-backlink' }, escapeXml(ctx.labels.backToReference(plan.number))))
      : '';
    return el('li', { id: plan.id, value: plan.number }, [body, back].filter(Boolean).join('\n'));
  });
  const heading = el('h2', { id: notesHeadingId, ...localAttrs(labelLang(ctx.labels, ctx.lang), ctx.dir) }, escapeXml(ctx.labels.notes));
  return el('section', { class: 'notes', 'epub:type': 'endnotes', role: 'doc-endnotes', 'aria-labelledby': notesHeadingId }, `${heading}\n` + el('ol', {}, items.join('\n')));
}
