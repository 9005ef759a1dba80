import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { ident, literal } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import { errorMessage, InputError } from '../errors.js';

/** A column of a file read into a temp table, with its DuckDB type. */
export interface FileColumn {
  name: string;
  type: string;
}

/**
 * Reads a CSV (DuckDB's `read_csv` with delimiter, quoting, header and types auto-detected), Parquet or JSON
 * file into a temp table and returns its columns. With `text`, every CSV column is read as text, for callers that
 * parse the values themselves.
 */
export async function readTableFile(
  ws: Workspace,
  path: string,
  table: string,
  options: { text?: boolean } = {},
): Promise<FileColumn[]> {
  if (!existsSync(path) || !statSync(path).isFile())
    throw new InputError(`Cannot read ${path}: no such file.`);
  const ext = extname(path.replace(/\.gz$/i, '')).toLowerCase();
  const source =
    ext === '.parquet'
      ? `read_parquet(${literal(path)})`
      : ext === '.json' || ext === '.jsonl' || ext === '.ndjson'
        ? `read_json_auto(${literal(path)})`
        : ext === '.csv' || ext === '.tsv' || ext === '.txt'
          ? `read_csv(${literal(path)}, header = true, auto_detect = true${options.text ? ', all_varchar = true' : ''})`
          : null;
  if (source === null) {
    throw new InputError(`Cannot read ${path}: expected a .csv, .tsv, .txt, .parquet or .json file.`);
  }
  try {
    await ws.run(`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT * FROM ${source}`);
  } catch (error) {
    throw new InputError(`Cannot read ${path}: ${errorMessage(error).split('\n')[0] ?? ''}`);
  }
  const columns = await ws.all<{ column_name: string; column_type: string }>(`DESCRIBE ${ident(table)}`);
  return columns.map((c) => ({ name: c.column_name, type: c.column_type }));
}

/** The file column named `wanted` (exactly, else without regard to case), or an `InputError` listing them. */
export function findColumn(columns: readonly FileColumn[], wanted: string, flag: string): FileColumn {
  const found =
    columns.find((c) => c.name === wanted) ??
    columns.find((c) => c.name.toLowerCase() === wanted.toLowerCase());
  if (found) return found;
  throw new InputError(
    `${flag} ${wanted}: the file has no such column. Its columns: ${columns.map((c) => c.name).join(', ')}.`,
  );
}
