import { DOUBLE, DuckDBDataChunk, INTEGER } from '@duckdb/node-api';
import type { Workspace } from './workspace.js';

/** DuckDB's vector size: the most rows one data chunk holds. */
const CHUNK_ROWS = 2048;

/**
 * Appends columns held in typed arrays to `table` (its columns in order, all of the same length), a data chunk
 * of 2,048 rows at a time — the write counterpart of `readColumns`: results go back to DuckDB in bulk, never
 * one call per value. A Float64Array becomes a DOUBLE column (NaN → NULL), an Int32Array an INTEGER column.
 */
export async function appendColumns(
  ws: Workspace,
  table: string,
  columns: readonly (Float64Array | Int32Array)[],
): Promise<void> {
  const rows = columns[0]?.length ?? 0;
  for (const column of columns) {
    if (column.length !== rows) throw new Error(`appendColumns: columns of ${table} differ in length`);
  }
  const types = columns.map((c) => (c instanceof Float64Array ? DOUBLE : INTEGER));
  const appender = await ws.connection.createAppender(table);
  try {
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const n = Math.min(CHUNK_ROWS, rows - start);
      const chunk = DuckDBDataChunk.create(types, n);
      columns.forEach((column, c) => {
        const vector = chunk.getColumnVector(c);
        for (let i = 0; i < n; i++) {
          const v = column[start + i]!;
          vector.setItem(i, Number.isNaN(v) ? null : v);
        }
        vector.flush();
      });
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
