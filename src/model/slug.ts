/**
 * Slugs, used for output file names, article ids and heading anchors ({@link slugify}), and for the
 * names of documents inside the EPUB ({@link asciiSlug}).
 *
 * Letters of every script are kept: `世界人权宣言` names `世界人权宣言.epub`, never `untitled.epub`.
 * Latin letters lose their accents, so Latin titles keep the plain-ASCII names they always had. What
 * is left is safe on every file system: letters, marks, digits and `-` only (no `/ \ : * ? " < > |`,
 * no control or invisible characters), NFC, at most {@link SLUG_MAX_BYTES} bytes of UTF-8, never a
 * reserved Windows name.
 *
 * Inside the EPUB, names are transliterated to ASCII (`第一条` → `di-yi-tiao.xhtml`): the container
 * allows UTF-8 names, but EPUBCheck flags them (PKG-012) as a risk for older reading systems, and
 * nobody sees those names.
 */
import anyAscii from 'any-ascii';

/** Latin letters that lose nothing to NFD but still need spelling out in ASCII. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th' };

/**
 * Longest slug in UTF-8 bytes: with a `-2` suffix and an extension it stays far below the 255 bytes
 * ext4, APFS and NTFS allow, and below the path lengths zip tools and old Windows handle.
 */
export const SLUG_MAX_BYTES = 80;

/** Device names Windows refuses as a file name, whatever the extension. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Made by the first slug too long to keep: the first Intl.Segmenter of a process costs ~20 ms (ICU's data). */
let segmenter: Intl.Segmenter | undefined;
const utf8 = new TextEncoder();

/**
 * `U.S. Explores Israel–Syria Peace Talks` → `us-explores-israel-syria-peace-talks`,
 * `Grüße aus dem Hafen` → `grusse-aus-dem-hafen`, `حقوق الإنسان` → `حقوق-الإنسان`.
 * A title of symbols only (emoji) is named by the symbols' names; `fallback` only when the text has
 * nothing to name.
 */
export function slugify(text: string, fallback = 'untitled'): string {
  return slugOf(text) || slugOf(transliterate(text)) || fallback;
}

/**
 * An ASCII-only slug: other scripts transliterated (any-ascii: `世界人权宣言` → `shi-jie-ren-quan-xuan-yan`,
 * `حقوق` → `hqwq`), Latin text as {@link slugify} makes it.
 */
export function asciiSlug(text: string, fallback = 'untitled'): string {
  return slugOf(transliterate(text)) || fallback;
}

/**
 * `text` with everything but Latin letters, punctuation and spaces transliterated to ASCII. Latin
 * words are left alone so `iPhone` stays one word; any-ascii writes the syllables of Chinese and
 * Korean in CamelCase (`ShiJie`), which become words (`shi-jie`).
 */
function transliterate(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{Script=Latin}\p{P}\p{Z}\x00-\x7f]+/gu, (run) => ` ${anyAscii(run).replace(/([a-z])(?=[A-Z])/g, '$1 ')} `)
    .replace(/[^\p{Script=Latin}\x00-\x7f]/gu, ' ');
}

/** The slug of `text`, or `''` when it has no letter or digit. */
function slugOf(text: string): string {
  const words = text
    // NFKC: full-width and compatibility forms (ＡＢＣ, ①, ﻻ) become ordinary letters and digits.
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[ßæœøđłþ]/g, (c) => FOLD[c] ?? c)
    // Apostrophes and dots join (U.S. → us; any-ascii's ' and ` for hamza and ayn); tatweel and
    // ZWNJ/ZWJ are invisible in a name.
    .replace(/['’`.\u0640\u200c\u200d]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  const slug = truncate(words, SLUG_MAX_BYTES).replace(/-+$/, '');
  return WINDOWS_RESERVED.test(slug) ? `${slug}-1` : slug;
}

/**
 * The longest prefix of `text` within `bytes`, of whole grapheme clusters (a letter with its marks),
 * ending at a word boundary when one falls in the second half.
 */
function truncate(text: string, bytes: number): string {
  if (utf8.encode(text).length <= bytes) return text;
  let out = '';
  let used = 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) {
    used += utf8.encode(segment).length;
    if (used > bytes) {
      const lastBreak = out.lastIndexOf('-');
      return segment !== '-' && lastBreak > out.length / 2 ? out.slice(0, lastBreak) : out;
    }
    out += segment;
  }
  return out;
}

/** Hands out slugs that are unique within one scope by suffixing -2, -3 … to repeats. */
export class SlugScope {
  private readonly used = new Set<string>();
  /** Next suffix to try per base, so n repeats cost O(n) and not O(n²). */
  private readonly next = new Map<string, number>();

  unique(base: string): string {
    let candidate = base;
    let n = this.next.get(base) ?? 2;
    while (this.used.has(candidate)) candidate = `${base}-${n++}`;
    this.next.set(base, n);
    this.used.add(candidate);
    return candidate;
  }
}
