/**
 * `broadsheet build`: runs the library build and reports to the terminal: a status line while it
 * runs (on a terminal), then the warnings, then the files written, or with `--json` the report.
 */
import pc from 'picocolors';
import { build, type BuildResult } from '../build.js';
import { InputError } from '../check/diagnostic.js';
import { summarizeDiagnostics } from '../check/summary.js';
import type { BuildEvent, ProgressListener } from '../progress/events.js';
import { StatusLine } from '../progress/status-line.js';
import { wantsColor, wantsStatusLine, type ErrorStream } from '../progress/terminal.js';
import type { ReportCollector } from '../report/collect.js';
import { preflightSummary } from '../write/pdf/press/preflight.js';
import type { ParsedBuild } from './build.parser.js';

export interface Terminal {
  out(line: string): void;
  err(line: string): void;
  /** The stream behind `err`, when it is a real one: whether it is a terminal decides the status line and colours. */
  errStream?: NodeJS.WritableStream & ErrorStream;
}

/**
 * One build. Throws what `build` throws (main prints it), except with `--json`, where a failed
 * build is a report too (exit 1). A listener in `parsed.options.onProgress` hears the events too (`--watch` has one).
 */
export async function runBuild(parsed: ParsedBuild, term: Terminal, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const colors = pc.createColors(wantsColor(term.errStream, env));
  const status = term.errStream && wantsStatusLine(term.errStream, env, parsed.quiet) ? await StatusLine.start({ stream: term.errStream, colors }) : undefined;
  // The report's modules (its zod schema among them) are loaded for --json alone.
  const report: ReportCollector | undefined = parsed.json ? new (await import('../report/collect.js')).ReportCollector() : undefined;
  const listeners = [status?.listen, report?.listen, parsed.options.onProgress].filter((l): l is ProgressListener => l !== undefined);
  const onProgress = listeners.length === 0 ? undefined : (event: BuildEvent): void => listeners.forEach((l) => l(event));
  const options = { ...parsed.options, onProgress };
  let result: BuildResult;
  try {
    result = await build(options);
  } catch (error) {
    status?.stop();
    if (!report) throw error;
    const failed = error instanceof InputError;
    const doc = await report.report({
      inputs: options.inputs,
      outDir: options.outDir,
      diagnostics: failed ? error.diagnostics : [],
      status: failed ? 'failed' : 'error',
      ...(failed ? {} : { error: error instanceof Error ? error.message : String(error) }),
    });
    term.out(JSON.stringify(doc, null, 2));
    if (failed) {
      for (const line of summarizeDiagnostics(error.diagnostics, { verbose: parsed.verbose })) term.err(line);
      return 1;
    }
    throw error;
  }
  status?.stop();
  const label = colors.yellow('warning:');
  for (const line of summarizeDiagnostics(result.warnings, { verbose: parsed.verbose })) term.err(colors.isColorSupported ? line.replace('warning:', label) : line);
  if (report) {
    const doc = await report.report({ inputs: options.inputs, outDir: options.outDir, diagnostics: result.warnings, status: 'built' });
    term.out(JSON.stringify(doc, null, 2));
  } else if (!parsed.quiet) {
    for (const file of result.outputs) term.out(`wrote ${file}`);
    // The preflight's warnings are printed with every build's; its summary (pages, signature,
    // padding, spine) when there is a press edition, for whoever sends it to the printer.
    if (options.press) for (const { slug, report: preflight } of result.preflight) term.out(preflightSummary(preflight, slug));
  }
  return 0;
}
