/**
 * The shared-string table of a workbook, kept as UTF-8 bytes in large blocks outside the
 * JavaScript heap. An ePing bulk export holds about 1.7 million shared strings and 125 million
 * characters; as separate JavaScript strings (many of them slices pinning the XML text they
 * were cut from) they cost several times their size and keep the garbage collector busy.
 */
const BLOCK_BYTES = 16 * 1024 * 1024;

export class SharedStrings {
  private readonly blocks: Buffer[] = [];
  private used = BLOCK_BYTES;
  /** Per string: block index, byte offset, byte length. */
  private refs = new Uint32Array(3 * 4096);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.used + bytes > BLOCK_BYTES || this.blocks.length === 0) {
      this.blocks.push(Buffer.allocUnsafe(Math.max(BLOCK_BYTES, bytes)));
      this.used = 0;
    }
    const block = this.blocks.length - 1;
    this.blocks[block]!.write(text, this.used, bytes, 'utf8');
    if (3 * (this.count + 1) > this.refs.length) {
      const grown = new Uint32Array(this.refs.length * 2);
      grown.set(this.refs);
      this.refs = grown;
    }
    this.refs[3 * this.count] = block;
    this.refs[3 * this.count + 1] = this.used;
    this.refs[3 * this.count + 2] = bytes;
    this.used += bytes;
    this.count++;
  }

  /** The string at a 0-based index, or undefined when the workbook has no such string. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const start = this.refs[3 * index + 1]!;
    return this.blocks[this.refs[3 * index]!]!.toString('utf8', start, start + this.refs[3 * index + 2]!);
  }
}
