/**
 * How far a build has got, as a fraction of the whole, and the time left. Pure, so the status line's
 * arithmetic is tested without a terminal. The weights are each phase's share of a build's wall
 * time, taken from `--json` timings of a 100-article anthology (`npm run bench`'s generator): read
 * 28 %, then per publication cover 10 % (loading fonts), layout 40 %, draw 42 %, EPUB 8 %, the rest
 * under 1 % each. Reading gives no progress of its own, so the estimate starts after it; "about N s
 * left" is a rough guide, and says "about" for that reason.
 */
import type { BuildPhase } from './events.js';

/** Share of the whole run spent reading the inputs, before any publication is known. */
const READ = 0.25;
/** Share spent writing the files at the end. */
const WRITE = 0.01;
/** Shares of one publication's build (they add up to 1). */
const PUBLICATION: Record<Exclude<BuildPhase, 'read' | 'write'>, number> = {
  resolve: 0.01,
  cover: 0.08,
  layout: 0.4,
  draw: 0.42,
  epub: 0.08,
  package: 0.01,
};
const ORDER = Object.keys(PUBLICATION) as (keyof typeof PUBLICATION)[];

export interface BuildPosition {
  phase: BuildPhase;
  /** 0-based index of the publication being built, and how many there are (0 while reading). */
  publication: number;
  publications: number;
  /** Progress within the phase, 0–1, when the phase reports it (articles laid out, pages drawn). */
  within: number;
}

/** The fraction of the run done at `at`, 0–1. */
export function fractionDone(at: BuildPosition): number {
  if (at.phase === 'read') return READ * at.within;
  if (at.phase === 'write') return 1 - WRITE;
  const index = ORDER.indexOf(at.phase);
  const before = ORDER.slice(0, index).reduce((sum, p) => sum + PUBLICATION[p], 0);
  const inPublication = before + PUBLICATION[at.phase] * Math.min(1, Math.max(0, at.within));
  const publications = Math.max(1, at.publications);
  return READ + (1 - READ - WRITE) * ((at.publication + inPublication) / publications);
}

/**
 * Milliseconds left, extrapolated from the time so far; undefined until there is enough to go on
 * (a guess from the first 5 % or the first second would jump about).
 */
export function remainingMs(fraction: number, elapsedMs: number): number | undefined {
  if (fraction < 0.05 || elapsedMs < 1000 || fraction >= 1) return undefined;
  return (elapsedMs * (1 - fraction)) / fraction;
}

/** `12 s`, `3 min 05 s`: the status line's durations. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
