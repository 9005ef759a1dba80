import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Encoding } from './encoding.js';

const CHUNK_BYTES = 1 << 22;

/** A source file ready for DuckDB: UTF-8, and its content hash (of the original bytes) for idempotent loads. */
export interface PreparedText {
  path: string;
  /** SHA-256 of the original bytes, in hex; computed on the first call when no copy had to be written. */
  hash: () => Promise<string>;
  bytes: number;
  /** A temporary UTF-8 copy was written (non-UTF-8 input, or whitespace-separated columns). */
  transcoded: boolean;
  /** Invalid UTF-8 sequences replaced by U+FFFD. */
  invalidSequences: number;
  cleanup: () => void;
}

export interface PrepareOptions {
  encoding: Encoding;
  bom: number;
  /** Columns separated by runs of spaces or tabs: rewrite them as tab-separated. */
  whitespace: boolean;
  tmpDir: string;
  onBytes?: (bytes: number) => void;
}

/**
 * Checks the file is valid UTF-8; only when it is not (or needs rewriting) makes a UTF-8 copy, hashing the
 * original bytes on the way. A file read as it is gets hashed only when its hash is asked for: a load starts
 * that at once and needs the hash only to recognise a file loaded before and at its commit, so the hash is
 * computed while DuckDB reads the rows (it is the costlier of the two passes; a preview never needs it).
 */
export async function prepareText(path: string, options: PrepareOptions): Promise<PreparedText> {
  const needsCopy = options.encoding !== 'utf-8' || options.whitespace;
  if (!needsCopy) {
    const { bytes, validUtf8 } = await checkUtf8(path, options.onBytes);
    if (validUtf8) {
      const hash = lazily(() => sha256File(path));
      return { path, hash, bytes, transcoded: false, invalidSequences: 0, cleanup: () => undefined };
    }
  }
  return transcode(path, options);
}

/** Hash, size and UTF-8 validity of a file, in one read. */
export async function hashFile(
  path: string,
  onBytes?: (bytes: number) => void,
): Promise<{ hash: string; bytes: number; validUtf8: boolean }> {
  const hash = createHash('sha256');
  const utf8 = new Utf8Check();
  const bytes = await eachChunk(path, (chunk, done) => {
    hash.update(chunk);
    utf8.update(chunk);
    onBytes?.(done);
  });
  return { hash: hash.digest('hex'), bytes, validUtf8: utf8.end() };
}

async function checkUtf8(
  path: string,
  onBytes?: (bytes: number) => void,
): Promise<{ bytes: number; validUtf8: boolean }> {
  const utf8 = new Utf8Check();
  const bytes = await eachChunk(path, (chunk, done) => {
    utf8.update(chunk);
    onBytes?.(done);
  });
  return { bytes, validUtf8: utf8.end() };
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await eachChunk(path, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

/** The promise of `fn()`, called the first time it is asked for. */
function lazily<T>(fn: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= fn());
}

/**
 * Reads the file in chunks into one reused buffer (a fresh buffer per chunk, as a read stream allocates, costs
 * more than hashing or validating it); returns the number of bytes read.
 */
async function eachChunk(path: string, each: (chunk: Buffer, bytesSoFar: number) => void): Promise<number> {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const handle = await open(path, 'r');
  let bytes = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return bytes;
      bytes += bytesRead;
      each(buffer.subarray(0, bytesRead), bytes);
    }
  } finally {
    await handle.close();
  }
}

/** UTF-8 validity of a byte stream fed in chunks (a character may straddle two of them). */
class Utf8Check {
  private valid = true;
  private carry: Buffer = Buffer.alloc(0);

  update(chunk: Buffer): void {
    if (!this.valid) return;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeUtf8Length(data);
    this.valid = isUtf8(data.subarray(0, cut));
    this.carry = Buffer.from(data.subarray(cut));
  }

  end(): boolean {
    return this.valid && this.carry.length === 0;
  }
}

/** Length of the prefix of `buf` that ends on a UTF-8 character boundary. */
function completeUtf8Length(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

let tmpCounter = 0;

async function transcode(path: string, options: PrepareOptions): Promise<PreparedText> {
  mkdirSync(options.tmpDir, { recursive: true });
  const out = join(options.tmpDir, `ingest-${process.pid}-${Date.now()}-${tmpCounter++}.txt`);
  const cleanup = (): void => rmSync(out, { force: true });
  const hash = createHash('sha256');
  const writer = createWriteStream(out, { highWaterMark: 1 << 22 });
  const decoder = makeDecoder(options.encoding);
  let bytes = 0;
  let skipBom = options.bom;
  let pending = '';
  let invalid = 0;
  const write = async (text: string): Promise<void> => {
    if (text.length === 0) return;
    if (!writer.write(text)) await once(writer, 'drain');
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      options.onBytes?.(bytes);
      let body = chunk;
      if (skipBom > 0) {
        const cut = Math.min(skipBom, body.length);
        body = body.subarray(cut);
        skipBom -= cut;
      }
      const text = decoder.write(body);
      invalid += countReplacement(text);
      if (!options.whitespace) {
        await write(text);
        continue;
      }
      pending += text;
      const lastNl = pending.lastIndexOf('\n');
      if (lastNl < 0) continue;
      await write(normalizeWhitespaceLines(pending.slice(0, lastNl + 1)));
      pending = pending.slice(lastNl + 1);
    }
    const tail = decoder.end();
    invalid += countReplacement(tail);
    await write(options.whitespace ? normalizeWhitespaceLines(pending + tail) : tail);
    writer.end();
    await once(writer, 'finish');
  } catch (error) {
    writer.destroy();
    cleanup();
    throw error;
  }
  const digest = hash.digest('hex');
  return {
    path: out,
    hash: () => Promise.resolve(digest),
    bytes,
    transcoded: true,
    invalidSequences: invalid,
    cleanup,
  };
}

interface Decoder {
  write(buf: Buffer): string;
  end(): string;
}

function makeDecoder(encoding: Encoding): Decoder {
  if (encoding === 'utf-8') {
    const td = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
    return { write: (b) => td.decode(b, { stream: true }), end: () => td.decode() };
  }
  const d = iconv.getDecoder(encoding);
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}

function countReplacement(text: string): number {
  let n = 0;
  let i = text.indexOf('\uFFFD');
  while (i >= 0) {
    n++;
    i = text.indexOf('\uFFFD', i + 1);
  }
  return n;
}

/** Each line: trimmed, with runs of spaces and tabs turned into one tab. Line breaks are kept as they are. */
function normalizeWhitespaceLines(text: string): string {
  return text
    .replace(/[^\S\r\n]*(\r?\n)[^\S\r\n]*/g, '$1')
    .replace(/^[^\S\r\n]+/, '')
    .replace(/[^\S\r\n]+$/, '')
    .replace(/[ \t]+/g, '\t');
}
