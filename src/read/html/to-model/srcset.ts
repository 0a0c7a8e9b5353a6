/**
 * Image candidates from `srcset` and `<picture><source>`, best first, for print: the widest
 * (`800w` < `1600w`), else the densest (`1x` < `2x`); a candidate without a descriptor is `1x`
 * (https://html.spec.whatwg.org/multipage/images.html#srcset-attributes). The image resolver
 * then takes the first one that exists locally, so a page saved with only some renditions works.
 */
import { allowedSrc } from '../url-policy.js';

interface Candidate { url: string; width: number; density: number; order: number }

/** The URLs of one or more srcset strings, best first; refused URLs are left out. */
export function rankSrcsets(srcsets: readonly string[]): string[] {
  const all: Candidate[] = [];
  for (const srcset of srcsets) {
    for (const part of splitSrcset(srcset)) {
      const [url = '', descriptor = ''] = part.trim().split(/\s+/, 2);
      const safe = allowedSrc(url);
      if (!safe) continue;
      const m = /^(\d+(?:\.\d+)?)([wx])$/i.exec(descriptor);
      const value = m ? Number(m[1]) : 1;
      all.push({ url: safe, width: m?.[2]?.toLowerCase() === 'w' ? value : 0, density: m?.[2]?.toLowerCase() === 'x' ? value : 1, order: all.length });
    }
  }
  all.sort((a, b) => b.width - a.width || b.density - a.density || a.order - b.order);
  return [...new Set(all.map((c) => c.url))];
}

/** Splits on the commas between candidates, not those inside a URL (`data:` URIs, `a,b.png 2x`). */
function splitSrcset(srcset: string): string[] {
  const parts: string[] = [];
  let rest = srcset.trim();
  while (rest) {
    const url = /^\S+/.exec(rest)?.[0] ?? '';
    rest = rest.slice(url.length);
    // A URL that ends in a comma has no descriptor: the comma separates candidates.
    if (url.endsWith(',')) {
      parts.push(url.slice(0, -1));
      rest = rest.trim();
      continue;
    }
    const comma = rest.indexOf(',');
    const descriptor = comma < 0 ? rest : rest.slice(0, comma);
    parts.push(`${url} ${descriptor.trim()}`);
    rest = comma < 0 ? '' : rest.slice(comma + 1).trim();
  }
  return parts.filter((p) => p.trim());
}
