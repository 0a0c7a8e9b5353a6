/**
 * Slugs, used for output file names, EPUB document names, article ids and heading anchors.
 *
 * Letters of every script are kept: `世界人权宣言` names `世界人权宣言.epub`, never `untitled.epub`.
 * The EPUB container allows UTF-8 file names (https://www.w3.org/TR/epub-33/#sec-container-filenames)
 * and EPUBCheck 5 and calibre read them (test/write/epub/scripts.test.ts). Latin letters lose their
 * accents so Latin titles keep the plain-ASCII names they always had. What is left is safe on every
 * file system: letters, marks, digits and `-` only (no `/ \ : * ? " < > |`, no control or invisible
 * characters), NFC, at most {@link SLUG_MAX_BYTES} bytes of UTF-8, never a reserved Windows name.
 */

/** Latin letters that lose nothing to NFD but still need spelling out in ASCII. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th' };

/**
 * Longest slug in UTF-8 bytes: with a `-2` suffix and an extension it stays far below the 255 bytes
 * ext4, APFS and NTFS allow, and below the path lengths zip tools and old Windows handle.
 */
export const SLUG_MAX_BYTES = 80;

/** Device names Windows refuses as a file name, whatever the extension. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/**
 * `U.S. Explores Israel–Syria Peace Talks` → `us-explores-israel-syria-peace-talks`,
 * `Grüße aus dem Hafen` → `grusse-aus-dem-hafen`, `حقوق الإنسان` → `حقوق-الإنسان`.
 * `fallback` only when the text has no letter or digit at all.
 */
export function slugify(text: string, fallback = 'untitled'): string {
  const words = text
    // NFKC: full-width and compatibility forms (ＡＢＣ, ①, ﻻ) become ordinary letters and digits.
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[ßæœøđłþ]/g, (c) => FOLD[c] ?? c)
    // Apostrophes and dots join (U.S. → us); tatweel and ZWNJ/ZWJ are invisible in a name.
    .replace(/['’.\u0640\u200c\u200d]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  const slug = truncate(words, SLUG_MAX_BYTES).replace(/-+$/, '');
  if (slug === '') return fallback;
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
