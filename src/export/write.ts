import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { JSDuckDBValueConverter, type DuckDBValue } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { ident, literal } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import { toPlain } from '../db/values.js';

/** Dates stay dates (Excel shows them as dates), big integers become numbers, the rest as plain values. */
function xlsxCell(value: unknown): unknown {
  if (value instanceof Date) return value;
  const v = toPlain(value);
  return Array.isArray(v) || (v !== null && typeof v === 'object') ? JSON.stringify(v) : v;
}

export const OUTPUT_FORMATS = ['csv', 'xlsx', 'parquet', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Excel's sheet limit is 1,048,576 rows including the header. */
export const XLSX_MAX_ROWS = 1_048_575;

export function outputFormat(path: string): OutputFormat {
  const ext = extname(path).slice(1).toLowerCase();
  if ((OUTPUT_FORMATS as readonly string[]).includes(ext)) return ext as OutputFormat;
  throw new InputError(`Cannot write ${path}: the file name must end in .csv, .xlsx, .parquet or .json.`);
}

/**
 * Text a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a leading
 * apostrophe in CSV and XLSX exports (OWASP "CSV injection"). Numbers are left alone.
 */
export function neutralizeSql(column: string): string {
  const c = ident(column);
  return `CASE WHEN left(${c}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${c} ELSE ${c} END`;
}

export function neutralizeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface WriteResult {
  path: string;
  format: OutputFormat;
  rows: number;
  bytes: number;
}

/**
 * Writes the result of `sql` to `path` (format from the extension) through a temporary file that is renamed
 * at the end, so a failed export never leaves a half-written file. CSV, Parquet and JSON are written by DuckDB;
 * XLSX is streamed through exceljs.
 */
export async function writeQuery(
  ws: Workspace,
  sql: string,
  params: readonly DuckDBValue[],
  path: string,
): Promise<WriteResult> {
  const format = outputFormat(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    statSync(dirname(path));
  } catch {
    throw new InputError(`Cannot write ${path}: the folder ${dirname(path)} does not exist.`);
  }
  const columns = await ws.all<{ column_name: string; column_type: string }>(`DESCRIBE (${sql})`, params);
  const safe = columns
    .map((c) =>
      c.column_type === 'VARCHAR' && (format === 'csv' || format === 'xlsx')
        ? `${neutralizeSql(c.column_name)} AS ${ident(c.column_name)}`
        : ident(c.column_name),
    )
    .join(', ');
  const query = `SELECT ${safe} FROM (${sql})`;
  let rows: number;
  try {
    if (format === 'xlsx') rows = await writeXlsx(ws, query, params, tmp);
    else {
      const options =
        format === 'csv'
          ? `FORMAT csv, HEADER true`
          : format === 'parquet'
            ? `FORMAT parquet, COMPRESSION zstd`
            : `FORMAT json, ARRAY true`;
      const result = await ws.all<{ Count: number }>(
        `COPY (${query}) TO ${literal(tmp)} (${options})`,
        params,
      );
      rows = Number(result[0]?.Count ?? 0);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return { path, format, rows, bytes: statSync(path).size };
}

async function writeXlsx(
  ws: Workspace,
  query: string,
  params: readonly DuckDBValue[],
  path: string,
): Promise<number> {
  const count = Number(await ws.scalar(`SELECT count(*) FROM (${query})`, params));
  if (count > XLSX_MAX_ROWS) {
    throw new InputError(
      `The table has ${count.toLocaleString('en')} rows, more than an Excel sheet holds (${XLSX_MAX_ROWS.toLocaleString('en')}). Export to .csv or .parquet instead.`,
    );
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('data');
  const result = await ws.connection.stream(query, params as DuckDBValue[]);
  const names = result.columnNames();
  sheet.columns = names.map((n) => ({ header: n, key: n, width: Math.max(10, Math.min(40, n.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const values of chunk.convertRows(JSDuckDBValueConverter)) {
      sheet.addRow(values.map(xlsxCell)).commit();
      rows++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}
