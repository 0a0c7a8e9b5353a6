/**
 * Issue 16: URL inputs (`--fetch-remote`) and saved pages, against a real HTTP server in the test
 * (127.0.0.1, a random port): a page behind a redirect, a 404, a wrong content type, an oversized
 * page, a slow answer (the timeout is an option, so the test is quick), a redirect loop, a redirect
 * out of http(s), and pages in windows-1252 (declared in the header and in `<meta>`). One build
 * makes three publications: two URLs as one (named by --title), a page saved with its `_files`
 * folder, and the same kind of page saved as one `.mhtml`. The articles' words come back from the
 * EPUB and the PDF in order, the furniture's do not; the two-article EPUB passes EPUBCheck and Ace.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, pageEncoding } from '../../../src/read/web/fetch-page.js';
import { runAce } from '../../support/ace.js';
import { BIN, ROOT, tempFolder, type CliRun } from '../../support/cli.js';
import { epubText, openEpub } from '../../support/epub.js';
import { runEpubcheck } from '../../support/epubcheck.js';
import { pdfText } from '../../support/pdf.js';
import { missingInOrder, words } from '../../support/words.js';
import { expectedWords } from './expected.js';

const WEB = new URL('../../fixtures/web/', import.meta.url);
const fixture = (name: string): Buffer => readFileSync(new URL(name, WEB));

/** Text in windows-1252: Latin-1 as it is, and the few characters that code page puts at 0x80–0x9F. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '…': 0x85, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, 'œ': 0x9c };
  return Buffer.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

const LATIN_ARTICLE = `<article>
<h1>Un été à la maison d’œuvre</h1>
<p>Les bénévoles de la maison d’œuvre ont rouvert l’atelier de reliure cet été, avec un budget de 4 500 € réuni en trois semaines.</p>
<p>« C’est un métier qui se transmet à la main », dit Hélène, 68 ans, qui enseigne la couture des cahiers aux élèves du quartier… et à leurs parents.</p>
</article>`;
const LATIN_META = `<!DOCTYPE html><html lang="fr"><head><meta charset="windows-1252"><title>Un été à la maison d’œuvre</title></head><body>${LATIN_ARTICLE}</body></html>`;
const LATIN_HEADER = `<!DOCTYPE html><html lang="fr"><head><title>Un été à la maison d’œuvre</title></head><body>${LATIN_ARTICLE}</body></html>`;

/** The CLI in a child process, without blocking this process: the test's own server must answer it. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 300_000, maxBuffer: 20_000_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

let server: Server;
let base = '';

function route(req: IncomingMessage, res: ServerResponse): void {
  const send = (status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  };
  switch (req.url) {
    case '/news/harbour-closure.html': return send(200, 'text/html; charset=utf-8', fixture('harbour-closure.html'));
    case '/news/harbour-closure_files/quay.png': return send(200, 'image/png', fixture('harbour-closure_files/quay.png'));
    case '/old-address': return send(301, 'text/html', 'moved', { location: '/news/harbour-closure.html' });
    case '/loop': return send(302, 'text/html', 'again', { location: '/loop' });
    case '/to-ftp': return send(302, 'text/html', 'away', { location: 'ftp://127.0.0.1/page.html' });
    case '/missing': return send(404, 'text/html', '<h1>Not found</h1>');
    case '/data.json': return send(200, 'application/json', '{"title":"not a page"}');
    case '/latin-meta': return send(200, 'text/html', windows1252(LATIN_META));
    case '/latin-header': return send(200, 'text/html; charset=windows-1252', windows1252(LATIN_HEADER));
    case '/huge': {
      // Sent in pieces without a Content-Length, so only the streaming cap can stop it.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'word '.repeat(2000)}</p>`;
      for (let i = 0; i < 50; i++) res.write(chunk);
      return void res.end();
    }
    case '/slow': {
      const timer = setTimeout(() => send(200, 'text/html', '<p>late</p>'), 3000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    default: return send(404, 'text/plain', 'no such page');
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const LIMITS = { timeoutMs: 2000, maxBytes: 100_000, maxRedirects: 3 };

describe('fetching a page', () => {
  it('follows a redirect and reports the final address', async () => {
    const page = await fetchPage(`${base}/old-address`, LIMITS);
    expect(page).toMatchObject({ url: `${base}/news/harbour-closure.html`, encoding: 'utf-8' });
    expect('html' in page && page.html).toContain('Fish market to close after 160 years');
  });

  it('decodes windows-1252 declared in <meta> or in the Content-Type header', async () => {
    for (const where of ['latin-meta', 'latin-header']) {
      const page = await fetchPage(`${base}/${where}`, LIMITS);
      expect(page, where).toMatchObject({ encoding: 'windows-1252' });
      expect('html' in page && page.html, where).toContain('budget de 4 500 € réuni');
      expect('html' in page && page.html, where).toContain('Un été à la maison d’œuvre');
    }
  });

  it.each([
    ['missing', 'could not be fetched: the server answered HTTP 404 Not Found', 404],
    ['data.json', 'is served as "application/json", not as a web page', 200],
    ['huge', 'is over the 0.1 MB limit', 200],
    ['loop', 'redirects more than 3 times', 302],
    ['to-ftp', 'redirects to ftp://127.0.0.1/page.html, which is not an http or https address', undefined],
  ])('/%s: %s', async (where, message, status) => {
    const failure = await fetchPage(`${base}/${where}`, LIMITS);
    expect(failure).toMatchObject({ message, ...(status !== undefined && { status }) });
  });

  it('gives up on a slow server after the timeout', async () => {
    const started = Date.now();
    const failure = await fetchPage(`${base}/slow`, { ...LIMITS, timeoutMs: 300 });
    expect(failure).toMatchObject({ message: 'could not be fetched (no complete answer within 0.3 s)' });
    expect(Date.now() - started).toBeLessThan(2900);
  });

  it('refuses anything but http and https', async () => {
    expect(await fetchPage('file:///etc/passwd', LIMITS)).toMatchObject({ message: 'is not an http or https address' });
  });

  it('finds the encoding as browsers do: BOM, then header, then <meta>, else UTF-8', () => {
    const meta = Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">');
    expect(pageEncoding(meta, 'text/html')).toBe('windows-1252');
    expect(pageEncoding(meta, 'text/html; charset=utf-8')).toBe('utf-8');
    expect(pageEncoding(Buffer.from([0xef, 0xbb, 0xbf, ...meta]), 'text/html; charset=windows-1252')).toBe('utf-8');
    expect(pageEncoding(Buffer.from('<meta charset="no-such-thing"><p>x'), '')).toBe('utf-8');
  });
});

/** A `.mhtml` archive as Chrome saves one: the page quoted-printable, the image base64. */
function mhtml(html: Buffer, image: Buffer, pageUrl: string, imageUrl: string): string {
  // Quoted-printable (RFC 2045 §6.7): bytes outside printable ASCII, and "=", as =XX; lines
  // under 76 characters, broken with a soft "=" between whole tokens.
  const lines = html.toString('binary').split('\n').map((line) => {
    const tokens = [...Buffer.from(line, 'binary')].map((b) => ((b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`));
    const out: string[] = [];
    let current = '';
    for (const token of tokens) {
      if (current.length + token.length > 72) {
        out.push(`${current}=`);
        current = '';
      }
      current += token;
    }
    return [...out, current].join('\r\n');
  });
  const wrapped = lines.join('\r\n');
  const boundary = '----MultipartBoundary--broadsheetTest----';
  return [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${pageUrl}`,
    'Subject: =?utf-8?Q?velo?=',
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; type="text/html"; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Location: ${pageUrl}`,
    '',
    wrapped,
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    `Content-Location: ${imageUrl}`,
    '',
    image.toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

describe('building URLs, a saved page with its folder, and an .mhtml archive', () => {
  let out = '';
  let stderr = '';
  const built: Record<string, { epub: string; pdf: string; epubWords: string[]; pdfWords: string[] }> = {};

  beforeAll(async () => {
    const dir = tempFolder();
    mkdirSync(path.join(dir, 'saved', 'harbour-closure_files'), { recursive: true });
    copyFileSync(new URL('harbour-closure.html', WEB), path.join(dir, 'saved', 'harbour-closure.html'));
    copyFileSync(new URL('harbour-closure_files/quay.png', WEB), path.join(dir, 'saved', 'harbour-closure_files', 'quay.png'));
    const velo = 'https://courrier-du-rhone.example/economie/velo-lyon';
    writeFileSync(path.join(dir, 'velo-lyon.mhtml'), mhtml(fixture('velo-lyon.html'), fixture('velo-lyon_files/cargo.png'), velo, 'https://courrier-du-rhone.example/economie/velo-lyon_files/cargo.png'));
    out = path.join(dir, 'out');
    const run = await cli(['build', `${base}/old-address`, `${base}/latin-meta`, path.join(dir, 'saved', 'harbour-closure.html'), path.join(dir, 'velo-lyon.mhtml'), '--fetch-remote', '--title', 'Weekend reading', '--out', out], { SOURCE_DATE_EPOCH: '1762128000' });
    expect(run.status, run.stderr).toBe(0);
    stderr = run.stderr;
    const files = readdirSync(out);
    for (const [key, prefix] of [['web', 'weekend-reading'], ['saved', 'fish-market'], ['mhtml', 'a-lyon']] as const) {
      const epub = path.join(out, files.find((f) => f.startsWith(prefix) && f.endsWith('.epub'))!);
      const pdf = epub.replace(/\.epub$/, '.pdf');
      built[key] = { epub, pdf, epubWords: words(await epubText(epub)), pdfWords: words(await pdfText(pdf)) };
    }
  }, 240_000);

  it('makes the URLs one publication, in the order given, named by --title, with every article word in order', () => {
    const harbour = expectedWords(fixture('harbour-closure.html').toString('utf8'));
    const latin = words('Les bénévoles de la maison d’œuvre ont rouvert l’atelier de reliure cet été, avec un budget de 4 500 € réuni en trois semaines. « C’est un métier qui se transmet à la main », dit Hélène');
    const want = [...words('Weekend reading'), ...words('Fish market to close after 160 years as rents treble'), ...harbour.article, ...words('Un été à la maison d’œuvre'), ...latin];
    const { epubWords, pdfWords } = built['web']!;
    expect(missingInOrder(epubWords, want)).toBeUndefined();
    expect(missingInOrder(pdfWords, want, { joinBroken: true })).toBeUndefined();
    for (const block of harbour.furnitureBlocks) {
      const phrase = words(block).slice(0, 4).join(' ');
      expect(epubWords.join(' ')).not.toContain(phrase);
      expect(pdfWords.join(' ')).not.toContain(phrase);
    }
  });

  it('downloads the page images with --fetch-remote, and resolves a saved page\'s images from its folder', async () => {
    for (const key of ['web', 'saved', 'mhtml']) {
      const epub = await openEpub(built[key]!.epub);
      expect(Object.keys(epub.zip.files).filter((name) => /\.png$/.test(name) && !/cover/.test(name)), key).toHaveLength(1);
    }
    expect(stderr).not.toMatch(/image\.(?:broken|remote)|was not downloaded/);
  });

  it('reads the saved page and the .mhtml archive with their words in order', () => {
    const saved = expectedWords(fixture('harbour-closure.html').toString('utf8')).article;
    expect(missingInOrder(built['saved']!.pdfWords, saved, { joinBroken: true })).toBeUndefined();
    const chapo = "Trois ans après l'interdiction des utilitaires diesel dans la Presqu'île, les livreurs à vélo assurent un colis sur quatre. Une petite révolution qui ne va pas sans heurts.";
    const velo = expectedWords(fixture('velo-lyon.html').toString('utf8'), chapo);
    // The standfirst is the subtitle, printed under the title.
    expect(missingInOrder(built['mhtml']!.epubWords, [...words('À Lyon, les vélos-cargos remplacent'), ...words(chapo)])).toBeUndefined();
    expect(missingInOrder(built['mhtml']!.epubWords, velo.article)).toBeUndefined();
    expect(missingInOrder(built['mhtml']!.pdfWords, velo.article, { joinBroken: true })).toBeUndefined();
    expect(built['mhtml']!.epubWords.join(' ')).not.toContain(words('À lire aussi Zone').join(' '));
  });

  it('says in one line per article how many words of furniture it left out', () => {
    const lines = stderr.split('\n').filter((l) => /warning: left out \d+ words of page furniture/.test(l));
    // The windows-1252 page is one clear <article> with nothing around it: nothing to report.
    expect(lines.map((l) => l.split(': warning')[0]!.replace(/.*[/\\]/, '')).sort()).toEqual(['harbour-closure.html', 'old-address', 'velo-lyon.mhtml']);
    const counted = expectedWords(fixture('harbour-closure.html').toString('utf8')).furniture;
    expect(lines.find((l) => l.includes('old-address'))).toContain(`left out ${counted} words`);
  });

  it('gives a two-article EPUB that EPUBCheck and Ace pass', async () => {
    const [check, ace] = await Promise.all([runEpubcheck(built['web']!.epub), runAce(built['web']!.epub)]);
    expect(check.messages.map((m) => `${m.severity} ${m.id}: ${m.message}`)).toEqual([]);
    expect(ace.violations.map((v) => `${v.impact} ${v.rule}: ${v.description}`)).toEqual([]);
  }, 180_000);
});

describe('URL errors', () => {
  it('names the URL and the HTTP status of a page that cannot be fetched', async () => {
    const run = await cli(['build', `${base}/missing`, '--fetch-remote', '--out', tempFolder()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${base}/missing: could not be fetched: the server answered HTTP 404 Not Found`);
  });

  it('uses no network without --fetch-remote, and says to add it', async () => {
    const run = await cli(['build', `${base}/news/harbour-closure.html`, '--out', tempFolder()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${base}/news/harbour-closure.html: is a web address, and broadsheet uses no network unless asked — add --fetch-remote`);
  });
});
