import type { DuckDBValue } from '@duckdb/node-api';
import type { Workspace } from './workspace.js';

/**
 * Reads numeric result columns straight into typed arrays, chunk by chunk, so that millions of customers move
 * into JS as columns and never as row objects (DESIGN.md, "Workspace"). NULL becomes NaN; text columns are
 * returned as string arrays.
 */
export async function readColumns(
  ws: Workspace,
  sql: string,
  params: readonly DuckDBValue[],
  numeric: readonly string[],
  text: readonly string[] = [],
): Promise<{ length: number; numbers: Record<string, Float64Array>; strings: Record<string, string[]> }> {
  const rows = Number(await ws.scalar(`SELECT count(*) FROM (${sql})`, params));
  const numbers: Record<string, Float64Array> = Object.fromEntries(
    numeric.map((c) => [c, new Float64Array(rows)]),
  );
  const strings: Record<string, string[]> = Object.fromEntries(text.map((c) => [c, new Array<string>(rows)]));
  const cols = [...numeric, ...text];
  const select = [
    ...numeric.map((c) => `CAST("${c.replaceAll('"', '""')}" AS DOUBLE)`),
    ...text.map((c) => `CAST("${c.replaceAll('"', '""')}" AS VARCHAR)`),
  ].join(', ');
  const result = await ws.connection.stream(`SELECT ${select} FROM (${sql})`, params as DuckDBValue[]);
  let offset = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    cols.forEach((name, i) => {
      const vector = chunk.getColumnVector(i);
      if (i < numeric.length) {
        const out = numbers[name]!;
        for (let j = 0; j < n; j++) {
          const v = vector.getItem(j);
          out[offset + j] = v === null ? Number.NaN : (v as number);
        }
      } else {
        const out = strings[name]!;
        for (let j = 0; j < n; j++) out[offset + j] = String(vector.getItem(j) ?? '');
      }
    });
    offset += n;
  }
  return { length: offset, numbers, strings };
}
