/**
 * The one style sheet. Reflowable and reader-first: it sets no font family, size, colour or line
 * height on running text (the reader's settings win, WCAG 1.4.4/1.4.12), uses only relative units,
 * and makes wide things wrap instead of being cut off (WCAG 1.4.10 Reflow). Borders use
 * `currentColor` so they follow light, sepia and dark themes.
 */
/**
 * Quotation marks by language (CLDR's delimiters, https://cldr.unicode.org/translation/characters/delimiters),
 * later rules winning for more specific tags. Unlisted languages get the reading system's own.
 */
const QUOTES: readonly (readonly [readonly string[], readonly [string, string, string, string]])[] = [
  [['en', 'zh', 'ko', 'hi', 'pt', 'tr', 'nl', 'id', 'th', 'vi'], ['“', '”', '‘', '’']],
  [['de', 'cs', 'sk', 'sl', 'is', 'lt'], ['„', '“', '‚', '‘']],
  [['fr'], ['«\\A0', '\\A0»', '“', '”']],
  [['es', 'it', 'el', 'ca', 'pt-PT'], ['«', '»', '“', '”']],
  [['ru', 'uk', 'be', 'bg'], ['«', '»', '„', '“']],
  [['pl', 'ro', 'hu', 'hr'], ['„', '”', '«', '»']],
  [['sv', 'fi'], ['”', '”', '’', '’']],
  [['ar', 'fa', 'ur', 'ps', 'ckb', 'ug'], ['«', '»', '‹', '›']],
  [['he', 'yi'], ['”', '”', '’', '’']],
  [['ja', 'zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO'], ['「', '」', '『', '』']],
];

export const STYLESHEET = `@charset "UTF-8";

/* Headings and article furniture */
h1, h2, h3, h4, h5, h6 { line-height: 1.2; hyphens: manual; page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.6em; margin: 0.4em 0 0.3em; }
h2 { font-size: 1.3em; margin: 1.4em 0 0.4em; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.3em; }
h4, h5, h6 { font-size: 1em; margin: 1em 0 0.3em; }
article > header { margin-bottom: 1.5em; }
.kicker { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.08em; margin: 0; }
.dek { font-size: 1.15em; font-style: italic; margin: 0.2em 0 0.6em; }
.byline, .dateline { font-size: 0.9em; margin: 0.2em 0; }
p { margin: 0 0 0.8em; orphans: 2; widows: 2; }
a { overflow-wrap: anywhere; }

/* Figures and images: never wider than the page, never cut */
figure, .figure { margin: 1.2em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9em; margin-top: 0.4em; text-align: start; }
.credit { font-size: 0.9em; font-style: italic; }
.decorative img { max-width: 30%; }

/* Tables: cells wrap so the table fits the screen */
table { border-collapse: collapse; margin: 1.2em 0; max-width: 100%; }
caption { caption-side: top; font-weight: bold; text-align: start; margin-bottom: 0.4em; }
th, td { border: thin solid currentColor; padding: 0.25em 0.5em; vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: bold; }
.align-left { text-align: left; }
.align-center { text-align: center; }
.align-right { text-align: right; }

/* Code: keep the layout, wrap long lines */
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 1em 0; padding: 0.5em 0.8em; border-inline-start: 0.2em solid currentColor; }
code { font-family: monospace; font-size: 0.9em; }
pre code { font-size: 0.85em; }

/* Quotations */
blockquote { margin: 1em 1.5em; }
figure.quote { text-align: start; margin: 1em 0; }
figure.quote blockquote { margin-bottom: 0.3em; }
.attribution { font-size: 0.9em; margin-inline-start: 1.5em; }

/* Lists */
ol, ul { padding-inline-start: 1.8em; margin: 0.6em 0; }
li > p { margin: 0.2em 0; }
li.task { list-style: none; }
li.task > .task-mark { display: inline-block; margin-inline-start: -1.3em; width: 1.3em; }
li.task > .task-mark + p { display: inline; }

hr { border: none; border-top: thin solid currentColor; margin: 1.5em 25%; }

/* Notes */
sup { line-height: 0; }
.notes { margin-top: 2em; border-top: thin solid currentColor; font-size: 0.9em; }
.notes h2 { font-size: 1.1em; }
.backlink { font-size: 0.9em; }

/* Front and back matter */
.cover-page { margin: 0; padding: 0; text-align: center; }
.cover img { max-height: 95vh; max-width: 100%; }
.title-page { text-align: center; margin-top: 20%; }
.title-page h1 { font-size: 2em; }
.colophon dt { font-weight: bold; margin-top: 0.6em; }
.colophon dd { margin-inline-start: 0; }
nav ol { list-style: none; padding-inline-start: 1.2em; }
nav > ol { padding-inline-start: 0; }

/* Every script. Direction comes from dir on the elements (never from CSS, which a reading system may
   override); spacing uses logical properties (margin-inline-start …) so indents, list labels and
   quotation bars mirror in right-to-left text, and text is never forced to justify. */
[dir="rtl"] .kicker { letter-spacing: normal; }
:lang(zh) .dek, :lang(ja) .dek, :lang(ko) .dek, :lang(zh) .credit, :lang(ja) .credit, :lang(ko) .credit,
[dir="rtl"] .dek, [dir="rtl"] .credit { font-style: normal; }
:lang(ko) { word-break: keep-all; }

/* Quotation marks of the language for <q> (CLDR), nested quotations with the inner pair */
q::before { content: open-quote; }
q::after { content: close-quote; }
${QUOTES.map(([langs, marks]) => `${langs.map((l) => `:lang(${l})`).join(', ')} { quotes: ${marks.map((m) => `"${m}"`).join(' ')}; }`).join('\n')}
`;
