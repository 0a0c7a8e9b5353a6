/**
 * The command line's own behaviour, in process: the internal-error path (a bug says so and hides
 * its stack unless --debug), the schema command, and the version.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Terminal } from '../../src/cli/build.runner.js';

function capture(failOnOut = false): Terminal & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out(line) {
      // A terminal that breaks mid-report is an unexpected failure inside broadsheet's own code.
      if (failOnOut) throw new Error('stdout closed');
      outLines.push(line);
    },
    err: (line) => errLines.push(line),
  };
}

describe('broadsheet main', () => {
  it('reports an internal error as a bug with exit status 3, and no stack without --debug', async () => {
    const term = capture(true);
    expect(await main(['--version'], term, {})).toBe(3);
    expect(term.errLines.join('\n')).toMatch(/internal error: stdout closed/);
    expect(term.errLines.join('\n')).toMatch(/This is a bug in broadsheet/);
    expect(term.errLines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('shows the stack of an internal error under --debug', async () => {
    const term = capture(true);
    expect(await main(['--version', '--debug'], term, {})).toBe(3);
    expect(term.errLines.join('\n')).toMatch(/\n\s+at /);
  });

  it('prints the JSON Schema of the model', async () => {
    const term = capture();
    expect(await main(['schema'], term, {})).toBe(0);
    const schema = JSON.parse(term.outLines.join('\n')) as { $schema: string; title: string };
    expect(schema.title).toBe('broadsheet publication');
    expect(schema.$schema).toMatch(/json-schema/);
  });
});
