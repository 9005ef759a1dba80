import { createReadStream } from 'node:fs';

/**
 * Walks a delimited text file byte by byte, with the same record rules as DuckDB's CSV reader (a quote opens a
 * quoted field only at the start of a field; blank lines are skipped; CR LF or LF ends a record), and tells
 * where every record starts. It is run only when a load has rejected rows, to give each of them its exact
 * source line: DuckDB returns records in file order but without their line numbers.
 */
export interface ScanOptions {
  /** Delimiter byte; null when each line is one record (NDJSON). */
  delimiter: number | null;
  /** Quote byte; null when the format has no quoting. */
  quote: number | null;
  /** 1-based line where data records begin (the line after the header). */
  firstDataLine: number;
  /** Records with another field count are rejected by the reader; null disables the check. */
  expectedFields: number | null;
  /** Keep at most this many bytes of a bad record's text. */
  maxRawBytes?: number;
}

export interface BadRecord {
  line: number;
  fields: number;
  raw: string;
}

export interface ScanResult {
  /** Records with the expected field count, in order: the reader's output rows. */
  goodRecords: number;
  badRecords: BadRecord[];
  /** Piecewise map: from `ordinal` (0-based among good records) on, line = ordinal + offset. */
  breakpoints: { ordinal: number; offset: number }[];
}

export async function scanRecords(path: string, options: ScanOptions): Promise<ScanResult> {
  const { delimiter, quote, firstDataLine, expectedFields } = options;
  const maxRaw = options.maxRawBytes ?? 2000;
  const badRecords: BadRecord[] = [];
  const breakpoints: { ordinal: number; offset: number }[] = [];
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let inQuotes = false;
  let quotePending = false;
  let atFieldStart = true;
  let empty = true;
  let good = 0;
  let lastOffset = Number.NaN;
  let raw: number[] = [];

  const endRecord = (): void => {
    if (recordLine >= firstDataLine && !empty) {
      if (expectedFields !== null && fields !== expectedFields) {
        badRecords.push({ line: recordLine, fields, raw: Buffer.from(raw).toString('utf8') });
      } else {
        const offset = recordLine - good;
        if (offset !== lastOffset) {
          breakpoints.push({ ordinal: good, offset });
          lastOffset = offset;
        }
        good++;
      }
    }
    fields = 1;
    atFieldStart = true;
    empty = true;
    raw = [];
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (quotePending) {
        quotePending = false;
        if (b === quote) {
          if (raw.length < maxRaw) raw.push(b);
          continue;
        }
        inQuotes = false;
      }
      if (inQuotes) {
        if (b === quote) quotePending = true;
        else if (b === 10) line++;
        if (raw.length < maxRaw) raw.push(b);
        continue;
      }
      if (b === 10) {
        endRecord();
        line++;
        recordLine = line;
        continue;
      }
      if (b === 13) continue;
      if (empty) recordLine = line;
      empty = false;
      if (raw.length < maxRaw) raw.push(b);
      if (b === delimiter) {
        fields++;
        atFieldStart = true;
      } else if (b === quote && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
      } else atFieldStart = false;
    }
  }
  endRecord();
  return { goodRecords: good, badRecords, breakpoints };
}
