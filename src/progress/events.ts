/**
 * What a build tells its caller while it runs (`BuildOptions.onProgress`): phase boundaries, each
 * article laid out, each page drawn, and what each publication turned out to be. The CLI draws its
 * status line and writes its `--json` report from these, and `--watch` learns from them which files
 * to watch. Every event is plain data (structured-cloneable), so a build in a worker thread can pass
 * them on as messages unchanged.
 */
import type { EpubAccessibility } from '../write/epub/index.js';

/**
 * The stages of a build, in the order they run. `read` and `write` are the whole run's; the others
 * run once per publication (`layout` and `draw` twice with `--pdfa3`, whose PDF is drawn again).
 */
export const BUILD_PHASES = ['read', 'resolve', 'cover', 'layout', 'draw', 'epub', 'package', 'write'] as const;
export type BuildPhase = (typeof BUILD_PHASES)[number];

/**
 * `publication` says which publication (its `index`) an event of `phase`, `article`, `page` or
 * `built` belongs to: with `--jobs`, several publications build at once and their events interleave.
 * The run's own phases (`read`, `write`) have none.
 */
export type BuildEvent = (
  /** The run starts; `inputs` are read first. */
  | { type: 'start'; inputs: number }
  /** A phase starts (and the one before it ends). */
  | { type: 'phase'; phase: BuildPhase }
  /** Publication `index` (0-based, of `publications` that read without errors) starts building. */
  | { type: 'publication'; index: number; publications: number; input: string; title: string; articles: number }
  /** `done` of `of` articles of the current publication are laid out for the PDF. */
  | { type: 'article'; done: number; of: number }
  /** `done` of `of` pages of the current publication's PDF are drawn. */
  | { type: 'page'; done: number; of: number }
  /** The current publication is built in memory (it is written with the others in `write`). */
  | { type: 'built'; built: BuiltPublication }
  /** Everything is written. */
  | { type: 'done' }
) & { publication?: number };

export interface BuiltPublication {
  slug: string;
  title: string;
  /** The PDF's page count. */
  pages: number;
  articles: { title: string; slug: string; file?: string }[];
  /** The accessibility metadata the EPUB carries, with the reasons a conformance claim was withheld. */
  accessibility: EpubAccessibility;
  /** Local files the publication was made from besides its input (images, the cover): `--watch` watches them. */
  sources: string[];
  /** Output paths of this publication, in the order they are written. */
  outputs: string[];
}

export type ProgressListener = (event: BuildEvent) => void;
