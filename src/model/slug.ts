/**
 * URL- and file-safe slugs, used for output file names, article ids and heading anchors.
 */

/** `U.S. Explores Israel–Syria Peace Talks` → `us-explores-israel-syria-peace-talks`. */
export function slugify(text: string, fallback = 'untitled'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
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
  private readonly seen = new Map<string, number>();

  unique(base: string): string {
    let candidate = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(candidate)) candidate = `${base}-${++n}`;
    this.seen.set(base, n);
    this.seen.set(candidate, 0);
    return candidate;
  }
}
