import type { DuckDBValue } from '@duckdb/node-api';
import { ident } from '../db/index.js';

export type RowsColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN';

export interface RowsColumn {
  name: string;
  type: RowsColumnType;
}

/**
 * A query over rows computed in JS (a report's table), so `writeTable` can download them like any other table:
 * every value is a bound parameter cast to its column's type, the rows keep their order. Meant for short tables
 * (a campaign list, an evaluation's figures), not for millions of rows.
 *
 * @example rowsQuery([{ name: 'arm', type: 'VARCHAR' }], [{ arm: 'target' }]) // SELECT … FROM (VALUES (0, CAST($1 AS VARCHAR)))
 */
export function rowsQuery(
  columns: readonly RowsColumn[],
  rows: readonly object[],
): { sql: string; params: DuckDBValue[] } {
  const names = columns.map((c) => ident(c.name));
  if (rows.length === 0) {
    const empty = columns.map((c, i) => `CAST(NULL AS ${c.type}) AS ${names[i] as string}`).join(', ');
    return { sql: `SELECT ${empty} WHERE false`, params: [] };
  }
  const params: DuckDBValue[] = [];
  const tuples = rows.map((row, r) => {
    const cells = columns.map((c) => {
      params.push(plain((row as Record<string, unknown>)[c.name]));
      return `CAST($${params.length} AS ${c.type})`;
    });
    return `(${r}, ${cells.join(', ')})`;
  });
  return {
    sql: `SELECT ${names.join(', ')} FROM (VALUES ${tuples.join(', ')}) AS cl_rows(cl_row, ${names.join(', ')}) ORDER BY cl_row`,
    params,
  };
}

function plain(value: unknown): DuckDBValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
