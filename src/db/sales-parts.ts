import type { Workspace } from './workspace.js';

/**
 * Sales are stored one table per load (`sales_part_<load id>`), written directly by the load that reads the
 * file, and read through the `sales` view, their union. A load thus never copies its rows a second time, and
 * removing a load would be dropping its table.
 */
export const SALES_COLUMNS = [
  'load_id',
  'customer_id',
  'order_id',
  'ts',
  'amount',
  'quantity',
  'sku',
  'store',
  'channel',
  'cost',
] as const;

export function salesPartTable(loadId: number): string {
  return `sales_part_${loadId}`;
}

const EMPTY = `SELECT NULL::INTEGER AS load_id, NULL::VARCHAR AS customer_id, NULL::VARCHAR AS order_id, NULL::TIMESTAMP AS ts,
  NULL::DECIMAL(18,2) AS amount, NULL::DOUBLE AS quantity, NULL::VARCHAR AS sku, NULL::VARCHAR AS store,
  NULL::VARCHAR AS channel, NULL::DECIMAL(18,2) AS cost WHERE false`;

async function partTables(ws: Workspace): Promise<string[]> {
  const rows = await ws.all<{ table_name: string }>(
    `SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND regexp_full_match(table_name, 'sales_part_[0-9]+')
     ORDER BY CAST(substr(table_name, 12) AS INTEGER)`,
  );
  return rows.map((r) => r.table_name);
}

/** Recreates the `sales` view over the part tables (an empty, typed view when there are none). */
export async function refreshSalesView(ws: Workspace, extra: readonly string[] = []): Promise<void> {
  const parts = [...new Set([...(await partTables(ws)), ...extra])];
  const cols = SALES_COLUMNS.join(', ');
  const body = parts.length ? parts.map((p) => `SELECT ${cols} FROM ${p}`).join('\nUNION ALL\n') : EMPTY;
  await ws.run(`CREATE OR REPLACE VIEW sales AS ${body}`);
}

/**
 * Brings a workspace to the parts layout: a `sales` table of an older version becomes part 0; part tables
 * left by a load that was killed before it committed (no row in `loads`) are dropped.
 */
export async function prepareSales(ws: Workspace): Promise<void> {
  const old = await ws.one(`SELECT 1 FROM duckdb_tables() WHERE table_name = 'sales' AND NOT temporary`);
  if (old) await ws.run(`ALTER TABLE sales RENAME TO sales_part_0`);
  for (const t of await partTables(ws)) {
    const id = Number(t.slice('sales_part_'.length));
    if (id === 0) continue;
    const known = await ws.one(`SELECT 1 FROM loads WHERE load_id = $1`, [id]);
    if (!known) await ws.run(`DROP TABLE ${t}`);
  }
  await refreshSalesView(ws);
}
