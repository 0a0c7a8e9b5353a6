/**
 * Writes a build's files all or nothing: each goes to a temporary name in the target folder and is
 * renamed into place only when every file has been written, so a failed build never leaves a
 * half-written file and never replaces a good one. A folder output (a bag) is written whole under a
 * temporary folder name and swapped in the same way, so no file of an older bag survives in it.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

/** A folder written as one unit; `files` paths are relative to it (POSIX separators). */
export interface OutputFolder {
  path: string;
  files: readonly { path: string; data: Uint8Array | string }[];
}

export type Output = OutputFile | OutputFolder;

const isFolder = (o: Output): o is OutputFolder => 'files' in o;

export async function writeOutputs(outputs: Output[]): Promise<void> {
  const temps: { temp: string; final: string; folder: boolean }[] = [];
  const tempName = (final: string): string => path.join(path.dirname(final), `.${path.basename(final)}.${process.pid}.tmp`);
  try {
    for (const output of outputs) {
      await mkdir(path.dirname(output.path), { recursive: true });
      const temp = tempName(output.path);
      temps.push({ temp, final: output.path, folder: isFolder(output) });
      if (!isFolder(output)) {
        await writeFile(temp, output.data);
        continue;
      }
      await rm(temp, { recursive: true, force: true });
      for (const file of output.files) {
        const target = path.join(temp, ...file.path.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.data);
      }
    }
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { recursive: true, force: true })));
    throw error;
  }
  // rename() within one folder is atomic on POSIX file systems; a folder cannot be renamed over a
  // non-empty one, so the old bag is moved aside first and removed once the new one is in place.
  for (const { temp, final, folder } of temps) {
    if (!folder) {
      await rename(temp, final);
      continue;
    }
    const old = path.join(path.dirname(final), `.${path.basename(final)}.${process.pid}.old`);
    await rm(old, { recursive: true, force: true });
    const hadOld = await rename(final, old).then(() => true, () => false);
    await rename(temp, final);
    if (hadOld) await rm(old, { recursive: true, force: true });
  }
}
