/**
 * The preview's web server: loopback only, read-only, and limited to four things — the viewer page,
 * the two readers it runs (foliate-js for the EPUB, pdf.js for the PDF, both from node_modules),
 * the build's files, and the build's status (as JSON and as server-sent events, so the page reloads
 * after each rebuild). Everything else is 404; every attempt to leave a folder is 403 (safe-path.ts).
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mediaType } from './media-types.js';
import { resolveInside } from './safe-path.js';
import type { PreviewStatus } from './status.js';

const require = createRequire(import.meta.url);
const VIEWER = fileURLToPath(new URL('../../assets/preview/', import.meta.url));
const FOLIATE = path.dirname(require.resolve('foliate-js/view.js'));
const PDFJS = path.resolve(path.dirname(require.resolve('pdfjs-dist/build/pdf.mjs')), '..');
/** The parts of pdfjs-dist the viewer loads: the library, its viewer component, and their data. */
const PDFJS_PARTS = new Set(['build', 'web', 'cmaps', 'standard_fonts', 'wasm', 'iccs']);

export interface PreviewServer {
  server: Server;
  /** Sends the new status to every open page. */
  publish(status: PreviewStatus): void;
  close(): Promise<void>;
}

export function previewServer(outDir: string, status: () => PreviewStatus): PreviewServer {
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'only GET and HEAD');
    // A page on another site may not reach the preview by a DNS name that points at 127.0.0.1.
    if (!isLoopbackHost(req.headers.host)) return plain(res, 403, 'the preview answers only on 127.0.0.1 or localhost');
    const raw = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (!raw.startsWith('/')) return plain(res, 403, 'forbidden');
    const [first = '', ...rest] = raw.slice(1).split('/');
    switch (first) {
      case '':
        return rest.length === 0 ? send(res, req, path.join(VIEWER, 'viewer.html')) : plain(res, 404, 'not found');
      case 'viewer.js':
      case 'viewer.css':
        return rest.length === 0 ? send(res, req, path.join(VIEWER, first)) : plain(res, 404, 'not found');
      case 'status.json':
        res.writeHead(200, headers('application/json; charset=utf-8'));
        return void res.end(req.method === 'HEAD' ? undefined : JSON.stringify(status()));
      case 'events':
        res.writeHead(200, { ...headers('text/event-stream; charset=utf-8'), Connection: 'keep-alive' });
        res.write(event(status()));
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      case 'files':
        return serveInside(req, res, outDir, rest);
      case 'vendor': {
        const [reader = '', ...inside] = rest;
        if (reader === 'foliate') return serveInside(req, res, FOLIATE, inside);
        if (reader === 'pdfjs' && PDFJS_PARTS.has(inside[0] ?? '')) return serveInside(req, res, PDFJS, inside);
        return plain(res, 404, 'not found');
      }
      default:
        return plain(res, 404, 'not found');
    }
  }

  // Comments keep idle event streams open through proxies and browsers' timeouts.
  const keepAlive = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, 15_000);
  keepAlive.unref();

  return {
    server,
    publish(next: PreviewStatus): void {
      for (const client of clients) client.write(event(next));
    },
    close: () =>
      new Promise((resolve) => {
        clearInterval(keepAlive);
        for (const client of clients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serveInside(req: IncomingMessage, res: ServerResponse, root: string, segments: string[]): Promise<void> {
  const resolved = await resolveInside(root, segments);
  if ('status' in resolved) return plain(res, resolved.status, resolved.status === 403 ? 'forbidden' : 'not found');
  return send(res, req, resolved.file);
}

function send(res: ServerResponse, req: IncomingMessage, file: string): void {
  res.writeHead(200, headers(mediaType(file)));
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, headers('text/plain; charset=utf-8'));
  res.end(`${message}\n`);
}

function headers(type: string): Record<string, string> {
  // Every response is fresh: the files change with each rebuild.
  return { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
}

function event(status: PreviewStatus): string {
  return `event: status\ndata: ${JSON.stringify(status)}\n\n`;
}

export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}
