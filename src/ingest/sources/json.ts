import { InputError, errorMessage } from '../../errors.js';
import { ident, literal } from '../../db/sql.js';
import type { Workspace } from '../../db/workspace.js';
import { hashFile } from '../prepare.js';
import { readHead } from './delimited.js';
import { describe, sampleRows } from './parquet.js';
import type { Source, SourceOptions } from '../source.js';

const LINE_COLUMN = '__json';

/**
 * JSON: either one array of objects (read by DuckDB; rejects point at the record number) or newline-delimited
 * objects (NDJSON), read line by line so that a malformed line is rejected with its line number.
 */
export async function openJson(
  ws: Workspace,
  file: string,
  size: number,
  options: SourceOptions,
): Promise<Source> {
  const { head, complete } = readHead(file);
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === '[') return openArray(ws, file, size, options);
  if (first !== '{') {
    throw new InputError(
      `${file} is not JSON: it should start with [ (an array of objects) or { (one object per line).`,
    );
  }
  const { hash, bytes } = await hashFile(file, (b) => options.onBytes?.(b, size));
  const lines = text.split(/\r?\n/);
  if (!complete) lines.pop();
  const keys: string[] = [];
  const objects: Record<string, unknown>[] = [];
  for (const line of lines.slice(0, 1000)) {
    if (line.trim() === '') continue;
    try {
      const obj = JSON.parse(line) as unknown;
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
        objects.push(obj as Record<string, unknown>);
        for (const k of Object.keys(obj)) if (!keys.includes(k)) keys.push(k);
      }
    } catch {
      // a malformed line in the sample is rejected later with its line number
    }
  }
  if (keys.length === 0) throw new InputError(`${file}: no JSON objects found in the first lines.`);
  const lineScan =
    `read_csv(${literal(file)}, columns = {${literal(LINE_COLUMN)}: 'VARCHAR'}, delim = chr(1), quote = '', ` +
    `escape = '', header = false, auto_detect = false, max_line_size = 16777216)`;
  const fields = keys
    .map(
      (k) =>
        `CASE WHEN json_valid(${ident(LINE_COLUMN)}) THEN json_extract_string(${ident(LINE_COLUMN)}, ${literal(`$."${k.replaceAll('"', '\\"')}"`)}) END AS ${ident(k)}`,
    )
    .join(', ');
  return {
    file,
    format: 'ndjson',
    hash: () => Promise.resolve(hash),
    bytes,
    encoding: 'utf-8',
    delimiter: null,
    headerLine: null,
    relation: `(SELECT CASE WHEN json_valid(${ident(LINE_COLUMN)}) AND starts_with(ltrim(${ident(LINE_COLUMN)}), '{') THEN NULL ELSE 'bad_json' END AS __invalid, ${ident(LINE_COLUMN)} AS __raw, ${fields} FROM ${lineScan} WHERE trim(coalesce(${ident(LINE_COLUMN)}, '')) <> '')`,
    columns: keys.map((name) => ({ name, type: 'VARCHAR' })),
    sample: objects.slice(0, 300).map((o) => keys.map((k) => jsonText(o[k]))),
    lineMap: {
      kind: 'scan',
      path: file,
      options: { delimiter: null, quote: null, firstDataLine: 1, expectedFields: null },
    },
    readerRejects: false,
    lineLabel: 'line',
    invalidColumn: '__invalid',
    rawColumn: '__raw',
    warnings: [],
    cleanup: () => undefined,
  };
}

async function openArray(ws: Workspace, file: string, size: number, options: SourceOptions): Promise<Source> {
  const { hash, bytes } = await hashFile(file, (b) => options.onBytes?.(b, size));
  const scan = `read_json(${literal(file)}, format = 'array', records = true)`;
  let columns;
  try {
    columns = await describe(ws, `SELECT * FROM ${scan}`);
  } catch (error) {
    throw new InputError(
      `${file} could not be read as JSON: ${(errorMessage(error).split('\n')[0] ?? '').trim()}`,
    );
  }
  return {
    file,
    format: 'json',
    hash: () => Promise.resolve(hash),
    bytes,
    encoding: 'utf-8',
    delimiter: null,
    headerLine: null,
    relation: scan,
    columns,
    sample: await sampleRows(ws, `SELECT * FROM ${scan}`, columns),
    lineMap: { kind: 'ordinal', offset: 1 },
    readerRejects: false,
    lineLabel: 'record',
    warnings: [],
    cleanup: () => undefined,
  };
}

function jsonText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
