/**
 * YAML front matter: split off the top of a Markdown file and parsed with `yaml`, keeping every
 * place in terms of the ORIGINAL file (the YAML text starts a line or more below line 1), so that
 * both YAML errors and later validation errors name the user's line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostics } from '../../check/diagnostic.js';
import type { Place } from '../types.js';

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
  const lineCounter = new LineCounter();
  const doc = parseDocument(frontMatter.text, { lineCounter, prettyErrors: false });
  const place = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + frontMatter.firstLine - 1, column: col };
  };
  for (const warning of doc.warnings) {
    const at = place(warning.pos[0]);
    diagnostics.warn({ code: 'read.front-matter.yaml', file, ...at, message: `front matter: ${firstLine(warning.message)}`, fix: 'check this line of the front matter' });
  }
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const at = place(error.pos[0]);
      diagnostics.error({
        code: 'read.front-matter.yaml',
        file,
        ...at,
        message: `the front matter is not valid YAML: ${firstLine(error.message)}`,
        fix: 'check the indentation and quoting on this line (a value with ": " or starting with a quote, [ or { needs quotes)',
      });
    }
    return undefined;
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
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
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    diagnostics.error({
      code: 'read.front-matter.yaml',
      file,
      line: frontMatter.firstLine,
      column: 1,
      message: `the front matter could not be read: ${error instanceof Error ? error.message : String(error)}`,
      fix: 'remove YAML aliases and anchors from the front matter',
    });
    return undefined;
  }
  return {
    data: typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    line: frontMatter.fenceLine,
    locate: (path) => locateIn(doc, path, place),
  };
}

function locateIn(doc: Document.Parsed, path: readonly (string | number)[], place: (offset: number) => Place): Place | undefined {
  if (path.length === 0) return doc.contents?.range ? place(doc.contents.range[0]) : undefined;
  if (path.length === 1 && isMap(doc.contents)) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === path[0]);
    if (pair && isScalar(pair.key) && pair.key.range) return place(pair.key.range[0]);
  }
  const node = doc.getIn(path, true);
  if ((isScalar(node) || isMap(node) || isSeq(node)) && node.range) return place(node.range[0]);
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
