/**
 * YAML (and JSON, which YAML 1.2 reads too) with places: parse errors and schema issues are
 * reported at the line and column of the user's file.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostics } from '../check/diagnostic.js';
import type { Place } from './types.js';

export interface YamlSource {
  value: unknown;
  locate(path: readonly PropertyKey[]): Place | undefined;
}

/**
 * Parses `text`; `lineOffset` is added to every line (for front matter inside a larger file).
 * Syntax errors go to `diagnostics` and give undefined.
 */
export function parseYamlSource(
  text: string,
  file: string,
  diagnostics: Diagnostics,
  { lineOffset = 0, what = 'YAML' }: { lineOffset?: number; what?: string } = {},
): YamlSource | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const at = lines.linePos(error.pos[0]);
      diagnostics.error({
        code: 'yaml.syntax',
        file,
        line: at.line + lineOffset,
        column: at.col,
        message: `${what} is not valid: ${firstLine(error.message)}`,
        fix: 'check the indentation, the colons and the quoting on this line',
      });
    }
    return undefined;
  }
  return {
    value: doc.toJS({ maxAliasCount: 100 }),
    locate: (path) => place(doc, lines, path, lineOffset),
  };
}

function place(doc: Document, lines: LineCounter, path: readonly PropertyKey[], lineOffset: number): Place | undefined {
  let node: unknown = doc.contents;
  let found: { range?: [number, number, number] | null } | undefined = node as typeof found;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === String(key));
      if (!pair) return at(found);
      // Point at the key: that is the line the user looks for.
      found = pair.key as typeof found;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      found = node as typeof found;
    } else {
      break;
    }
  }
  return at(found);

  function at(n: typeof found): Place | undefined {
    if (!n?.range) return undefined;
    const pos = lines.linePos(n.range[0]);
    return { line: pos.line + lineOffset, column: pos.col };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
