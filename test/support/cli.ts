/**
 * Runs the compiled CLI (`npm test` compiles first) as a user would, in a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'dist/cli/bin.js');

export interface CliRun { status: number | null; stdout: string; stderr: string }

export function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  // Builds skip the layout cache unless a test asks for one, so that no test reads what another
  // wrote into the project's node_modules/.cache (test/parallel/ tests the cache in temporary folders).
  const noCache = args[0] === 'build' && !args.some((a) => a === '--cache' || a === '--no-cache' || a.startsWith('--cache='));
  const run = spawnSync(process.execPath, [BIN, ...args, ...(noCache ? ['--no-cache'] : [])], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh temporary folder holding `files` (name → contents). */
export function tempFolder(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return dir;
}
