/**
 * The JSON reader: the model itself (a whole publication, or one article), validated like any input.
 */
import type { ReadContext } from '../types.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';

/** A JSON file parsed with places; syntax errors are reported with their line. */
export function readJsonSource(file: string, source: string, ctx: ReadContext): YamlSource | undefined {
  try {
    JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    const at = pos ? lineColumn(source, Number(pos[1])) : undefined;
    ctx.diagnostics.error({
      code: 'json.syntax',
      file,
      line: at?.line,
      column: at?.column,
      message: `the file is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`,
      fix: 'check the commas, brackets and quotes here (JSON allows no trailing commas or comments)',
    });
    return undefined;
  }
  return parseYamlSource(source, file, ctx.diagnostics, { what: 'the JSON' });
}

/** Does a parsed JSON value look like a whole publication rather than one article? */
export function isPublicationJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'articles' in value;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
