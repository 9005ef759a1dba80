import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Text encodings the ingest understands. Windows-1251 is what Russian 1C exports use. */
export const ENCODINGS = ['utf-8', 'windows-1251', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface EncodingGuess {
  encoding: Encoding;
  /** Bytes of byte-order mark at the start of the file. */
  bom: number;
}

const ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1251': 'windows-1251',
  cp1251: 'windows-1251',
  win1251: 'windows-1251',
  '1251': 'windows-1251',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
};

export function parseEncoding(name: string): Encoding | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

/**
 * Guesses the encoding from the first bytes: a BOM decides; otherwise valid UTF-8 is UTF-8, and bytes that are
 * not UTF-8 but read as Cyrillic letters in Windows-1251 are Windows-1251. Returns undefined for binary data.
 */
export function detectEncoding(sample: Buffer): EncodingGuess | undefined {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const utf16 = guessUtf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bom: 0 };
  if (looksBinary(sample)) return undefined;
  if (isUtf8(trimIncompleteUtf8(sample))) return { encoding: 'utf-8', bom: 0 };
  return looksLikeCp1251(sample) ? { encoding: 'windows-1251', bom: 0 } : undefined;
}

/** Drops a multi-byte UTF-8 sequence cut off at the end of a buffer, so a sample can be validated. */
export function trimIncompleteUtf8(buf: Buffer): Buffer {
  let i = buf.length - 1;
  let back = 0;
  while (i >= 0 && back < 4 && ((buf[i] ?? 0) & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return buf;
  const lead = buf[i] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > back + 1 ? buf.subarray(0, i) : buf;
}

function looksBinary(sample: Buffer): boolean {
  let control = 0;
  const n = Math.min(sample.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = sample[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.01;
}

function guessUtf16WithoutBom(sample: Buffer): Encoding | undefined {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.4 && evenZero < half * 0.05) return 'utf-16le';
  if (evenZero > half * 0.4 && oddZero < half * 0.05) return 'utf-16be';
  return undefined;
}

function looksLikeCp1251(sample: Buffer): boolean {
  let high = 0;
  let cyrillic = 0;
  for (const b of sample) {
    if (b >= 0x80) {
      high++;
      if (b >= 0xc0 || b === 0xa8 || b === 0xb8 || b === 0xb9 || b === 0xa0) cyrillic++;
    }
  }
  return high > 0 && cyrillic / high > 0.8;
}

/** Decodes a sample for sniffing (never throws; undecodable bytes become U+FFFD). */
export function decodeSample(sample: Buffer, guess: EncodingGuess): string {
  const body = sample.subarray(guess.bom);
  if (guess.encoding === 'utf-8') return new TextDecoder('utf-8').decode(trimIncompleteUtf8(body));
  return iconv.decode(body, guess.encoding);
}
