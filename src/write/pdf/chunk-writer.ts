/**
 * pdfkit's output gathered into large chunks.
 *
 * Why: pdfkit writes a file as many tiny pieces (an object header, its dictionary, `stream`,
 * `endobj`: five writes per object, tens of thousands of objects in a book), converts each string
 * to bytes with a loop in JavaScript, and pushes each piece through its Readable as a chunk of its
 * own. Copying the pieces into one buffer with the native Latin-1 encoder (the same bytes: both keep
 * the low byte of each UTF-16 unit) and pushing 64 KiB at a time does the same work in far less
 * time and garbage. Large byte arrays (images, fonts, compressed streams) pass through uncopied.
 */

/** Size of the chunks handed on; a piece this large or larger is handed on as it is. */
const CHUNK = 64 * 1024;

export class ChunkWriter {
  private buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  /** `emit` receives the chunks in order; it may keep them (each chunk is a fresh buffer). */
  constructor(private readonly emit: (chunk: Buffer) => void) {}

  /** Writes `text` (one byte per UTF-16 unit, as pdfkit's strings are) and a newline; returns the bytes written. */
  line(text: string): number {
    const n = text.length + 1;
    if (this.used + n > CHUNK) {
      this.flush();
      if (n > CHUNK) {
        this.emit(Buffer.from(`${text}\n`, 'latin1'));
        return n;
      }
    }
    this.used += this.buffer.write(text, this.used, 'latin1');
    this.buffer[this.used++] = 0x0a;
    return n;
  }

  /** Writes bytes as they are; returns their length. */
  bytes(data: Uint8Array): number {
    const n = data.length;
    if (n >= CHUNK / 2) {
      this.flush();
      this.emit(Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, n));
      return n;
    }
    if (this.used + n > CHUNK) this.flush();
    this.buffer.set(data, this.used);
    this.used += n;
    return n;
  }

  /** Hands on what is buffered. */
  flush(): void {
    if (this.used === 0) return;
    this.emit(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }
}
