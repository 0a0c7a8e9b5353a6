/**
 * Builds the `--json` report from the build's progress events and its outcome. The events give the
 * timings and what each publication is (pages, articles, accessibility); the files are read back
 * from disk for their size and SHA-256, so the report describes what was really written.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from '../check/diagnostic.js';
import type { BuildEvent, BuildPhase, BuiltPublication } from '../progress/events.js';
import { VERSION } from '../version.js';
import { mediaTypeOf } from './media-type.js';
import { REPORT_VERSION, type BuildReport, type ReportPublication, type ReportTimings } from './schema.js';

interface PublicationState {
  input: string;
  started: number;
  ended?: number;
  phases: ReportTimings['phases'];
  built?: BuiltPublication;
}

export interface ReportOutcome {
  inputs: string[];
  outDir: string;
  /** Every diagnostic of the run: the warnings of a good build, all of them for a failed one. */
  diagnostics: readonly Diagnostic[];
  status: BuildReport['status'];
  /** The internal error's message, with status `error`. */
  error?: string;
}

export class ReportCollector {
  private readonly started = performance.now();
  private readonly phases: ReportTimings['phases'] = {};
  private readonly publications: PublicationState[] = [];
  /** The run's own phase (`read`, `write`), and each publication's: several may build at once. */
  private current: { phase: BuildPhase; since: number } | undefined;
  private readonly currentOf = new Map<number, { phase: BuildPhase; since: number }>();

  /** Pass this as `BuildOptions.onProgress` (alone or beside the status line). */
  readonly listen = (event: BuildEvent): void => {
    const own = event.publication;
    switch (event.type) {
      case 'phase':
        if (own === undefined) {
          this.closePhase();
          this.current = { phase: event.phase, since: performance.now() };
        } else {
          this.closePublicationPhase(own);
          this.currentOf.set(own, { phase: event.phase, since: performance.now() });
        }
        break;
      case 'publication':
        this.closePhase();
        this.publications[event.index] = { input: event.input, started: performance.now(), phases: {} };
        break;
      case 'built': {
        const index = own ?? this.publications.length - 1;
        this.closePublicationPhase(index);
        const pub = this.publications[index];
        if (pub) Object.assign(pub, { built: event.built, ended: performance.now() });
        break;
      }
      case 'done':
        this.closePhase();
        for (const index of [...this.currentOf.keys()]) this.closePublicationPhase(index);
        break;
      default:
        break;
    }
  };

  /** The report; reads the outputs of a good build back from disk. */
  async report(outcome: ReportOutcome): Promise<BuildReport> {
    this.closePhase();
    const built = outcome.status === 'built';
    const publications: ReportPublication[] = [];
    for (const pub of built ? this.publications : []) {
      if (!pub?.built) continue;
      const b = pub.built;
      const a = b.accessibility;
      publications.push({
        input: pub.input,
        slug: b.slug,
        title: b.title,
        pages: b.pages,
        articles: b.articles,
        outputs: (await Promise.all(b.outputs.map(describeOutput))).flat(),
        accessibility: {
          conformsTo: a.conformsTo ?? null,
          certifiedBy: a.certifiedBy ?? null,
          withheld: a.failures.map((f) => ({ check: f.check, message: f.message, fix: f.fix, ...(f.file !== undefined ? { file: f.file } : {}), ...(f.article !== undefined ? { article: f.article } : {}) })),
          accessMode: a.accessMode,
          accessModeSufficient: a.accessModeSufficient,
          accessibilityFeature: a.accessibilityFeature,
          accessibilityHazard: a.accessibilityHazard,
          accessibilitySummary: a.accessibilitySummary,
          ...(a.pageBreakSource !== undefined ? { pageBreakSource: a.pageBreakSource } : {}),
        },
        timings: { totalMs: round((pub.ended ?? performance.now()) - pub.started), phases: pub.phases },
      });
    }
    const diagnostics = outcome.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.fix !== undefined ? { fix: d.fix } : {}),
      ...(d.file !== undefined ? { file: d.file } : {}),
      ...(d.line !== undefined ? { line: d.line } : {}),
      ...(d.column !== undefined ? { column: d.column } : {}),
      ...(d.details !== undefined ? { details: d.details } : {}),
    }));
    return {
      reportVersion: REPORT_VERSION,
      tool: { name: 'broadsheet', version: VERSION },
      status: outcome.status,
      exitCode: outcome.status === 'built' ? 0 : outcome.status === 'failed' ? 1 : 3,
      inputs: outcome.inputs,
      outDir: outcome.outDir,
      publications,
      diagnostics,
      counts: { errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: diagnostics.filter((d) => d.severity === 'warning').length },
      timings: { totalMs: round(performance.now() - this.started), phases: this.phases },
      ...(outcome.error !== undefined ? { error: { message: outcome.error } } : {}),
    };
  }

  /** Adds the run's running phase (`read`, `write`) to the run's timings. */
  private closePhase(): void {
    if (!this.current) return;
    const { phase, since } = this.current;
    this.phases[phase] = round((this.phases[phase] ?? 0) + performance.now() - since);
    this.current = undefined;
  }

  /**
   * Adds a publication's running phase to its timings and to the run's (where the phases of
   * publications built at once add up, so they may exceed the run's wall time).
   */
  private closePublicationPhase(index: number): void {
    const running = this.currentOf.get(index);
    if (!running) return;
    const ms = performance.now() - running.since;
    this.phases[running.phase] = round((this.phases[running.phase] ?? 0) + ms);
    const pub = this.publications[index];
    if (pub) pub.phases[running.phase] = round((pub.phases[running.phase] ?? 0) + ms);
    this.currentOf.delete(index);
  }
}

/** Size, SHA-256 and media type of a written file, or of every file in a written folder (a bag). */
async function describeOutput(file: string): Promise<BuildReport['publications'][number]['outputs']> {
  const entries = await readdir(file, { recursive: true, withFileTypes: true }).catch(() => undefined);
  const files = entries
    ? entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort()
    : [file];
  return Promise.all(
    files.map(async (f) => {
      const data = await readFile(f);
      return { path: f, mediaType: mediaTypeOf(f), bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') };
    }),
  );
}

/** Milliseconds to a tenth: finer is noise. */
function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
