/**
 * Issue 15.1: the status line. The CLI runs under a real pseudo-terminal (util-linux `script`,
 * with a terminal size set as a terminal emulator sets one) and with plain pipes: on the terminal a
 * status line appears, is erased before the warnings and the `wrote` lines, and gives the cursor
 * back; without a terminal, or with `CI`, stderr holds only the summarised warnings.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempFolder } from '../support/cli.js';
import { run, type ExecResult } from '../support/exec.js';

const LANGS = ['arabic', 'hebrew', 'chinese', 'greek', 'russian', 'persian'];
const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Names in many tongues</title></head>
<body><article><h1>Names in many tongues</h1>
<p>The sources spell the cities ${LANGS.map((l, i) => `<span lang="${l}">city ${i + 1}</span>`).join(', ')}.</p>
</article></body></html>
`;

const ESC = '\u001b';
/** A frame of the status line: the phase, then the elapsed seconds. */
const FRAME = /\b(read|resolve|cover|layout|draw|epub|package|write)\b.* · \d+ s\b/;
const ERASE_LINE = `${ESC}[2K`;
const HIDE_CURSOR = `${ESC}[?25l`;
const SHOW_CURSOR = `${ESC}[?25h`;
/** Select Graphic Rendition: colour, bold, dim. */
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`);
const stripAnsi = (s: string): string => s.replace(new RegExp(`${ESC}\\[[0-9;?]*[A-Za-z]`, 'g'), '');

/** The environment of a user's terminal: no CI, colours allowed. */
function terminalEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...extra };
  if (!('CI' in extra)) delete env.CI;
  if (!('NO_COLOR' in extra)) delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
}

/** `broadsheet build …` on a pseudo-terminal of 24 × 120; stdout and stderr both go to it. */
function underTerminal(args: string[], env: NodeJS.ProcessEnv): Promise<ExecResult> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return run('script', ['-qefc', `stty rows 24 cols 120; exec ${quoted}`, '/dev/null'], { env, timeoutMs: 240_000 });
}

describe('the status line', () => {
  const dir = tempFolder({ 'page.html': PAGE });
  const page = path.join(dir, 'page.html');
  let colour: ExecResult;
  let noColor: ExecResult;
  let ci: ExecResult;
  let piped: ExecResult;
  let quiet: ExecResult;

  beforeAll(async () => {
    [colour, noColor, ci, piped, quiet] = await Promise.all([
      underTerminal(['build', page, '-o', path.join(dir, 'a')], terminalEnv()),
      underTerminal(['build', page, '-o', path.join(dir, 'b')], terminalEnv({ NO_COLOR: '1' })),
      underTerminal(['build', page, '-o', path.join(dir, 'c')], terminalEnv({ CI: 'true' })),
      run(process.execPath, [BIN, 'build', page, '-o', path.join(dir, 'd')], { env: terminalEnv() }),
      underTerminal(['build', page, '-o', path.join(dir, 'e'), '--quiet'], terminalEnv()),
    ]);
  }, 300_000);

  it('shows phase and elapsed time on a terminal, then erases itself before the warnings and the files written', () => {
    expect(colour.code, colour.stdout).toBe(0);
    const out = colour.stdout;
    const frames = stripAnsi(out).split(/\r?\n|\r/).filter((l) => FRAME.test(l));
    expect(frames.length, out).toBeGreaterThan(0);
    expect(frames.some((f) => f.includes('Names in many tongues')), frames.join('\n')).toBe(true);
    // Everything after the last erase is the build's own output, on clean lines.
    const after = out.slice(out.lastIndexOf(ERASE_LINE) + ERASE_LINE.length);
    const lines = stripAnsi(after).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    expect(lines.some((l) => FRAME.test(l)), lines.join('\n')).toBe(false);
    expect(lines.filter((l) => l.includes('warning: 6 × read.lang.invalid'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('wrote '))).toHaveLength(3);
    // The cursor hidden while the line is drawn is shown again.
    expect(out.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(out.lastIndexOf(HIDE_CURSOR));
    expect(out).toMatch(SGR);
  });

  it('uses no colour with NO_COLOR, and still shows the line', () => {
    expect(noColor.code, noColor.stdout).toBe(0);
    expect(noColor.stdout.split(/\r?\n|\r/).some((l) => FRAME.test(stripAnsi(l)))).toBe(true);
    expect(noColor.stdout).not.toMatch(SGR);
  });

  it('shows nothing with CI set', () => {
    expect(ci.code, ci.stdout).toBe(0);
    const lines = ci.stdout.split(/\r?\n/).filter((l) => l.trim() !== '');
    expect(ci.stdout).not.toContain(HIDE_CURSOR);
    expect(ci.stdout).not.toMatch(SGR);
    expect(lines.filter((l) => !l.startsWith('wrote ')).map((l) => l.includes('warning: 6 × read.lang.invalid'))).toEqual([true]);
  });

  it('shows nothing but the warnings with --quiet, on a terminal too', () => {
    expect(quiet.code, quiet.stdout).toBe(0);
    expect(quiet.stdout).not.toContain(HIDE_CURSOR);
    const lines = stripAnsi(quiet.stdout).split(/\r?\n/).filter((l) => l.trim() !== '');
    expect(lines.map((l) => l.includes('warning: 6 × read.lang.invalid'))).toEqual([true]);
  });

  it('writes only the summarised warnings to stderr when it is not a terminal', () => {
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^.*page\.html: warning: 6 × read\.lang\.invalid, e\.g\. .* \(--verbose lists them all\)$/)]);
    expect(piped.stdout.trimEnd().split('\n').map((l) => l.replace(/ .*/, ''))).toEqual(['wrote', 'wrote', 'wrote']);
  });
});
