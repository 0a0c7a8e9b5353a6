/**
 * Diagnostics are typed values (a code plus where and how to fix), rendered once for the terminal.
 * Input problems are collected, not thrown one at a time, so a run reports all of them together.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `meta.title.missing`, `image.not-found`. */
  code: string;
  /** What is wrong, in plain words. */
  message: string;
  /** How to fix it. */
  fix?: string;
  file?: string;
  line?: number;
  column?: number;
  /** Lines listed under the diagnostic with `--verbose` only (e.g. each block of furniture left out). */
  details?: string[];
}

/** `file:line:col: what is wrong — how to fix it` (places that are unknown are left out). */
export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':');
  const label = d.severity === 'warning' ? 'warning: ' : '';
  const text = d.fix ? `${d.message} — ${d.fix}` : d.message;
  return place ? `${place}: ${label}${text}` : `${label}${text}`;
}

/** Thrown when the input cannot be built; carries every problem found, not only the first. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

/** Collects diagnostics during a build; warnings are kept, errors end the build at a checkpoint. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(d: Omit<Diagnostic, 'severity'>): void {
    this.items.push({ severity: 'error', ...d });
  }

  warn(d: Omit<Diagnostic, 'severity'>): void {
    this.items.push({ severity: 'warning', ...d });
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'warning');
  }

  /** Throws an InputError carrying every diagnostic so far (errors and warnings) if there is an error. */
  checkpoint(): void {
    const errors = this.errors;
    if (errors.length > 0) throw new InputError(this.items);
  }
}
