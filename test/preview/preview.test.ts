/**
 * `broadsheet preview` as a user runs it: the real CLI in a child process, a real headless Chromium
 * (Debian's, through puppeteer-core) loading the page, real edits to the article on disk. And the
 * server's one promise for safety: only the build's files, only on loopback — tried with raw HTTP
 * requests, so that no client normalises `..` away before the server sees it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempFolder } from '../support/cli.js';

const CHROMIUM = path.join(ROOT, 'test/support/chromium.sh');

let dir: string;
let article: string;
let outDir: string;
let child: ChildProcess;
let url: URL;
let log = '';
let browser: Browser;

/** Resolves with the first line the child prints on stdout (the URL), or rejects with its stderr. */
function firstLine(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    proc.on('exit', (code) => reject(new Error(`preview exited with ${code}:\n${log}`)));
  });
}

/** A raw HTTP/1.1 GET: the request target goes to the server exactly as written. */
function rawGet(target: string, host = url.host): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let response = '';
    socket.on('data', (d: Buffer) => (response += d.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

async function status(): Promise<{ state: string; generation: number; errors: string[] }> {
  return (await fetch(new URL('/status.json', url))).json() as Promise<{ state: string; generation: number; errors: string[] }>;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The text the EPUB pane shows (foliate-js renders each section into an iframe in its shadow DOM). */
const epubText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const view = document.querySelector('foliate-view') as unknown as { renderer: { getContents(): { doc: Document }[] } } | null;
    return view?.renderer.getContents().map((c) => c.doc.body.textContent ?? '').join(' ') ?? '';
  });

/** The text of the PDF page pdf.js shows, from its text layer once rendered. */
const pdfText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const n = document.body.dataset['pdfPage'];
    return document.querySelector(`#pdf-viewer .page[data-page-number="${n}"] .textLayer`)?.textContent ?? '';
  });

beforeAll(async () => {
  dir = tempFolder();
  cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  article = path.join(dir, 'content', readdirSync(path.join(dir, 'content')).find((f) => f.endsWith('.md'))!);
  outDir = path.join(dir, 'build');
  child = spawn(process.execPath, [BIN, 'preview', 'content', '-o', outDir, '--port', '0'], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '1751241600' } });
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  url = new URL(await firstLine(child));
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
});

describe('broadsheet preview', () => {
  it('listens on loopback at the URL it prints', () => {
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBeGreaterThan(0);
  });

  it('shows the EPUB and the PDF side by side on the same page, and reloads both after an edit', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const failed: string[] = [];
    page.on('pageerror', (e) => failed.push(String(e)));
    await page.goto(url.href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    expect(failed).toEqual([]);
    expect(await page.$eval('h1#title', (h) => h.textContent)).toBe('U.S. Explores Israel–Syria Peace Talks');
    expect(await epubText(page)).toContain('U.S. Explores Israel–Syria Peace Talks');
    // The PDF pane is on the body page the EPUB is on: print page 1, which opens the article.
    expect(await page.evaluate(() => document.body.dataset['page'])).toBe('1');
    const first = await waitFor('the PDF page text', async () => ((await pdfText(page)).includes('Peace Talks') ? pdfText(page) : undefined));
    expect(first).toContain('preliminary');
    expect(await page.$eval('#a11y-conforms', (p) => p.textContent)).toContain('EPUB Accessibility 1.1');
    expect(await page.$$eval('#article-list button', (b) => b.map((x) => x.textContent))).toEqual(['U.S. Explores Israel–Syria Peace Talks']);

    const before = (await status()).generation;
    writeFileSync(article, readFileSync(article, 'utf8').replace('launched “preliminary discussions”', 'launched “quodlibetical discussions”'));
    await page.waitForNavigation({ timeout: 120_000 });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    expect((await status()).generation).toBe(before + 1);
    expect(await epubText(page)).toContain('quodlibetical discussions');
    await waitFor('the edit in the PDF pane', async () => ((await pdfText(page)).includes('quodlibetical') ? true : undefined));
    await page.close();
  }, 300_000);

  it('keeps the last good editions and shows the errors when a rebuild fails', async () => {
    const epub = readdirSync(outDir).find((f) => f.endsWith('.epub'))!;
    const good = statSync(path.join(outDir, epub)).mtimeMs;
    const text = readFileSync(article, 'utf8');
    writeFileSync(article, text.replace('date: 2025-06-30', 'date: 2025-02-30'));
    const failed = await waitFor('the failed rebuild', async () => {
      const s = await status();
      return s.state === 'failed' ? s : undefined;
    });
    expect(failed.errors.join('\n')).toMatch(/date/);
    expect(statSync(path.join(outDir, epub)).mtimeMs).toBe(good);
    expect((await fetch(new URL(`/files/${epub}`, url))).status).toBe(200);
    writeFileSync(article, text);
    await waitFor('the repaired rebuild', async () => ((await status()).state === 'ready' ? true : undefined));
  }, 240_000);

  it('serves nothing outside the build folder and nothing to other hosts', async () => {
    symlinkSync('/etc/passwd', path.join(outDir, 'passwd'));
    const tries: [string, number][] = [
      ['/files/../package.json', 403],
      ['/files/..%2F..%2Fetc%2Fpasswd', 403],
      ['/files/%2e%2e/%2e%2e/etc/passwd', 403],
      ['/files/%2E%2E/content/' + path.basename(article), 403],
      ['/files//etc/passwd', 403],
      ['/files/%2Fetc%2Fpasswd', 403],
      ['/files/..%5C..%5Cpackage.json', 403],
      ['/files/passwd', 403],
      ['/files/x%00.pdf', 403],
      ['/files/', 404],
      ['/files', 404],
      ['/vendor/foliate/../../../package.json', 403],
      ['/vendor/pdfjs/package.json', 404],
      ['http://127.0.0.1/etc/passwd', 403],
      ['/etc/passwd', 404],
    ];
    const got = await Promise.all(tries.map(async ([target]) => [target, await rawGet(target)] as [string, number]));
    expect(got).toEqual(tries);
    expect(await rawGet('/files/' + readdirSync(outDir).find((f) => f.endsWith('.pdf'))!)).toBe(200);
    // DNS rebinding: a page on another site reaching 127.0.0.1 under its own name is refused.
    expect(await rawGet('/status.json', 'attacker.example:80')).toBe(403);
  });
});
