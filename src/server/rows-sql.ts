import { ident } from '../db/sql.js';

export type RowsSqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE';

/**
 * Rows computed in JS (a grid, a summary) as a query, so they download through `writeTable` like any table:
 * `SELECT * FROM (VALUES (CAST($1 AS INTEGER), …), …) t("r", …)`, every value a bound parameter.
 */
export function rowsSql(
  columns: readonly { name: string; type: RowsSqlType }[],
  rows: readonly object[],
): { sql: string; params: (string | number | null)[] } {
  const params: (string | number | null)[] = [];
  const names = columns.map((c) => ident(c.name)).join(', ');
  if (rows.length === 0) {
    const nulls = columns.map((c) => `CAST(NULL AS ${c.type})`).join(', ');
    return { sql: `SELECT * FROM (VALUES (${nulls})) t(${names}) LIMIT 0`, params };
  }
  const values = rows.map(
    (row) =>
      `(${columns
        .map((c) => {
          const v: unknown = (row as Record<string, unknown>)[c.name];
          params.push(typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? v : null);
          return `CAST($${params.length} AS ${c.type})`;
        })
        .join(', ')})`,
  );
  return { sql: `SELECT * FROM (VALUES ${values.join(', ')}) t(${names})`, params };
}
