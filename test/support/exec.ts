import { execFile } from 'node:child_process';

/** Result of a finished child process (a non-zero exit code is not an error here). */
export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs a program without a shell and resolves with its exit code and output. Rejects only when the
 * program cannot be started, is killed (timeout) or overflows the buffer: callers decide what a
 * non-zero exit code means (EPUBCheck exits 1 when it finds errors).
 */
export function run(
  file: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<ExecResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      {
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        timeout: options.timeoutMs ?? 0,
        env: options.env ?? process.env,
        cwd: options.cwd,
      },
      (error, stdout, stderr) => {
        const ms = Math.round(performance.now() - started);
        if (error && typeof error.code !== 'number') {
          const why = error.killed ? `killed (${error.signal ?? 'timeout'})` : error.message;
          reject(new Error(`${file} ${args.join(' ')}: ${why}\n${stderr}`));
          return;
        }
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr, ms });
      },
    );
  });
}

/** Like {@link run}, but rejects with stderr when the exit code is not 0. */
export async function runOk(
  file: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<ExecResult> {
  const result = await run(file, args, options);
  if (result.code !== 0) {
    throw new Error(`${file} ${args.join(' ')} exited ${result.code}\n${result.stderr}${result.stdout}`);
  }
  return result;
}
