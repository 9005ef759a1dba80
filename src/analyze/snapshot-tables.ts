import type { Workspace } from '../db/workspace.js';

/**
 * The stored analysis keeps each snapshot's rows in a table of its own, named after its date
 * (`snapshot_rows_20251130`), holding every customer's state at that date (month-step.ts). The readers see
 * `customer_snapshots`, a view that numbers the snapshots of the current analysis 0 … N−1 (`snapshot_id`, a
 * constant per table, so a filter on it reads only that table) and shows the public columns of the
 * customers who have bought. A refresh that slides the window drops the oldest table and adds the new ones;
 * the kept tables are not rewritten.
 */
export function snapshotTable(asOf: string, staged = false): string {
  return `snapshot_rows_${staged ? 'next_' : ''}${asOf.replaceAll('-', '')}`;
}

/** The columns of `customer_snapshots`, in order (after snapshot_id). */
export const SNAPSHOT_COLUMNS = [
  'as_of',
  'customer_id',
  'cohort',
  'orders',
  'purchase_days',
  'gross_revenue',
  'returns',
  'revenue',
  'items',
  'first_purchase',
  'last_purchase',
  'recency_days',
  'tenure_days',
  'rhythm_days',
  'spread_days',
  'expected_next_purchase',
  'days_overdue',
  'stage',
  'stage_since',
  'r_score',
  'f_score',
  'm_score',
  'rfm_segment',
  'revenue_12m',
  'cv_12m',
  'abc',
  'xyz',
  'period_revenue',
  'period_orders',
  'purchased',
  'days_in_stage',
] as const;

/** Recreates the `customer_snapshots` view over the tables of the snapshots, in snapshot_id order. */
export async function createSnapshotsView(ws: Workspace, tables: readonly string[]): Promise<void> {
  const legacy = await ws.one(
    `SELECT 1 FROM duckdb_tables() WHERE table_name = 'customer_snapshots' AND NOT temporary`,
  );
  // Analyses of earlier versions stored one table under this name.
  if (legacy) await ws.run(`DROP TABLE customer_snapshots`);
  const cols = SNAPSHOT_COLUMNS.join(', ');
  const body = tables
    .map((t, i) => `SELECT ${i} AS snapshot_id, ${cols} FROM ${t} WHERE first_purchase IS NOT NULL`)
    .join('\nUNION ALL\n');
  await ws.run(`CREATE OR REPLACE VIEW customer_snapshots AS ${body}`);
}

/** Snapshot tables staged by an analysis that did not finish (a killed process), to be dropped. */
export async function stagedLeftovers(ws: Workspace): Promise<string[]> {
  const rows = await ws.all<{ table_name: string }>(
    `SELECT table_name FROM duckdb_tables() WHERE NOT temporary
       AND (table_name LIKE 'snapshot\\_rows\\_next\\_%' ESCAPE '\\' OR table_name IN ('analysis_nets_next', 'analysis_gap_hist_next', 'customer_snapshots_next'))`,
  );
  return rows.map((r) => r.table_name);
}
