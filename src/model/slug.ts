/**
 * URL- and file-safe slugs, used for output file names, article ids and heading anchors.
 */

/** Letters that NFKD does not decompose into ASCII. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th' };

/** `U.S. Explores Israel–Syria Peace Talks` → `us-explores-israel-syria-peace-talks`. */
export function slugify(text: string, fallback = 'untitled'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđłþ]/g, (c) => FOLD[c] ?? c)
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  // Keep ASCII so the name works in every zip tool and file system.
  const ascii = slug.replace(/[^a-z0-9-]/g, '');
  return /[a-z0-9]/.test(ascii) ? ascii.replace(/-{2,}/g, '-').replace(/^-|-$/g, '') : fallback;
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
