import { DuckDBInstance } from '@duckdb/node-api';
import { literal } from '../../src/db/sql.js';

/**
 * Splits a CSV file in two by a date column: the lines dated before `day` (YYYY-MM-DD) into `before`, the rest
 * into `after`, each with the header and the values as text (DuckDB's own reader and writer, so quoted
 * fields stay intact). Returns the number of lines of each.
 */
export async function splitCsvByDate(
  file: string,
  column: string,
  day: string,
  before: string,
  after: string,
): Promise<[number, number]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const src = `read_csv(${literal(file)}, all_varchar = true, header = true)`;
    const col = `"${column.replaceAll('"', '""')}"`;
    const counts: number[] = [];
    for (const [out, cond] of [
      [before, `${col} < ${literal(day)}`],
      [after, `${col} >= ${literal(day)}`],
    ] as const) {
      await c.run(`COPY (SELECT * FROM ${src} WHERE ${cond}) TO ${literal(out)} (HEADER, DELIMITER ',')`);
      const r = await c.runAndReadAll(`SELECT count(*) FROM ${src} WHERE ${cond}`);
      counts.push(Number(r.getRows()[0]![0]));
    }
    return [counts[0]!, counts[1]!];
  } finally {
    c.closeSync();
    db.closeSync();
  }
}
