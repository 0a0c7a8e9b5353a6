/**
 * `node dist/bench/jobs.js`: what worker threads and the layout cache buy on the anthology
 * (BENCH_ARTICLES, default 300). Each build runs in its own process (build-once.ts) and reports
 * wall time, CPU time of every thread and peak memory: on a loaded machine compare CPU time too.
 *
 * Figures, not assertions; it also checks that every build gave the same bytes, and that a cached
 * rebuild after one edited article equals a clean build of the edited book.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from '../build.js';
import { editMiddleArticle, writeAnthology } from './anthology.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ONCE = fileURLToPath(new URL('./build-once.js', import.meta.url));

interface Run { wall: number; cpu: number; maxRssMiB: number; cache?: { hits: number; misses: number; read: { hits: number; misses: number }; drawn: { hits: number; misses: number } } }

function once(label: string, input: string, outDir: string, options: Partial<BuildOptions>): Run {
  const out = execFileSync(process.execPath, [ONCE, input, outDir, JSON.stringify(options)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; cpuSeconds: number; maxRssMiB: number; cache?: Run['cache'] };
  const run: Run = { wall: line.seconds, cpu: line.cpuSeconds, maxRssMiB: line.maxRssMiB, ...(line.cache ? { cache: line.cache } : {}) };
  const cache = run.cache ? `   cache: ${run.cache.drawn.hits} placed as drawn, ${run.cache.drawn.misses} drawn, ${run.cache.misses} laid out, ${run.cache.read.misses} read` : '';
  console.log(`  ${label.padEnd(34)} ${run.wall.toFixed(2).padStart(7)} s wall ${run.cpu.toFixed(2).padStart(7)} s cpu ${run.maxRssMiB.toFixed(0).padStart(5)} MiB${cache}`);
  return run;
}

async function same(a: string, b: string): Promise<boolean> {
  const names = (await readdir(a)).sort();
  for (const name of names) if (!(await readFile(path.join(a, name))).equals(await readFile(path.join(b, name)))) return false;
  return names.length > 0;
}

const articles = Number(process.env.BENCH_ARTICLES ?? 300);
const work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-jobs-'));
const book = path.join(work, 'book');
const files = await writeAnthology(book, articles, 1000, [path.join(ROOT, 'test/fixtures/rich/chart.png'), path.join(ROOT, 'test/fixtures/rich/harbour.jpg')]);
const cores = os.availableParallelism();
console.log(`jobs and cache, anthology of ${articles} articles (${work}), ${cores} cores`);
const out = (name: string): string => path.join(work, name);
const one = once('--jobs 1 --no-cache', book, out('j1'), { jobs: 1 });
const many = once(`--jobs ${Math.max(2, cores)} --no-cache`, book, out('jn'), { jobs: Math.max(2, cores) });
const cache = out('cache');
const cold = once(`--jobs ${cores} --cache (empty)`, book, out('cold'), { jobs: cores, cache });
const warm = once(`--jobs ${cores} --cache (nothing changed)`, book, out('warm'), { jobs: cores, cache });
// One article edited so that it changes length: every later page number moves.
await editMiddleArticle(book, files);
const edited = once(`--jobs ${cores} --cache (1 article edited)`, book, out('edited'), { jobs: cores, cache });
const clean = once(`--jobs ${cores} --no-cache (1 article edited)`, book, out('clean'), { jobs: cores });
console.log(`  --jobs ${Math.max(2, cores)} vs 1: ${(one.wall / many.wall).toFixed(2)}× wall, ${(many.cpu / one.cpu).toFixed(2)}× the cpu`);
console.log(`  cached rebuild after one edit: ${((edited.wall / clean.wall) * 100).toFixed(0)} % of an uncached build's wall time, ${((edited.cpu / clean.cpu) * 100).toFixed(0)} % of its cpu; nothing changed: ${((warm.cpu / many.cpu) * 100).toFixed(0)} % of the cpu`);
console.log(`  same bytes: jobs 1 = jobs ${Math.max(2, cores)}: ${await same(out('j1'), out('jn'))}; cold = warm cache: ${await same(out('cold'), out('warm'))}; edited cached = clean: ${await same(out('edited'), out('clean'))}`);
