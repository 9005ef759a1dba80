import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Bytes the stream may hold before `write` waits, so the disk works while the generator goes on. */
const HIGH_WATER = 1 << 25;

/** A file written in chunks, waiting for the stream to drain when the disk falls behind (bounded memory). */
export class FileWriter {
  private failure: Error | undefined;

  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => {
      this.failure = error;
    });
  }

  static async open(path: string): Promise<FileWriter> {
    const stream = createWriteStream(path, { highWaterMark: HIGH_WATER });
    await once(stream, 'open');
    return new FileWriter(path, stream);
  }

  async write(chunks: readonly Uint8Array[]): Promise<void> {
    if (this.failure) throw this.failure;
    let ready = true;
    for (const chunk of chunks) ready = this.stream.write(chunk);
    if (!ready) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'close');
    if (this.failure) throw this.failure;
  }

  /** Stops writing after a failure elsewhere, without waiting for pending data. */
  destroy(): void {
    this.stream.destroy();
  }
}
