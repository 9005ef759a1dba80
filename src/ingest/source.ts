import type { Encoding } from './encoding.js';
import type { ScanOptions } from './record-scanner.js';
import type { Decimal } from './date-decimal.js';

/** A row the source reader itself rejected before SQL saw it (e.g. an Excel row wider than the table). */
export interface PreRejected {
  line: number;
  reason: string;
  message: string;
  raw: string;
}

export const FORMATS = ['csv', 'xlsx', 'parquet', 'json', 'ndjson', 'clickhouse'] as const;
export type Format = (typeof FORMATS)[number];

export interface SourceColumn {
  name: string;
  /** DuckDB type of the column in `relation` (VARCHAR for text formats). */
  type: string;
}

/** How to find the source line of the n-th row (0-based `ordinal`) of `relation`. */
export type LineMap =
  | { kind: 'column'; column: string }
  | { kind: 'ordinal'; offset: number }
  | { kind: 'scan'; path: string; options: ScanOptions };

/** A user file opened for loading: a SQL relation over its rows plus what is known about it. */
export interface Source {
  file: string;
  format: Format;
  /**
   * SHA-256 of the file's bytes, in hex, to recognise content loaded before. A function: for a text file read
   * as it is, hashing starts on the first call and runs while the rows load (see prepareText).
   */
  hash: () => Promise<string>;
  bytes: number;
  encoding: Encoding | null;
  delimiter: string | null;
  headerLine: number | null;
  /** A SQL table expression yielding `columns` (and the line column, if any), in file order. */
  relation: string;
  columns: SourceColumn[];
  /** Up to a few hundred data rows as text, aligned with `columns`, for format detection. */
  sample: string[][];
  lineMap: LineMap;
  /** Whether `relation` records reader-level rejects (wrong field count) in DuckDB's reject tables. */
  readerRejects: boolean;
  preRejected?: PreRejected[];
  /** A column of `relation` that holds a reason code when the reader found the row malformed (NDJSON). */
  invalidColumn?: string;
  /** A column of `relation` holding the row's original text; otherwise it is rebuilt from the fields. */
  rawColumn?: string;
  /** Decimal separator the reader already knows (Excel writes numbers itself). */
  decimal?: Decimal;
  /**
   * What a line number means for this format, for messages: 'line' or 'row' or 'record'; 'value' for a linked
   * table, whose lines have no numbers (the number is the line's place in the transfer; its values name it).
   */
  lineLabel: 'line' | 'row' | 'record' | 'value';
  warnings: string[];
  cleanup: () => void;
}

export interface SourceOptions {
  encoding?: Encoding;
  delimiter?: string;
  sheet?: string;
  tmpDir: string;
  onBytes?: (bytes: number, total: number) => void;
}

/** DuckDB temp tables that collect reader-level rejects of a CSV scan. */
export const REJECT_ERRORS_TABLE = 'cl_reader_errors';
export const REJECT_SCANS_TABLE = 'cl_reader_scans';
