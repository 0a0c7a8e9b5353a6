/**
 * A synthetic anthology for the benchmark, shaped like a real blog: front matter, standfirst,
 * sections and subsections, emphasis and inline code, links, footnotes, nested lists, tables, code
 * blocks, figures with captions, pull quotes, a little raw HTML (as real posts have), and now and
 * then a passage in another script. A seeded generator makes every run set the same text, so
 * figures of two runs compare. The Markdown is plain CommonMark + GFM that pandoc reads too.
 */
import { appendFile, copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her ' +
  'she there been one all we their has would when if so no will more about can said up other out into them some could time ' +
  'these two may then do first any new like now people my made over did down only way find use water long little very after ' +
  'harbour council budget minister election market weather river school hospital railway festival village research farmers ' +
  'agreement negotiations officials statement committee investigation community development infrastructure environmental ' +
  'international responsibility extraordinary representatives transportation neighbourhood parliamentary ' +
  'morning evening winter summer autumn spring coast valley bridge station library museum theatre bakery fishermen nurses ' +
  'teachers engineers volunteers residents visitors scientists historians archive ferry tunnel reservoir quarry orchard ' +
  'announced explained suggested reported measured promised rejected approved delayed reopened questioned estimated ' +
  'quietly slowly suddenly carefully publicly privately roughly nearly already perhaps however meanwhile although because'
).split(' ');

const NAMES = ['Ana Ferreira', 'Tomasz Nowak', 'Priya Raman', 'Kwame Mensah', 'Ingrid Solberg', 'Hiroshi Tanaka', 'Leila Haddad', 'Mateo García'];
const TOWNS = ['Port Ellen', 'Dunmore', 'Kestrel Bay', 'Ashford', 'Millbrook', 'Saltcombe', 'Harrowgate', 'Lindenfeld'];
const LANGUAGES = ['Python', 'TypeScript', 'Rust', 'SQL', 'Go'];

/** Short passages in other scripts, quoted as a correspondent would, with their language. */
const FOREIGN: { lang: string; text: string }[] = [
  { lang: 'fr', text: 'Nous avons attendu toute la nuit au port, mais le ferry n’est jamais arrivé.' },
  { lang: 'de', text: 'Die Brücke bleibt bis zum Frühjahr gesperrt, sagte die Stadtverwaltung am Montag.' },
  { lang: 'el', text: 'Η βιβλιοθήκη θα ανοίξει ξανά τον Σεπτέμβριο, μετά από δύο χρόνια εργασιών.' },
  { lang: 'ru', text: 'Жители деревни собрались у станции, чтобы обсудить новое расписание поездов.' },
  { lang: 'pl', text: 'Rybacy twierdzą, że tegoroczna zima była najcięższa od dwudziestu lat.' },
  { lang: 'es', text: 'El mercado abrirá los domingos a partir de junio, según el ayuntamiento.' },
];

/** Mulberry32: a tiny seeded PRNG, so the anthology is the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/**
 * The long tail of a real vocabulary: 12,000 made-up words of one to four syllables, drawn with
 * Zipf's law (the word of rank r with weight 1/r). Real prose takes about a third of its words from
 * such a tail — a 300-post blog has some 8,000–20,000 distinct words — and every new word costs a
 * shaping, a hyphenation and a measuring of its prefixes, which a small vocabulary would hide.
 */
const TAIL = ((): { words: string[]; cumulative: number[] } => {
  const rand = prng(7);
  const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'st', 'tr', 'pr', 'gr', 'ch', 'sh', 'th', 'br', 'cl', 'qu', ''];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ea', 'ou', 'ai', 'io', 'y'];
  const codas = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'rt', 'ng', 'm', 'ck', 'ff', 'x'];
  const seen = new Set<string>(WORDS);
  const words: string[] = [];
  while (words.length < 12_000) {
    const syllables = 1 + Math.floor(rand() * 4);
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(rand, onsets) + pick(rand, vowels) + pick(rand, codas);
    if (w.length > 2 && !seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  let sum = 0;
  const cumulative = words.map((_, r) => (sum += 1 / (r + 1)));
  return { words, cumulative };
})();

/** A word of running text: two in three from the common words, one from the long tail. */
function proseWord(rand: Rand): string {
  if (rand() < 0.67) return pick(rand, WORDS);
  const { words, cumulative } = TAIL;
  const x = rand() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return words[lo]!;
}

/** One sentence; some carry a comma, a number, quotes, emphasis, inline code or a link. */
function sentence(rand: Rand, decorate = true): string {
  const n = 8 + Math.floor(rand() * 18);
  const words = Array.from({ length: n }, () => proseWord(rand));
  if (decorate) {
    const roll = rand();
    const at = 1 + Math.floor(rand() * (n - 2));
    const [a, b] = [words[at]!, words[at + 1]!];
    if (roll < 0.08) words[at] = `*${a}*`;
    else if (roll < 0.13) words.splice(at, 2, `**${a} ${b}**`);
    else if (roll < 0.18) words.splice(at, 2, `[${a} ${b}](https://example.org/${a}/${Math.floor(rand() * 9000) + 1000})`);
    else if (roll < 0.21) words[at] = `\`${a}_id\``;
    else if (roll < 0.27) words[at] = `${a} ${Math.floor(rand() * 98) + 2} per cent`;
    else if (roll < 0.31) words.splice(at, 2, `“${a} ${b},” ${pick(rand, NAMES)} said`);
    if (rand() < 0.3) words[Math.floor(words.length / 2)] += ',';
  }
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rand: Rand, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rand)).join(' ');
}

function title(rand: Rand, words: number): string {
  const t = Array.from({ length: words }, () => pick(rand, WORDS)).join(' ');
  return `${t[0]!.toUpperCase()}${t.slice(1)}`;
}

function table(rand: Rand, index: number): string[] {
  const rows = 3 + Math.floor(rand() * 5);
  return [
    `| ${pick(rand, ['Service', 'District', 'Station', 'Item'])} | 2023 | 2024 | Change |`,
    '|:--|--:|--:|--:|',
    ...Array.from({ length: rows }, (_, i) => {
      const a = 100 + Math.floor(rand() * 900);
      const b = 100 + Math.floor(rand() * 900);
      return `| ${pick(rand, TOWNS)} ${i + 1} | ${a} | ${b} | ${b >= a ? '+' : '−'}${Math.abs(b - a)} |`;
    }),
    '',
    `*Table ${index}: ${sentence(rand, false).replace(/\.$/, '')}.*`,
  ];
}

function code(rand: Rand): string[] {
  const language = pick(rand, LANGUAGES);
  const lines = 4 + Math.floor(rand() * 8);
  const body = Array.from({ length: lines }, (_, i) => {
    const name = `${pick(rand, WORDS)}_${i}`;
    return language === 'SQL'
      ? `SELECT ${name}, count(*) FROM ${pick(rand, WORDS)} WHERE year = ${2000 + i} GROUP BY ${name};`
      : `${'  '.repeat(i % 3)}const ${name} = measure("${pick(rand, TOWNS)}", ${Math.floor(rand() * 1000)}); // ${pick(rand, WORDS)} ${pick(rand, WORDS)}`;
  });
  return ['```' + language.toLowerCase(), ...body, '```'];
}

/** Markdown for one article of about `words` words. */
function article(index: number, rand: Rand, words: number, images: string[]): string {
  const id = index + 1;
  const parts: string[] = [
    '---',
    `title: "${title(rand, 4 + Math.floor(rand() * 5))}"`,
    `subtitle: "${sentence(rand, false)}"`,
    `author: ${NAMES[index % NAMES.length]}`,
    `date: 2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    `tags: [${pick(rand, WORDS)}, ${pick(rand, WORDS)}]`,
    'lang: en-GB',
    '---',
    '',
    `**${pick(rand, TOWNS).toUpperCase()}** — ${paragraph(rand, 2)}`,
    '',
  ];
  let count = 0;
  let notes = 0;
  let figures = 0;
  let tables = 0;
  const noteTexts: string[] = [];
  while (count < words) {
    let p = paragraph(rand, 2 + Math.floor(rand() * 5));
    if (rand() < 0.25) {
      notes++;
      p = p.replace(/\.$/, `.[^${id}-${notes}]`);
      noteTexts.push(`[^${id}-${notes}]: ${sentence(rand)} See [the report](https://example.org/reports/${id}-${notes}).`);
    }
    parts.push(p, '');
    count += p.split(' ').length;
    const roll = rand();
    if (roll < 0.1) parts.push(`## ${title(rand, 3 + Math.floor(rand() * 4))}`, '');
    else if (roll < 0.14) parts.push(`### ${title(rand, 2 + Math.floor(rand() * 4))}`, '');
    else if (roll < 0.2) parts.push(`- ${sentence(rand)}`, `- ${sentence(rand)}`, `  1. ${sentence(rand)}`, `  2. ${sentence(rand)}`, `- ${sentence(rand)}`, '');
    else if (roll < 0.23) parts.push(...[1, 2, 3, 4].map((n) => `${n}. ${sentence(rand)}`), '');
    else if (roll < 0.26) parts.push(`![${sentence(rand, false).replace(/\.$/, '')}](${images[(index + figures) % images.length]} "Figure ${id}.${++figures}: ${sentence(rand, false)}")`, '');
    else if (roll < 0.29) parts.push(...table(rand, ++tables), '');
    else if (roll < 0.32) parts.push(...code(rand), '');
    else if (roll < 0.35) parts.push(`> ${sentence(rand)} ${sentence(rand)}`, '>', `> — ${pick(rand, NAMES)}, ${pick(rand, TOWNS)}`, '');
    else if (roll < 0.37) {
      const f = pick(rand, FOREIGN);
      parts.push(`<p lang="${f.lang}">${f.text}</p>`, '', `In English: ${sentence(rand)}`, '');
    }
  }
  parts.push('* * *', '', `*${NAMES[(index + 3) % NAMES.length]} contributed reporting from ${pick(rand, TOWNS)}.*`, '');
  if (noteTexts.length > 0) parts.push(...noteTexts, '');
  return parts.join('\n');
}

/**
 * Writes `articles` articles of about `words` words each into `folder`, with publication.yaml.
 * Returns the article file names in reading order.
 */
export async function writeAnthology(folder: string, articles: number, words: number, imageFiles: string[]): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const images = [];
  for (const file of imageFiles) {
    await copyFile(file, path.join(folder, path.basename(file)));
    images.push(path.basename(file));
  }
  const rand = prng(20250630);
  const names: string[] = [];
  for (let i = 0; i < articles; i++) {
    const name = `article-${String(i + 1).padStart(3, '0')}.md`;
    names.push(name);
    await writeFile(path.join(folder, name), article(i, rand, words, images));
  }
  await writeFile(
    path.join(folder, 'publication.yaml'),
    ['title: The Benchmark Anthology', 'subtitle: Three hundred reports', 'publisher: broadsheet bench', 'lang: en-GB', 'date: 2025-06-30', `articles: [${names.join(', ')}]`, ''].join('\n'),
  );
  return names;
}

/**
 * Edits the middle article of the anthology as a writer would, adding a long paragraph so that it
 * grows by a page or two and every later page number moves: the incremental rebuild's case.
 * Returns the file's name.
 */
export async function editMiddleArticle(folder: string, names: readonly string[]): Promise<string> {
  const name = names[Math.floor(names.length / 2)]!;
  await appendFile(path.join(folder, name), `\n\n${'An added paragraph that makes the article longer. '.repeat(120)}\n`);
  return name;
}
