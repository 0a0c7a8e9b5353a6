/**
 * The live status line on a terminal: `Coastal Notes (1/2) · layout · article 120/300 · 96 pages
 * drawn · 12 s · about 20 s left`. It appears only once a build has run for {@link DELAY_MS} (a
 * short build stays silent) and is erased when the build ends, before the warnings are printed.
 *
 * log-update does the terminal work (erasing what it drew, however the terminal wrapped it;
 * hiding the cursor and giving it back on exit and on Ctrl-C); picocolors the colours. Both are
 * small and widely used; log-update is loaded only when a status line is wanted.
 */
import { performance } from 'node:perf_hooks';
import type { Colors } from 'picocolors/types.js';
import type { BuildEvent, BuildPhase } from './events.js';
import { formatDuration, fractionDone, remainingMs } from './estimate.js';

/** A build shorter than this shows no status line. */
export const DELAY_MS = 1000;
/** Redraw at most this often: drawing is cheap, but a 1,000-page build sends 1,000 page events. */
const REDRAW_MS = 80;

interface State {
  phase: BuildPhase;
  publication: number;
  publications: number;
  title?: string;
  articles?: { done: number; of: number };
  pages?: { done: number; of: number };
}

export interface StatusLineOptions {
  stream: NodeJS.WritableStream & { columns?: number };
  colors: Colors;
  delayMs?: number;
}

export class StatusLine {
  private readonly started = performance.now();
  private readonly state: State = { phase: 'read', publication: 0, publications: 0 };
  private lastDraw = 0;
  private readonly timer: NodeJS.Timeout;
  private stopped = false;

  private constructor(
    private readonly draw: ((text: string) => void) & { clear(): void; done(): void },
    private readonly options: StatusLineOptions,
  ) {
    // Keeps the clock moving while the build waits on I/O; does not keep the process alive.
    this.timer = setInterval(() => this.redraw(true), 250);
    this.timer.unref();
  }

  static async start(options: StatusLineOptions): Promise<StatusLine> {
    const { createLogUpdate } = await import('log-update');
    return new StatusLine(createLogUpdate(options.stream, { showCursor: false }), options);
  }

  /** Pass this as `BuildOptions.onProgress`. */
  readonly listen = (event: BuildEvent): void => {
    const s = this.state;
    switch (event.type) {
      case 'phase':
        s.phase = event.phase;
        if (event.phase === 'layout') s.articles = undefined;
        if (event.phase === 'draw') s.pages = undefined;
        break;
      case 'publication':
        Object.assign(s, { publication: event.index, publications: event.publications, title: event.title, articles: undefined, pages: undefined });
        break;
      case 'article':
        s.articles = { done: event.done, of: event.of };
        break;
      case 'page':
        s.pages = { done: event.done, of: event.of };
        break;
      default:
        return;
    }
    this.redraw(event.type === 'phase' || event.type === 'publication');
  };

  /** Erases the line and gives the cursor back; the terminal is as it was before the build. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    this.draw.clear();
    this.draw.done();
  }

  /** The line as it reads now (without colours when they are off). */
  text(now = performance.now()): string {
    const s = this.state;
    const c = this.options.colors;
    const elapsed = now - this.started;
    const within = s.phase === 'layout' && s.articles ? s.articles.done / s.articles.of : s.phase === 'draw' && s.pages ? s.pages.done / s.pages.of : 0;
    const left = remainingMs(fractionDone({ phase: s.phase, publication: s.publication, publications: s.publications, within }), elapsed);
    const parts: string[] = [];
    if (s.title !== undefined) parts.push(`${c.bold(shorten(s.title))}${s.publications > 1 ? ` (${s.publication + 1}/${s.publications})` : ''}`);
    parts.push(c.cyan(s.phase));
    if (s.articles && (s.phase === 'layout' || s.phase === 'draw')) parts.push(`article ${s.articles.done}/${s.articles.of}`);
    if (s.pages && s.phase === 'draw') parts.push(`${s.pages.done}/${s.pages.of} pages drawn`);
    parts.push(c.dim(formatDuration(elapsed)));
    if (left !== undefined) parts.push(c.dim(`about ${formatDuration(left)} left`));
    return parts.join(c.dim(' · '));
  }

  private redraw(force: boolean): void {
    if (this.stopped) return;
    const now = performance.now();
    if (now - this.started < (this.options.delayMs ?? DELAY_MS)) return;
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.draw(this.text(now));
  }
}

/** Long titles are cut so the line stays one line on an ordinary terminal. */
function shorten(title: string): string {
  const chars = [...title];
  return chars.length <= 40 ? title : `${chars.slice(0, 39).join('')}…`;
}
