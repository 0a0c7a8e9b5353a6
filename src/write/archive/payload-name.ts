/**
 * File names inside a bag. A bag is copied between file systems for decades, so payload names keep
 * to what every one of them accepts, and the manifests write paths the way RFC 8493 §2.1.3 asks.
 */

/** Characters no payload name keeps: controls, and what Windows, macOS or FAT forbid (`:` `\` `*` `?` `"` `<` `>` `|`). */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F:\\*?"<>|]/g;
/** Windows device names, which no file may be called whatever its extension. */
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/**
 * One path segment made safe: NFC (macOS and Linux then agree on the bytes), unsafe characters
 * replaced by `_`, no trailing dot or space (Windows drops them), never empty, `.` or `..`.
 */
export function safeSegment(name: string): string {
  let safe = name.normalize('NFC').replace(UNSAFE, '_');
  if (safe === '' || safe === '.' || safe === '..') return '_';
  safe = safe.replace(/[. ]+$/, (m) => '_'.repeat(m.length));
  if (RESERVED.test(safe)) safe = `_${safe}`;
  return safe;
}

/** A relative POSIX path made safe segment by segment. */
export function safePath(relative: string): string {
  return relative.split(/[\\/]+/).filter((s) => s !== '').map(safeSegment).join('/');
}

/**
 * A path as a manifest line writes it: `%`, CR and LF percent-encoded (RFC 8493 §2.1.3), so a
 * name holding a line break cannot split the line. {@link decodeManifestPath} reverses it.
 */
export function encodeManifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(p: string): string {
  return p.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

/**
 * Gives each path a unique safe name: two sources that differ only in characters made safe (`a:b`
 * and `a_b`) must not overwrite each other, so later ones get `-2`, `-3` before the extension.
 * Comparison ignores case, because case-insensitive file systems would merge them too.
 */
export class PayloadNames {
  private readonly taken = new Set<string>();

  claim(relative: string): string {
    const wanted = safePath(relative);
    let candidate = wanted;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) {
      const m = /^(.*?)(\.[^./]*)?$/.exec(wanted) as RegExpExecArray;
      candidate = `${m[1]}-${n}${m[2] ?? ''}`;
    }
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
