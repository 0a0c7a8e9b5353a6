/**
 * Maps a request path onto a file inside one folder, or refuses it. The preview server serves the
 * build's files and nothing else, so every way out of the folder is closed here, in one place:
 * `..` and `.` segments (also percent-encoded, `%2e%2e`), encoded separators (`%2F`, `%5C`),
 * empty segments (`//etc/passwd`), NUL bytes, and symbolic links that point outside (checked on
 * the real path). Folders are never listed.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export type Resolved = { file: string } | { status: 403 | 404 };

/** `segments` are the raw (still percent-encoded) path segments after the route's prefix. */
export async function resolveInside(root: string, segments: readonly string[]): Promise<Resolved> {
  // `folder/` asks for a listing, which there never is.
  if (segments.length === 0 || segments.at(-1) === '') return { status: 404 };
  const decoded: string[] = [];
  for (const raw of segments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { status: 403 };
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return { status: 403 };
    decoded.push(segment);
  }
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(path.join(root, ...decoded));
  } catch {
    return { status: 404 };
  }
  if (!real.startsWith(realRoot + path.sep)) return { status: 403 };
  const info = await stat(real).catch(() => undefined);
  return info?.isFile() ? { file: real } : { status: 404 };
}
