/**
 * One build in a fresh process, for src/bench/jobs.ts: `node dist/bench/build-once.js OPTIONS_JSON`
 * prints the wall time, the CPU time of all the process's threads, peak memory and cache counts as
 * one JSON line. A fresh process each time, so no build finds fonts or caches warmed by another.
 */
import { build, type BuildOptions } from '../build.js';

const options = JSON.parse(process.argv[2] ?? '{}') as BuildOptions;
const start = performance.now();
const result = await build(options);
const cpu = process.cpuUsage();
console.log(JSON.stringify({
  wall: (performance.now() - start) / 1000,
  cpu: (cpu.user + cpu.system) / 1e6,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
  cache: result.cache,
}));
