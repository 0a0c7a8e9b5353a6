/**
 * Validation of reader output against the model schema, with every issue turned into a diagnostic
 * that names the file, the place and the fix.
 */
import type { z } from 'zod';
import type { Diagnostics } from '../check/diagnostic.js';
import type { Place } from './types.js';

/** Human name of a schema path: `meta.authors[0].name`. */
export function pathName(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * Parses `value` with `schema`; on failure reports one diagnostic per issue and returns undefined.
 * `locate` maps an issue path to a place in the file; the nearest located ancestor is used.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  locate: (path: readonly PropertyKey[]) => Place | undefined,
  diagnostics: Diagnostics,
  describe: (path: readonly PropertyKey[]) => string = pathName,
): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    let place: Place | undefined;
    for (let n = issue.path.length; n >= 0 && !place; n--) place = locate(issue.path.slice(0, n));
    const field = describe(issue.path);
    const [what, how] = splitFix(issue.message);
    diagnostics.error({
      code: `schema.${issue.code}`,
      file,
      line: place?.line,
      column: place?.column,
      message: field && !what.includes(field) && !/^the /.test(what) ? `${field} ${what}` : what,
      fix: how ?? defaultFix(issue),
    });
  }
  return undefined;
}

/** Schema messages are written `what is wrong — how to fix it`. */
function splitFix(message: string): [string, string | undefined] {
  const i = message.indexOf(' — ');
  return i < 0 ? [message, undefined] : [message.slice(0, i), message.slice(i + 3)];
}

function defaultFix(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `give a value of type ${issue.expected}`;
    case 'invalid_value':
      return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return 'add the missing value';
    default:
      return undefined;
  }
}
