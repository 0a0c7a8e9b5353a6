/**
 * A synthetic anthology for the benchmark: realistic-looking articles (headings, paragraphs, lists,
 * figures, tables, quotes, notes) from a seeded generator, so every run sets the same text.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her ' +
  'she there been one all we their has would when if so no will more about can said up other out into them some could time ' +
  'these two may then do first any new like now people my made over did down only way find use water long little very after ' +
  'harbour council budget minister election market weather river school hospital railway festival village research farmers ' +
  'agreement negotiations officials statement committee investigation community development infrastructure environmental ' +
  'international responsibility extraordinary representatives transportation neighbourhood parliamentary'
).split(' ');

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

function sentence(rand: () => number): string {
  const n = 8 + Math.floor(rand() * 18);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rand: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rand)).join(' ');
}

/** Markdown for one article of about `words` words. */
function article(index: number, rand: () => number, words: number, images: string[]): string {
  const parts: string[] = [
    '---',
    `title: "Report ${index + 1}: ${sentence(rand).slice(0, 40).replace(/\.$/, '')}"`,
    `subtitle: "${sentence(rand)}"`,
    `author: Correspondent ${1 + (index % 17)}`,
    `date: 2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    'lang: en-GB',
    '---',
    '',
  ];
  let count = 0;
  let section = 0;
  while (count < words) {
    const p = paragraph(rand, 3 + Math.floor(rand() * 4));
    parts.push(p, '');
    count += p.split(' ').length;
    const roll = rand();
    if (roll < 0.12) parts.push(`## Section ${++section}: ${sentence(rand).slice(0, 30).replace(/\.$/, '')}`, '');
    else if (roll < 0.18) parts.push('- ' + sentence(rand), '- ' + sentence(rand), '  1. ' + sentence(rand), '  2. ' + sentence(rand), '');
    else if (roll < 0.21) parts.push(`![A chart for report ${index + 1}](${images[index % images.length]} "Figure caption: ${sentence(rand)}")`, '');
    else if (roll < 0.24) parts.push('| Item | 2024 | 2025 |', '|:--|--:|--:|', ...Array.from({ length: 4 }, (_, i) => `| Line ${i + 1} | ${Math.floor(rand() * 900)} | ${Math.floor(rand() * 900)} |`), '');
    else if (roll < 0.27) parts.push(`> ${sentence(rand)} ${sentence(rand)}`, '');
  }
  return parts.join('\n');
}

/** Writes `articles` articles of about `words` words each into `folder`, with publication.yaml. */
export async function writeAnthology(folder: string, articles: number, words: number, imageFiles: string[]): Promise<void> {
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
}
