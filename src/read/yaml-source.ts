/**
 * YAML (and JSON, which YAML 1.2 reads too) with places: parse errors and schema issues are
 * reported at the line and column of the user's file. The one YAML parser of the readers: front
 * matter, publication.yaml and JSON all go through it.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostics } from '../check/diagnostic.js';
import type { Place } from './types.js';

export interface YamlSource {
  value: unknown;
  /**
   * Place of the value at `path`. For a top-level key, the place of the key itself (the line the
   * user wrote it on, even when its value is a block below).
   */
  locate(path: readonly PropertyKey[]): Place | undefined;
}

export interface YamlOptions {
  /** Added to every line (for front matter that starts below line 1). Default 0. */
  lineOffset?: number;
  /** What the text is, for messages: "the front matter", "publication.yaml". */
  what?: string;
  /** Diagnostic code of syntax problems. Default `yaml.syntax`. */
  code?: string;
  /** How to fix a syntax error. */
  fix?: string;
}

/** Parses `text`; syntax errors go to `diagnostics` and give undefined, warnings are passed on. */
export function parseYamlSource(text: string, file: string, diagnostics: Diagnostics, options: YamlOptions = {}): YamlSource | undefined {
  const { lineOffset = 0, what = 'the YAML', code = 'yaml.syntax' } = options;
  const fix = options.fix ?? 'check the indentation, the colons and the quoting on this line';
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const place = (offset: number): Place => {
    const { line, col } = lines.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  for (const warning of doc.warnings) {
    diagnostics.warn({ code, file, ...place(warning.pos[0]), message: `${what}: ${firstLine(warning.message)}`, fix: 'check this line' });
  }
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      diagnostics.error({ code, file, ...place(error.pos[0]), message: `${what} is not valid YAML: ${firstLine(error.message)}`, fix });
    }
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    diagnostics.error({
      code,
      file,
      line: 1 + lineOffset,
      column: 1,
      message: `${what} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      fix: 'remove YAML aliases and anchors',
    });
    return undefined;
  }
  return { value, locate: (path) => locate(doc, path, place) };
}

function locate(doc: Document.Parsed, path: readonly PropertyKey[], place: (offset: number) => Place): Place | undefined {
  if (path.length === 0) return doc.contents?.range ? place(doc.contents.range[0]) : undefined;
  if (path.length === 1 && isMap(doc.contents)) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[0]));
    if (pair && isScalar(pair.key) && pair.key.range) return place(pair.key.range[0]);
  }
  const node = doc.getIn(path.map((k) => (typeof k === 'symbol' ? String(k) : k)), true);
  if ((isScalar(node) || isMap(node) || isSeq(node)) && node.range) return place(node.range[0]);
  return undefined;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}
