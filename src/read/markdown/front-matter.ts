/**
 * YAML front matter: split off the top of a Markdown file and parsed with `yaml`, keeping every
 * place in terms of the ORIGINAL file (the YAML text starts a line or more below line 1), so that
 * both YAML errors and later validation errors name the user's line.
 */
import type { Diagnostics } from '../../check/diagnostic.js';
import type { Place } from '../types.js';
import { parseYamlSource } from '../yaml-source.js';

/** A Markdown file cut into its front matter (if any) and its body. */
export interface Split {
  frontMatter?: { text: string; firstLine: number; fenceLine: number };
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits `source` (line ends already LF, BOM removed). The opening `---` may follow blank lines;
 * the closing fence is `---` or `...`. Returns the line of an opening fence that is never closed as
 * `unclosed`.
 */
export function splitFrontMatter(source: string): Split | { unclosed: number } {
  const lines = source.split('\n');
  let open = 0;
  while (open < lines.length && /^[ \t]*$/.test(lines[open]!)) open++;
  if (open >= lines.length || !OPEN.test(lines[open]!)) return { body: source, bodyLine: 1 };
  let close = open + 1;
  while (close < lines.length && !CLOSE.test(lines[close]!)) close++;
  if (close >= lines.length) return { unclosed: open + 1 };
  return {
    frontMatter: { text: lines.slice(open + 1, close).join('\n'), firstLine: open + 2, fenceLine: open + 1 },
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

/** Parsed front matter: its data and where each key and value is in the file. */
export interface FrontMatter {
  data: Record<string, unknown>;
  /**
   * Place of the value at `path` (YAML keys and indexes). For a top-level key, the place of the key
   * itself (its line is the one the user wrote it on, even when the value is a block below).
   */
  locate(path: readonly (string | number)[]): Place | undefined;
  /** Line of the opening fence. */
  line: number;
}

/** Parses front matter; YAML errors and a non-mapping go to `diagnostics` and give undefined. */
export function parseFrontMatter(
  frontMatter: NonNullable<Split['frontMatter']>,
  file: string,
  diagnostics: Diagnostics,
): FrontMatter | undefined {
  const source = parseYamlSource(frontMatter.text, file, diagnostics, {
    lineOffset: frontMatter.firstLine - 1,
    what: 'the front matter',
    code: 'read.front-matter.yaml',
    fix: 'check the indentation and quoting on this line (a value with ": " or starting with a quote, [ or { needs quotes)',
  });
  if (!source) return undefined;
  const data = source.value;
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    diagnostics.error({
      code: 'read.front-matter.not-mapping',
      file,
      line: frontMatter.firstLine,
      column: 1,
      message: 'the front matter is not a list of `key: value` fields',
      fix: 'write the metadata as `key: value` lines, for example `title: My article`',
    });
    return undefined;
  }
  return { data: (data ?? {}) as Record<string, unknown>, line: frontMatter.fenceLine, locate: source.locate };
}
