/**
 * The PDF's bytes as they leave pdfkit, copied into blocks of 1 MiB. Measured before
 * chunk-writer.ts gathered pdfkit's output: one small Buffer per token (`endobj`, a dictionary, a
 * stream), some 150,000 for a 300-article book, whose headers took about six times the 9 MiB they
 * carry. Since then the chunks are 64 KiB, but each large stream (an image, a font) still arrives
 * as the array pdfkit made it in; the copy lets those go as soon as they are written.
 */
const BLOCK = 1 << 20;

export class ByteBlocks {
  private readonly blocks: Uint8Array[] = [];
  private block = new Uint8Array(BLOCK);
  private used = 0;
  private total = 0;

  write(chunk: Uint8Array): void {
    let from = 0;
    while (from < chunk.length) {
      if (this.used === this.block.length) {
        this.blocks.push(this.block);
        this.block = new Uint8Array(BLOCK);
        this.used = 0;
      }
      const n = Math.min(chunk.length - from, this.block.length - this.used);
      this.block.set(chunk.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
    }
    this.total += chunk.length;
  }

  /** Everything written, in one array; the blocks are let go. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const b of [...this.blocks.splice(0), this.block.subarray(0, this.used)]) {
      out.set(b, at);
      at += b.length;
    }
    this.block = new Uint8Array(0);
    this.used = 0;
    return out;
  }
}
