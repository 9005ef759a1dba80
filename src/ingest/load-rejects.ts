import type { Plain } from '../db/values.js';
import type { Workspace } from '../db/workspace.js';
import { scanRecords } from './record-scanner.js';
import { REJECT_ERRORS_TABLE, type Source } from './source.js';

/** The load's rejected rows, collected before the commit and copied into `rejects` by it. */
export const LOAD_REJECTS = 'cl_load_rejects';

/** Stores the load's rejected rows with their source line numbers; returns how many the reader itself rejected. */
export async function insertRejects(
  ws: Workspace,
  stage: string,
  source: Source,
  loadId: number,
  warnings: string[],
): Promise<number> {
  const sqlRejects = Number(await ws.scalar(`SELECT count(*) FROM ${stage} WHERE reason IS NOT NULL`));
  const readerRows = source.readerRejects
    ? await ws.all<{ line: number; csv_line: string; error_message: string }>(
        `SELECT min(line) AS line, any_value(csv_line) AS csv_line, any_value(error_message) AS error_message
         FROM ${REJECT_ERRORS_TABLE} GROUP BY scan_id, line ORDER BY line`,
      )
    : [];
  const pre = source.preRejected ?? [];
  await insertValues(
    ws,
    pre.map((r) => [loadId, r.line, r.reason, r.message, null, r.raw]),
  );
  if (sqlRejects === 0 && readerRows.length === 0) return pre.length;

  const rejected = `(SELECT *, rowid AS ordinal_ FROM ${stage} WHERE reason IS NOT NULL)`;
  let from = rejected;
  let line: string;
  const lineMap = source.lineMap;
  if (lineMap.kind === 'scan') {
    // DuckDB returns rows in file order but not their lines: walk the file once to map ordinals to lines.
    const scan = await scanRecords(lineMap.path, lineMap.options);
    const staged = Number(await ws.scalar(`SELECT count(*) FROM ${stage}`));
    const consistent = scan.goodRecords === staged && scan.badRecords.length === readerRows.length;
    if (!consistent) {
      warnings.push(
        'The file has irregular quoting; the line numbers given for rejected rows may be off by a few lines.',
      );
    }
    await ws.run(`CREATE OR REPLACE TEMP TABLE cl_breaks (ordinal BIGINT, line_offset BIGINT)`);
    for (let i = 0; i < scan.breakpoints.length; i += 1000) {
      const chunk = scan.breakpoints.slice(i, i + 1000);
      await ws.run(
        `INSERT INTO cl_breaks VALUES ${chunk.map((b) => `(${b.ordinal}, ${b.offset})`).join(', ')}`,
      );
    }
    from = `${rejected} r ASOF LEFT JOIN cl_breaks b ON r.ordinal_ >= b.ordinal`;
    line = `coalesce(r.ordinal_ + b.line_offset, r.ordinal_ + ${lineMap.options.firstDataLine})`;
    if (consistent) {
      await insertValues(
        ws,
        scan.badRecords.map((r) => [
          loadId,
          r.line,
          'field_count',
          `expected ${source.columns.length} fields, found ${r.fields}`,
          null,
          r.raw,
        ]),
      );
    } else await insertReaderRows(ws, loadId, readerRows);
  } else {
    await insertReaderRows(ws, loadId, readerRows);
    line = lineMap.kind === 'column' ? 'src_line' : `ordinal_ + ${lineMap.offset}`;
  }
  if (sqlRejects > 0) {
    await ws.run(
      `INSERT INTO ${LOAD_REJECTS} SELECT $1, ${line}, reason, message, "column", raw FROM ${from}`,
      [loadId],
    );
  }
  return readerRows.length + pre.length;
}

async function insertReaderRows(
  ws: Workspace,
  loadId: number,
  rows: { line: number; csv_line: string; error_message: string }[],
): Promise<void> {
  await insertValues(
    ws,
    rows.map((r) => [
      loadId,
      r.line,
      'reader_error',
      (r.error_message.split('\n')[0] ?? '').slice(0, 300),
      null,
      r.csv_line.replace(/^\r?\n/, ''),
    ]),
  );
}

async function insertValues(ws: Workspace, rows: Plain[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const params = chunk.flat() as (string | number | null)[];
    const tuples = chunk.map((_, r) => `(${[1, 2, 3, 4, 5, 6].map((c) => `$${r * 6 + c}`).join(', ')})`);
    await ws.run(`INSERT INTO ${LOAD_REJECTS} VALUES ${tuples.join(', ')}`, params);
  }
}
