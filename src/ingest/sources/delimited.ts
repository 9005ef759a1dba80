import { openSync, readSync, closeSync } from 'node:fs';
import { field, InputError } from '../../errors.js';
import { charLiteral, literal } from '../../db/sql.js';
import { decodeSample, detectEncoding, type Encoding } from '../encoding.js';
import { prepareText } from '../prepare.js';
import { sniffDialect, type Dialect } from '../sniff.js';
import { REJECT_ERRORS_TABLE, REJECT_SCANS_TABLE, type Source, type SourceOptions } from '../source.js';

const SAMPLE_BYTES = 1 << 20;

export function readHead(path: string, bytes = SAMPLE_BYTES): { head: Buffer; complete: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return { head: buf.subarray(0, n), complete: n < bytes };
  } finally {
    closeSync(fd);
  }
}

/** CSV, TSV, semicolon- or whitespace-separated text in UTF-8, UTF-16 or Windows-1251. */
export async function openDelimited(file: string, size: number, options: SourceOptions): Promise<Source> {
  const { head, complete } = readHead(file);
  const guess = options.encoding
    ? { encoding: options.encoding, bom: bomLength(head, options.encoding) }
    : detectEncoding(head);
  if (!guess) {
    throw new InputError(
      `${file} does not look like a text table: it contains binary data. Clientele reads CSV/TSV text, .xlsx, .parquet and .json files.`,
    );
  }
  const text = decodeSample(head, guess);
  const dialect = sniffDialect(text, complete, options.delimiter);
  if (!dialect) {
    throw new InputError(
      `${file}: could not find columns in the first lines of the file (tried ; tab , | and spaces as separators). ` +
        `If the file is a table, pass ${field('delimiter')}.`,
    );
  }
  const prepared = await prepareText(file, {
    encoding: guess.encoding,
    bom: guess.bom,
    whitespace: dialect.delimiter === 'whitespace',
    tmpDir: options.tmpDir,
    onBytes: (b) => options.onBytes?.(b, size),
  });
  const warnings: string[] = [];
  if (prepared.invalidSequences > 0) {
    warnings.push(
      `${prepared.invalidSequences} byte sequence(s) were not valid ${guess.encoding} and were replaced by �; pass ${field('encoding')} if the file uses another encoding.`,
    );
  }
  const delimiter = dialect.delimiter === 'whitespace' ? '\t' : dialect.delimiter;
  return {
    file,
    format: 'csv',
    hash: prepared.hash,
    bytes: prepared.bytes,
    encoding: guess.encoding,
    delimiter: dialect.delimiter,
    headerLine: dialect.headerLine,
    relation: readCsvSql(prepared.path, dialect, delimiter),
    columns: dialect.columns.map((name) => ({ name, type: 'VARCHAR' })),
    sample: dialect.sample,
    lineMap: {
      kind: 'scan',
      path: prepared.path,
      options: {
        delimiter: delimiter.charCodeAt(0),
        quote: dialect.quote ? dialect.quote.charCodeAt(0) : null,
        firstDataLine: dialect.headerLine === null ? dialect.firstDataLine : dialect.headerLine + 1,
        expectedFields: dialect.columns.length,
      },
    },
    readerRejects: true,
    lineLabel: 'line',
    warnings,
    cleanup: prepared.cleanup,
  };
}

function bomLength(head: Buffer, encoding: Encoding): number {
  if (encoding === 'utf-8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && head[0] === 0xff && head[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && head[0] === 0xfe && head[1] === 0xff) return 2;
  return 0;
}

/** DuckDB's CSV reader with every option fixed (no auto-detection), all columns as text, bad rows kept aside. */
export function readCsvSql(path: string, dialect: Dialect, delimiter: string): string {
  const columns = `{${dialect.columns.map((c) => `${literal(c)}: 'VARCHAR'`).join(', ')}}`;
  const skip = (dialect.headerLine ?? dialect.firstDataLine) - 1;
  const quote = dialect.quote ? charLiteral(dialect.quote) : `''`;
  return (
    `read_csv(${literal(path)}, delim = ${charLiteral(delimiter)}, quote = ${quote}, escape = ${quote}, ` +
    `header = ${dialect.headerLine !== null}, skip = ${skip}, auto_detect = false, columns = ${columns}, ` +
    `store_rejects = true, rejects_table = ${literal(REJECT_ERRORS_TABLE)}, rejects_scan = ${literal(REJECT_SCANS_TABLE)}, ` +
    `max_line_size = 8388608)`
  );
}
