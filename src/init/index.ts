/**
 * `broadsheet init` as a library call: a new publication folder that builds at once, from the
 * templates in assets/init/ (a commented publication.yaml, one sample article that uses every
 * feature of the model, its figure's image and a .gitignore for build/).
 *
 * Why it refuses to overwrite: init runs in folders that may already hold someone's work. Every
 * target is checked before anything is written, and each file is created with the exclusive flag,
 * so an existing file is never replaced; on any failure the files this run created are removed.
 */
import { lstat, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics } from '../check/diagnostic.js';

const TEMPLATES = fileURLToPath(new URL('../../assets/init/', import.meta.url));

/** Template file → where it goes in the new folder; `text` files get `{{date}}` and `{{year}}` filled in. */
const FILES: readonly { from: string; to: string; text: boolean }[] = [
  { from: 'publication.yaml', to: 'publication.yaml', text: true },
  { from: 'welcome.md', to: 'welcome.md', text: true },
  { from: 'images/tide-chart.png', to: 'images/tide-chart.png', text: false },
  // npm drops files named .gitignore from packages, so the template has no dot.
  { from: 'gitignore', to: '.gitignore', text: false },
];

export interface InitOptions {
  /** The folder to create or fill. */
  dir: string;
  /** The day written as the publication's date (a new publication is dated the day it is started). */
  today: Date;
}

/** Writes the scaffold; returns the files written. Throws an InputError naming any file that exists. */
export async function init(options: InitOptions): Promise<string[]> {
  const diagnostics = new Diagnostics();
  const targets = FILES.map((f) => ({ ...f, path: path.join(options.dir, ...f.to.split('/')) }));
  const dirInfo = await lstat(options.dir).catch(() => undefined);
  if (dirInfo && !dirInfo.isDirectory()) {
    diagnostics.error({ code: 'init.not-a-folder', file: options.dir, message: 'exists and is not a folder', fix: 'give a new folder name or an existing folder' });
  }
  for (const t of targets) {
    if (await lstat(t.path).then(() => true, () => false)) {
      diagnostics.error({ code: 'init.exists', file: t.path, message: 'already exists; init never overwrites a file', fix: 'run init in a new or empty folder, or move the file away' });
    }
  }
  diagnostics.checkpoint();

  const date = options.today.toISOString().slice(0, 10);
  const written: string[] = [];
  try {
    for (const t of targets) {
      let data: Buffer | string = await readFile(path.join(TEMPLATES, ...t.from.split('/')));
      if (t.text) data = Buffer.from(data).toString('utf8').replaceAll('{{date}}', date).replaceAll('{{year}}', date.slice(0, 4));
      await mkdir(path.dirname(t.path), { recursive: true });
      await writeFile(t.path, data, { flag: 'wx' });
      written.push(t.path);
    }
  } catch (error) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw error;
  }
  return written;
}
