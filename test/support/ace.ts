/**
 * Ace by DAISY 1.4.6 (`@daisy/ace-cli`, puppeteer runner) for tests. Chromium is Debian's, started
 * through `test/support/chromium.sh` (root needs `--no-sandbox`; the closed network needs the rest).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './exec.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ACE_CLI = join(ROOT, 'node_modules', '.bin', 'ace-cli');
export const CHROMIUM_WRAPPER = fileURLToPath(new URL('./chromium.sh', import.meta.url));

export type AceImpact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AceViolation {
  impact: AceImpact;
  /** Rule id, e.g. `heading-order`, `metadata-accessmode`, `epub-type-has-matching-role`. */
  rule: string;
  /** What failed at this location (the result's `dct:description`), else the rule's description. */
  description: string;
  /** Document (as Ace names it, e.g. `c1.xhtml`, `EPUB/package.opf`), plus the CSS selector and CFI if any. */
  location: string;
  /** Which engine asserted it: `Ace` (package checks) or `aXe` (content checks). */
  assertedBy: string;
  /** Outer HTML of the failing element, when Ace gives it. */
  html?: string;
}

export interface AceResult {
  violations: AceViolation[];
  /** `a11y-metadata` section of the report: which schema.org / a11y properties are missing/present. */
  a11yMetadata: { missing: string[]; empty: string[]; present: string[] };
  /** The whole parsed `report.json`. */
  report: unknown;
  /** Wall time of ace-cli, ms. */
  ms: number;
}

/**
 * The parts of Ace's EARL report read here (checked against ace-cli 1.4.6 output). `assertions` is
 * a list of per-document assertions (`earl:testSubject.url` names the document) whose own
 * `assertions` hold the rule results; a failing rule result has `earl:result.earl:outcome` `fail`,
 * `earl:test` with `dct:title` (rule id), `earl:impact`, `dct:description`, and for content checks
 * `earl:result.earl:pointer` `{ css: string[], cfi: string[] }` and `earl:result.html`.
 */
interface RawAssertion {
  'earl:assertedBy'?: string;
  'earl:testSubject'?: { url?: string; 'dct:title'?: string };
  'earl:result'?: {
    'earl:outcome'?: string;
    'dct:description'?: string;
    'earl:pointer'?: { css?: string[]; cfi?: string[] };
    html?: string;
  };
  'earl:test'?: { 'dct:title'?: string; 'dct:description'?: string; 'earl:impact'?: string };
  assertions?: RawAssertion[];
}

interface RawReport {
  assertions?: RawAssertion[];
  'a11y-metadata'?: { missing?: string[]; empty?: string[]; present?: string[] };
}

const IMPACTS: ReadonlySet<string> = new Set(['minor', 'moderate', 'serious', 'critical']);

function collect(list: readonly RawAssertion[], doc: string, out: AceViolation[]): void {
  for (const a of list) {
    const here = a['earl:testSubject']?.url ?? doc;
    const result = a['earl:result'];
    const test = a['earl:test'];
    if (test && result?.['earl:outcome'] === 'fail') {
      const pointer = result['earl:pointer'];
      const css = pointer?.css?.join(' | ');
      const cfi = pointer?.cfi?.join(' | ');
      const impact = test['earl:impact'] ?? '';
      out.push({
        impact: (IMPACTS.has(impact) ? impact : 'serious') as AceImpact,
        rule: test['dct:title'] ?? '',
        description: result['dct:description'] ?? test['dct:description'] ?? '',
        location: [here, css, cfi ? `(cfi ${cfi})` : undefined].filter(Boolean).join(' '),
        assertedBy: a['earl:assertedBy'] ?? '',
        ...(result.html !== undefined ? { html: result.html } : {}),
      });
    }
    if (a.assertions) collect(a.assertions, here, out);
  }
}

/**
 * Checks an `.epub` with `ace-cli -f -s -o <tmp> <epub>` and parses `<tmp>/report.json`. Every rule
 * result with outcome `fail` is a violation (Ace has no separate "warning" level; `impact` says how
 * bad). Throws when Ace produced no report (Chromium could not start, bad input).
 */
export async function runAce(epubPath: string): Promise<AceResult> {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-ace-'));
  const outdir = join(dir, 'out');
  try {
    const proc = await run(ACE_CLI, ['-f', '-s', '-o', outdir, '-t', join(dir, 'tmp'), resolve(epubPath)], {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM_WRAPPER, PUPPETEER_SKIP_DOWNLOAD: '1' },
      timeoutMs: 600_000,
    });
    let text: string;
    try {
      text = await readFile(join(outdir, 'report.json'), 'utf8');
    } catch {
      throw new Error(`Ace wrote no report (exit ${proc.code}):\n${proc.stderr}${proc.stdout}`);
    }
    const report = JSON.parse(text) as RawReport;
    const violations: AceViolation[] = [];
    collect(report.assertions ?? [], '', violations);
    const meta = report['a11y-metadata'];
    return {
      violations,
      a11yMetadata: { missing: meta?.missing ?? [], empty: meta?.empty ?? [], present: meta?.present ?? [] },
      report,
      ms: proc.ms,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One line per violation, for assertion failure output. */
export function formatAce(result: AceResult): string {
  return result.violations.map((v) => `${v.impact} ${v.rule}: ${v.description} @ ${v.location}`).join('\n');
}
