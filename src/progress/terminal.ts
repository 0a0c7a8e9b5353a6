/**
 * When the build may draw on the terminal: the status line only on a terminal (stderr is one),
 * never with `--quiet` or in CI (`CI` set, as every CI service sets it); colours only on a terminal
 * and never with `NO_COLOR` (https://no-color.org: set and not empty).
 */

/** What the CLI knows of its standard error. */
export interface ErrorStream {
  isTTY?: boolean;
  columns?: number;
  hasColors?: () => boolean;
}

export function wantsStatusLine(stream: ErrorStream | undefined, env: NodeJS.ProcessEnv, quiet: boolean): boolean {
  if (!stream?.isTTY || quiet) return false;
  const ci = env.CI;
  return ci === undefined || ci === '' || ci === '0' || ci.toLowerCase() === 'false';
}

export function wantsColor(stream: ErrorStream | undefined, env: NodeJS.ProcessEnv): boolean {
  if (!stream?.isTTY) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  // Node's own reading of TERM (dumb terminals have none); a terminal without hasColors is assumed to have them.
  return stream.hasColors?.() ?? true;
}
