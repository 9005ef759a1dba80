import { literal } from '../db/sql.js';
import { stagedTables } from '../db/staged-tables.js';
import type { Workspace } from '../db/workspace.js';
import { cv12Sql } from '../segments/abc-xyz.js';

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

/**
 * The columns of `customer_snapshots` after snapshot_id, in order: stored in the snapshot's table, or computed
 * by the view from the stored ones and the snapshot's date (`asOf`: a DATE literal) — what is derived is not
 * written 24 times (writing the snapshots is most of an analysis).
 */
export const SNAPSHOT_COLUMNS: readonly (readonly [string, ((asOf: string) => string) | null])[] = [
  ['as_of', (asOf) => asOf],
  ['customer_id', null],
  ['cohort', null],
  ['orders', null],
  ['purchase_days', null],
  ['gross_revenue', null],
  ['returns', null],
  ['revenue', () => 'CAST(gross_revenue - returns AS DECIMAL(18, 2))'],
  ['items', null],
  ['first_purchase', null],
  ['last_purchase', null],
  ['recency_days', (asOf) => `CAST(date_diff('day', last_purchase, ${asOf}) AS INTEGER)`],
  ['tenure_days', (asOf) => `CAST(date_diff('day', first_purchase, ${asOf}) AS INTEGER)`],
  ['rhythm_days', null],
  ['spread_days', null],
  ['expected_next_purchase', () => 'CAST(last_purchase + CAST(round(rhythm_days) AS INTEGER) AS DATE)'],
  [
    'days_overdue',
    (asOf) => `CAST(greatest(0, date_diff('day', last_purchase, ${asOf}) - round(rhythm_days)) AS INTEGER)`,
  ],
  ['stage', null],
  ['stage_since', null],
  ['r_score', null],
  ['f_score', null],
  ['m_score', null],
  ['rfm_segment', null],
  ['revenue_12m', null],
  ['cv_12m', () => cv12Sql('CAST(revenue_12m AS DOUBLE)', 'CAST(revenue_sq_12m AS DOUBLE)')],
  ['abc', null],
  ['xyz', null],
  ['period_revenue', null],
  ['period_orders', null],
  ['purchased', null],
  ['days_in_stage', (asOf) => `CAST(greatest(0, date_diff('day', stage_since, ${asOf})) AS INTEGER)`],
];

/**
 * One snapshot's rows as `customer_snapshots` shows them (the customers who have bought), after the columns
 * `first` (SQL select items; also stored columns the view leaves out).
 */
export function snapshotRowsSql(table: string, asOf: string, first: readonly string[] = []): string {
  const date = `DATE ${literal(asOf)}`;
  const cols = SNAPSHOT_COLUMNS.map(([name, derive]) => (derive ? `${derive(date)} AS ${name}` : name));
  return `SELECT ${[...first, ...cols].join(', ')} FROM ${table} WHERE first_purchase IS NOT NULL`;
}

/** Recreates the `customer_snapshots` view over the tables of the snapshots, in snapshot_id order. */
export async function createSnapshotsView(
  ws: Workspace,
  snapshots: readonly { table: string; asOf: string }[],
): Promise<void> {
  const legacy = await ws.one(
    `SELECT 1 FROM duckdb_tables() WHERE table_name = 'customer_snapshots' AND NOT temporary`,
  );
  // Analyses of earlier versions stored one table under this name.
  if (legacy) await ws.run(`DROP TABLE customer_snapshots`);
  const body = snapshots
    .map(({ table, asOf }, i) => snapshotRowsSql(table, asOf, [`${i} AS snapshot_id`]))
    .join('\nUNION ALL\n');
  await ws.run(`CREATE OR REPLACE VIEW customer_snapshots AS ${body}`);
}

/** Tables staged by an analysis that did not finish (a killed process), to be dropped. */
export async function stagedLeftovers(ws: Workspace): Promise<string[]> {
  return stagedTables(ws);
}
