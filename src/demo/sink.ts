const CHUNK = 1 << 20;
/** Room every small write makes sure of; a chunk boundary may fall inside a line (chunks are only concatenated). */
const SMALL = 64;

const ZERO = 48;
const MINUS = 45;
const DOT = 46;
const NEWLINE = 10;

/**
 * Text assembled byte by byte in 1 MB chunks (each owning its memory, so it can be transferred to another thread), so the hot path of the generator builds almost
 * no strings: ASCII fields, integers and cents go in as bytes directly. `take` hands over the chunks written so
 * far.
 */
export class ByteSink {
  lines = 0;
  private chunk = Buffer.allocUnsafeSlow(CHUNK);
  private at = 0;
  private readonly full: Uint8Array[] = [];

  /** Any text, UTF-8 encoded. */
  text(value: string): this {
    const bytes = Buffer.byteLength(value);
    if (this.at + bytes > CHUNK) this.seal();
    if (bytes > CHUNK) {
      this.full.push(Buffer.from(value));
      return this;
    }
    this.at += this.chunk.write(value, this.at);
    return this;
  }

  /** A short ASCII string (codes below 128) copied without an encoder. */
  ascii(value: string): this {
    if (this.at + value.length > CHUNK) this.seal();
    const chunk = this.chunk;
    let at = this.at;
    for (let i = 0; i < value.length; i++) chunk[at++] = value.charCodeAt(i);
    this.at = at;
    return this;
  }

  char(code: number): this {
    if (this.at >= CHUNK) this.seal();
    this.chunk[this.at++] = code;
    return this;
  }

  /** An integer in decimal, at least `width` digits with leading zeros. */
  int(value: number, width = 1): this {
    if (this.at + SMALL > CHUNK) this.seal();
    const chunk = this.chunk;
    if (value < 0) {
      chunk[this.at++] = MINUS;
      value = -value;
    }
    if (value < 10 && width <= 1) {
      chunk[this.at++] = ZERO + value;
      return this;
    }
    if (value < 100 && width <= 2) {
      const tens = Math.floor(value / 10);
      chunk[this.at++] = ZERO + tens;
      chunk[this.at++] = ZERO + value - tens * 10;
      return this;
    }
    let digits = 1;
    for (let limit = 10; limit <= value; limit *= 10) digits++;
    if (digits < width) digits = width;
    let at = this.at + digits;
    this.at = at;
    for (let i = 0; i < digits; i++) {
      const next = Math.floor(value / 10);
      chunk[--at] = ZERO + value - next * 10;
      value = next;
    }
    return this;
  }

  /** An integer number of cents as `1234.05` / `-0.40`. */
  cents(value: number): this {
    if (value < 0) {
      this.char(MINUS);
      value = -value;
    }
    const whole = Math.floor(value / 100);
    return this.int(whole)
      .char(DOT)
      .int(value - whole * 100, 2);
  }

  /** Makes sure the next `bytes` bytes go to the current chunk, so that `offset` and `repeat` stay valid. */
  reserve(bytes: number): void {
    if (this.at + bytes > CHUNK) this.seal();
  }

  /** Position in the current chunk. */
  get offset(): number {
    return this.at;
  }

  /** Appends again the bytes between two offsets of the current chunk. */
  repeat(from: number, to: number): this {
    if (this.at + to - from > CHUNK) throw new Error('ByteSink.repeat across chunks: reserve more room');
    this.chunk.copyWithin(this.at, from, to);
    this.at += to - from;
    return this;
  }

  /** Ends a line. */
  end(): void {
    this.char(NEWLINE);
    this.lines++;
  }

  /** Bytes written and not yet taken. */
  get size(): number {
    let size = this.at;
    for (const chunk of this.full) size += chunk.byteLength;
    return size;
  }

  /** The bytes written since the last call, as chunks in order. */
  take(): Uint8Array[] {
    this.seal();
    return this.full.splice(0);
  }

  private seal(): void {
    if (this.at === 0) return;
    this.full.push(this.chunk.subarray(0, this.at));
    this.chunk = Buffer.allocUnsafeSlow(CHUNK);
    this.at = 0;
  }
}
