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
  hash: string;
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

/** Hashes the file and checks it is valid UTF-8; only when it is not (or needs rewriting) makes a UTF-8 copy. */
export async function prepareText(path: string, options: PrepareOptions): Promise<PreparedText> {
  const needsCopy = options.encoding !== 'utf-8' || options.whitespace;
  if (!needsCopy) {
    const { hash, bytes, validUtf8 } = await hashFile(path, options.onBytes);
    if (validUtf8) {
      return { path, hash, bytes, transcoded: false, invalidSequences: 0, cleanup: () => undefined };
    }
    const copy = await transcode(path, options);
    return { ...copy, hash, bytes };
  }
  return transcode(path, options);
}

/**
 * Reads the file once, in chunks into one reused buffer (a fresh buffer per chunk, as a read stream allocates,
 * costs more than reading and validating it), feeding the hash and the UTF-8 check.
 */
export async function hashFile(
  path: string,
  onBytes?: (bytes: number) => void,
): Promise<{ hash: string; bytes: number; validUtf8: boolean }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let valid = true;
  let carry: Buffer = Buffer.alloc(0);
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      bytes += bytesRead;
      onBytes?.(bytes);
      if (valid) {
        const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const cut = completeUtf8Length(data);
        valid = isUtf8(data.subarray(0, cut));
        carry = Buffer.from(data.subarray(cut));
      }
    }
  } finally {
    await handle.close();
  }
  if (carry.length) valid = false;
  return { hash: hash.digest('hex'), bytes, validUtf8: valid };
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
  return { path: out, hash: hash.digest('hex'), bytes, transcoded: true, invalidSequences: invalid, cleanup };
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
