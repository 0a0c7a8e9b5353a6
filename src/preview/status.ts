/**
 * What the preview page shows beside the two editions: the state of the last build, its
 * publications (with the accessibility claims the JSON-LD record makes, so the panel says exactly
 * what a library or reading system will read) and its warnings, summarised as on the terminal.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic.js';
import { summarizeDiagnostics } from '../check/summary.js';

export interface PreviewPublication {
  slug: string;
  title: string;
  /** Paths under the server's `/files/` route. */
  epub: string;
  pdf: string;
  accessibility: { summary?: string; conformsTo?: string; features: string[]; hazards: string[] };
}

export interface PreviewStatus {
  state: 'building' | 'ready' | 'failed';
  /** Counts successful builds; the page reloads when it grows. */
  generation: number;
  publications: PreviewPublication[];
  warnings: string[];
  /** The failed build's diagnostics; the page keeps showing the last good editions. */
  errors: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** Publications of a build, from the files it wrote (every publication writes `<slug>.jsonld`). */
export async function publicationsOf(outputs: readonly string[], outDir: string): Promise<PreviewPublication[]> {
  const publications: PreviewPublication[] = [];
  for (const file of outputs.filter((f) => f.endsWith('.jsonld'))) {
    const slug = path.basename(file, '.jsonld');
    const record = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const relative = (ext: string): string => path.relative(outDir, path.join(path.dirname(file), `${slug}${ext}`)).split(path.sep).map(encodeURIComponent).join('/');
    const summary = record['accessibilitySummary'];
    const conformsTo = record['dcterms:conformsTo'];
    publications.push({
      slug,
      title: typeof record['name'] === 'string' ? record['name'] : slug,
      epub: relative('.epub'),
      pdf: relative('.pdf'),
      accessibility: {
        ...(typeof summary === 'string' ? { summary } : {}),
        ...(typeof conformsTo === 'string' ? { conformsTo } : {}),
        features: strings(record['accessibilityFeature']),
        hazards: strings(record['accessibilityHazard']),
      },
    });
  }
  return publications;
}

export function warningLines(warnings: readonly Diagnostic[]): string[] {
  return summarizeDiagnostics(warnings, {});
}
