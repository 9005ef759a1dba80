import type { Workspace } from '../../src/db/workspace.js';

/**
 * Everything an analysis stores, as text, in a fixed order: the snapshots, their thresholds, every row of
 * `customer_snapshots`, and every column of the snapshot tables behind it (the state carried between months
 * included). Two workspaces with the same results give equal values; a difference in the last bit of a double
 * or in a cent shows.
 */
export async function storedAnalysis(ws: Workspace): Promise<Record<string, string[]>> {
  const text = async (sql: string): Promise<string[]> =>
    (await ws.all<Record<string, unknown>>(sql)).map((r) => JSON.stringify(Object.values(r)));
  const out: Record<string, string[]> = {
    snapshots: await text(`SELECT COLUMNS(*)::VARCHAR FROM snapshots ORDER BY snapshot_id`),
    thresholds: await text(`SELECT COLUMNS(*)::VARCHAR FROM snapshot_thresholds ORDER BY snapshot_id, name`),
    customer_snapshots: await text(
      `SELECT COLUMNS(*)::VARCHAR FROM customer_snapshots ORDER BY snapshot_id, customer_id`,
    ),
  };
  const tables = await ws.all<{ as_of: string; table_name: string }>(
    `SELECT strftime(s.as_of, '%Y-%m-%d') AS as_of, a.table_name FROM snapshots s JOIN analysis_tables a USING (as_of)
     ORDER BY s.as_of`,
  );
  for (const t of tables) {
    out[`table ${t.as_of}`] = await text(
      `SELECT COLUMNS(*)::VARCHAR FROM ${t.table_name} ORDER BY customer_id`,
    );
  }
  return out;
}
