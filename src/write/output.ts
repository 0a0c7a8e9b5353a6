/**
 * Writes a build's files all or nothing: each goes to a temporary name in the target folder and is
 * renamed into place only when every file has been written, so a failed build never leaves a
 * half-written file and never replaces a good one.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

export async function writeOutputs(files: OutputFile[]): Promise<void> {
  const temps: { temp: string; final: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(path.dirname(file.path), { recursive: true });
      const temp = path.join(path.dirname(file.path), `.${path.basename(file.path)}.${process.pid}.tmp`);
      temps.push({ temp, final: file.path });
      await writeFile(temp, file.data);
    }
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  // rename() within one folder is atomic on POSIX file systems.
  for (const { temp, final } of temps) await rename(temp, final);
}
