/**
 * `broadsheet preview` arguments: `--port` and everything `broadsheet build` takes (the preview
 * builds exactly what `build` would, into the same folder).
 */
import { parseBuildArgs, UsageError, type ParsedBuild } from './build.parser.js';

export const PREVIEW_HELP = `Usage: broadsheet preview [INPUT ...] [--port N] [build options]

Builds INPUT (as broadsheet build does; without INPUT, content/) and serves a page on 127.0.0.1 that
shows the EPUB (in foliate-js) beside the PDF (in pdf.js), both following the article you pick, with
the build's warnings and accessibility summary. Every change to an article, an image or
publication.yaml rebuilds and reloads the page; a failed rebuild keeps the last good editions and
shows its errors. Only the build's files are served, and only to this machine.

Options:
      --port N   port to listen on (default: a free one; the URL is printed)
  and every option of broadsheet build (see broadsheet build --help), e.g. -o DIR, --page-size.

Stop it with Ctrl+C. Exit status: 0 when stopped, 2 usage error.
`;

export interface ParsedPreview extends ParsedBuild {
  port: number;
}

export function parsePreviewArgs(argv: string[], env: NodeJS.ProcessEnv): ParsedPreview {
  const rest: string[] = [];
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = arg.startsWith('--port=') ? arg.slice('--port='.length) : undefined;
    if (arg !== '--port' && inline === undefined) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || !/^\d+$/.test(value) || Number(value) > 65535) {
      throw new UsageError(`--port "${value ?? ''}" is not a port number — use 0 to 65535 (0 picks a free port)`);
    }
    port = Number(value);
  }
  return { ...parseBuildArgs(rest, env), port };
}
