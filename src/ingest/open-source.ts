import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import type { Workspace } from '../db/workspace.js';
import type { Decimal } from './date-decimal.js';
import type { Source, SourceOptions } from './source.js';
import { openDelimited } from './sources/delimited.js';
import { openXlsx } from './sources/xlsx.js';
import { openParquet } from './sources/parquet.js';
import { openJson } from './sources/json.js';

/** Checks the path and opens it with the reader its content calls for (the extension is only a hint). */
export async function openSource(
  ws: Workspace,
  file: string,
  options: SourceOptions & { decimal?: Decimal },
): Promise<Source> {
  const size = checkReadable(file);
  const magic = readMagic(file);
  const ext = extname(file).toLowerCase();
  if (magic.startsWith('504b0304')) {
    if (ext === '.xlsx' || ext === '.xlsm' || ext === '') return openXlsx(file, size, options);
    throw new InputError(
      `${file} is a ZIP archive. Clientele reads .xlsx workbooks; unpack other archives first.`,
    );
  }
  if (magic.startsWith('d0cf11e0')) {
    throw new InputError(
      `${file} is an old Excel .xls workbook. Save it as .xlsx or CSV and load that file.`,
    );
  }
  if (magic.startsWith('50415231')) return openParquet(ws, file, size, options);
  if (ext === '.parquet') throw new InputError(`${file} has a .parquet name but is not a Parquet file.`);
  if (ext === '.xlsx') throw new InputError(`${file} has an .xlsx name but is not an Excel workbook.`);
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return openJson(ws, file, size, options);
  return openDelimited(file, size, options);
}

function checkReadable(file: string): number {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `Cannot read ${file}: there is no such file.`
        : code === 'EACCES'
          ? `Cannot read ${file}: permission denied.`
          : `Cannot read ${file} (${code ?? 'unknown error'}).`,
    );
  }
  if (stat.isDirectory()) throw new InputError(`${file} is a folder, not a file.`);
  if (stat.size === 0) throw new InputError(`${file} is empty: there is nothing to load.`);
  try {
    closeSync(openSync(file, 'r'));
  } catch {
    throw new InputError(`Cannot read ${file}: permission denied.`);
  }
  return stat.size;
}

function readMagic(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(8);
    const n = readSync(fd, buf, 0, 8, 0);
    return buf.subarray(0, n).toString('hex');
  } finally {
    closeSync(fd);
  }
}
