import { InputError, errorMessage } from '../../errors.js';
import { ident, literal } from '../../db/sql.js';
import type { Workspace } from '../../db/workspace.js';
import { hashFile } from '../prepare.js';
import type { Source, SourceColumn, SourceOptions } from '../source.js';

const ROW_COLUMN = '__row';

/** A Parquet file, read by DuckDB with its own types; rejects point at the 1-based row number in the file. */
export async function openParquet(
  ws: Workspace,
  file: string,
  size: number,
  options: SourceOptions,
): Promise<Source> {
  const { hash, bytes } = await hashFile(file, (b) => options.onBytes?.(b, size));
  const scan = `read_parquet(${literal(file)}, file_row_number = true)`;
  let columns: SourceColumn[];
  try {
    columns = await describe(ws, `SELECT * EXCLUDE (file_row_number) FROM ${scan}`);
  } catch (error) {
    throw new InputError(`${file} could not be read as a Parquet file: ${firstLine(errorMessage(error))}`);
  }
  return {
    file,
    format: 'parquet',
    hash: () => Promise.resolve(hash),
    bytes,
    encoding: null,
    delimiter: null,
    headerLine: null,
    relation: `(SELECT *, file_row_number + 1 AS ${ident(ROW_COLUMN)} FROM ${scan})`,
    columns,
    sample: await sampleRows(ws, `SELECT * EXCLUDE (file_row_number) FROM ${scan}`, columns),
    lineMap: { kind: 'column', column: ROW_COLUMN },
    readerRejects: false,
    lineLabel: 'row',
    warnings: [],
    cleanup: () => undefined,
  };
}

export async function describe(ws: Workspace, query: string): Promise<SourceColumn[]> {
  const rows = await ws.all<{ column_name: string; column_type: string }>(`DESCRIBE ${query}`);
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

export async function sampleRows(
  ws: Workspace,
  query: string,
  columns: SourceColumn[],
  n = 300,
): Promise<string[][]> {
  const list = columns.map((c) => `CAST(${ident(c.name)} AS VARCHAR) AS ${ident(c.name)}`).join(', ');
  const rows = await ws.all(`SELECT ${list} FROM (${query}) LIMIT ${n}`);
  return rows.map((r) => columns.map((c) => (r[c.name] === null ? '' : String(r[c.name]))));
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
