/**
 * One whole build through the library's `build()` in a process of its own, as a user's run would
 * be: `node dist/bench/build-once.js INPUT OUT_DIR [BuildOptions as JSON]`. Prints one JSON line
 * with its wall and CPU time and the peak memory of the process (module loading included), so the
 * bench's figures are those of a real build and not of a process that has already run others.
 */
import { build, type BuildOptions } from '../build.js';

const [input, outDir, extra] = process.argv.slice(2);
if (input === undefined || outDir === undefined) throw new Error('usage: build-once.js INPUT OUT_DIR [OPTIONS_JSON]');
const options: BuildOptions = { inputs: [input], outDir, lang: 'en', strict: false, ...(extra ? (JSON.parse(extra) as Partial<BuildOptions>) : {}) };
const result = await build(options);
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    // performance.now() counts from the start of the process: module loading is included.
    seconds: performance.now() / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    outputs: result.outputs,
    warnings: result.warnings.length,
    ...(result.cache ? { cache: result.cache } : {}),
  }),
);
