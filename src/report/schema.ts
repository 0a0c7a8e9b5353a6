/**
 * The shape of `broadsheet build --json`: one zod schema is the report's TypeScript type and, through
 * `broadsheet schema --report`, its published JSON Schema, so the two cannot drift (as the model's
 * schema does in src/model/json-schema.ts). A CI pipeline reads what was built, what is wrong and
 * where, and what the EPUB claims, without parsing English.
 */
import { z } from 'zod';
import { BUILD_PHASES } from '../progress/events.js';

/** Raised when a field changes meaning or disappears; new optional fields do not raise it. */
export const REPORT_VERSION = 1;

const milliseconds = z.number().nonnegative().describe('Wall-clock milliseconds');

export const reportTimings = z
  .object({
    totalMs: milliseconds,
    phases: z.partialRecord(z.enum(BUILD_PHASES), milliseconds).describe('Time spent in each phase that ran (read, resolve, cover, layout, draw, epub, package, write)'),
  })
  .describe('Timings of the run or of one publication; they vary from run to run, unlike the outputs');

export const reportDiagnostic = z
  .object({
    severity: z.enum(['error', 'warning']),
    code: z.string().describe('Stable machine-readable code, e.g. image.not-found'),
    message: z.string().describe('What is wrong, in plain words'),
    fix: z.string().optional().describe('How to fix it'),
    file: z.string().optional(),
    line: z.number().int().nonnegative().optional().describe('1-based line in file'),
    column: z.number().int().nonnegative().optional().describe('1-based column in line'),
  })
  .describe('One problem found in the input, as the terminal prints it (file:line:col: message — fix)');

export const reportOutput = z.object({
  path: z.string().describe('Path of the written file, as given to --out (a bag lists each file in it)'),
  mediaType: z.string().describe('IANA media type, e.g. application/epub+zip'),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the file as written, lower-case hex'),
});

export const reportAccessibility = z
  .object({
    conformsTo: z.string().nullable().describe('The EPUB\'s dcterms:conformsTo claim, or null when it was withheld (see withheld)'),
    certifiedBy: z.string().nullable(),
    withheld: z
      .array(z.object({ check: z.string(), message: z.string(), fix: z.string(), file: z.string().optional(), article: z.string().optional() }))
      .describe('Why the conformance claim was not made; empty when it was'),
    accessMode: z.array(z.string()),
    accessModeSufficient: z.array(z.string()),
    accessibilityFeature: z.array(z.string()),
    accessibilityHazard: z.array(z.string()),
    accessibilitySummary: z.string(),
    pageBreakSource: z.string().optional().describe('The print edition the EPUB\'s page list follows'),
  })
  .describe('The EPUB Accessibility metadata the EPUB carries (schema.org terms)');

export const reportPublication = z.object({
  input: z.string().describe('The INPUT it was built from'),
  slug: z.string(),
  title: z.string(),
  pages: z.number().int().positive().describe('Pages in the PDF, front matter included'),
  articles: z.array(z.object({ title: z.string(), slug: z.string(), file: z.string().optional() })),
  outputs: z.array(reportOutput),
  accessibility: reportAccessibility,
  timings: reportTimings,
});

export const buildReport = z
  .object({
    reportVersion: z.literal(REPORT_VERSION),
    tool: z.object({ name: z.literal('broadsheet'), version: z.string() }),
    status: z.enum(['built', 'failed', 'error']).describe('built: everything written (exit 0); failed: invalid input, nothing written (exit 1); error: an internal error (exit 3)'),
    exitCode: z.union([z.literal(0), z.literal(1), z.literal(3)]),
    inputs: z.array(z.string()),
    outDir: z.string(),
    publications: z.array(reportPublication).describe('What was written, one entry per input; empty unless status is built'),
    diagnostics: z.array(reportDiagnostic).describe('Every error and warning of the run, unsummarised, in the order found'),
    counts: z.object({ errors: z.number().int().nonnegative(), warnings: z.number().int().nonnegative() }),
    timings: reportTimings,
    error: z.object({ message: z.string() }).optional().describe('The internal error, with status error'),
  })
  .describe('The report of one `broadsheet build --json` run');

export type BuildReport = z.infer<typeof buildReport>;
export type ReportPublication = z.infer<typeof reportPublication>;
export type ReportTimings = z.infer<typeof reportTimings>;

/** The JSON Schema of the report (`broadsheet schema --report`). */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(buildReport, { io: 'output' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://broadsheet.invalid/schema/build-report-${REPORT_VERSION}.json`,
    title: 'broadsheet build report',
  };
}
