import type { DuckDBValue } from '@duckdb/node-api';
import type { Workspace } from './workspace.js';

/**
 * Reads numeric result columns straight into typed arrays, chunk by chunk, so that millions of customers move
 * into JS as columns and never as row objects (ARCHITECTURE.md, "The flow of data"). NULL becomes NaN; text columns are
 * returned as string arrays. The query runs once: the arrays grow as the chunks arrive.
 */
export async function readColumns(
  ws: Workspace,
  sql: string,
  params: readonly DuckDBValue[],
  numeric: readonly string[],
  text: readonly string[] = [],
): Promise<{ length: number; numbers: Record<string, Float64Array>; strings: Record<string, string[]> }> {
  let capacity = 4096;
  const numbers: Record<string, Float64Array> = Object.fromEntries(
    numeric.map((c) => [c, new Float64Array(capacity)]),
  );
  const strings: Record<string, string[]> = Object.fromEntries(text.map((c) => [c, [] as string[]]));
  const cols = [...numeric, ...text];
  const select = [
    ...numeric.map((c) => `CAST("${c.replaceAll('"', '""')}" AS DOUBLE)`),
    ...text.map((c) => `CAST("${c.replaceAll('"', '""')}" AS VARCHAR)`),
  ].join(', ');
  let offset = 0;
  const result = await ws.connection
    .stream(`SELECT ${select} FROM (${sql})`, params as DuckDBValue[])
    .catch((error: unknown) => Promise.reject(ws.explain(error)));
  for (;;) {
    const chunk = await result.fetchChunk().catch((error: unknown) => Promise.reject(ws.explain(error)));
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    if (offset + n > capacity) {
      while (offset + n > capacity) capacity *= 2;
      for (const name of numeric) {
        const grown = new Float64Array(capacity);
        grown.set(numbers[name]!.subarray(0, offset));
        numbers[name] = grown;
      }
    }
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
        for (let j = 0; j < n; j++) out.push(String(vector.getItem(j) ?? ''));
      }
    });
    offset += n;
  }
  for (const name of numeric) numbers[name] = numbers[name]!.slice(0, offset);
  return { length: offset, numbers, strings };
}
