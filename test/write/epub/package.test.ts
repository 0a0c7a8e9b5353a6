/**
 * Why package.ts hands epub-gen-memory finished documents instead of HTML to clean up: its clean-up
 * loses what accessibility needs. This test keeps the evidence, and fails if a new version fixes it.
 */
import { EPub } from 'epub-gen-memory';
import { describe, expect, it } from 'vitest';

class Probe extends EPub {
  chapters(): string[] {
    return this.content.map((c) => c.content);
  }
}

describe('epub-gen-memory 1.1.2 HTML clean-up', () => {
  it('strips scope, datetime, start and cite, and rewrites alt=""', () => {
    const html = '<table><tr><th scope="col">H</th></tr></table><time datetime="2025-01-01">1 Jan</time><ol start="3"><li>x</li></ol><q cite="https://a.example">q</q><img src="file:///x.png" alt=""/>';
    const [out] = new Probe({ title: 't', verbose: false }, [{ content: html }]).chapters();
    expect(out).not.toContain('scope=');
    expect(out).not.toContain('datetime=');
    expect(out).not.toContain('start=');
    expect(out).not.toContain('cite=');
    expect(out).toContain('alt="image-placeholder"');
    // …and the image is renamed to a random UUID, to be fetched from the file system at build time.
    expect(out).toMatch(/src="images\/[0-9a-f-]{36}\.png"/);
  });
});
