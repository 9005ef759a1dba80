import type { Workspace } from '../db/workspace.js';
import { STAGED_GAPS, STAGED_NETS, type ChainResult } from './chain.js';
import { ANALYSIS_CHAIN, ANALYSIS_TABLES, storedSnapshots, type RefreshPlan } from './refresh-plan.js';
import type { SnapshotDate } from './snapshot-dates.js';
import { createSnapshotsView, snapshotTable } from './snapshot-tables.js';

const ANALYSIS_THRESHOLDS = 'analysis_thresholds';

/**
 * Puts a new analysis in place; run inside its transaction. Stored snapshots that are not kept are dropped,
 * the staged ones renamed into place (no copy), the chain's state recorded for the next refresh, and the
 * small tables readers use rebuilt: `snapshots` (snapshot_id 0 … N−1, date, month, customers),
 * `snapshot_thresholds` and the `customer_snapshots` view.
 */
export async function publishAnalysis(
  ws: Workspace,
  o: { snapshots: SnapshotDate[]; plan: RefreshPlan; chain: ChainResult; optionsKey: string },
): Promise<void> {
  await ws.run(`CREATE TABLE IF NOT EXISTS ${ANALYSIS_TABLES} (as_of DATE, table_name VARCHAR, sales_version VARCHAR,
    options_key VARCHAR, customers BIGINT)`);
  await ws.run(`CREATE TABLE IF NOT EXISTS ${ANALYSIS_THRESHOLDS} (as_of DATE, name VARCHAR, value DOUBLE)`);
  const kept = new Set(o.plan.kept);
  for (const s of await storedSnapshots(ws)) {
    if (!kept.has(s.as_of)) await ws.run(`DROP TABLE IF EXISTS ${s.table_name}`);
  }
  const keptDates = `[${[...kept].map((_, i) => `CAST($${i + 1} AS DATE)`).join(', ')}]::DATE[]`;
  for (const t of [ANALYSIS_TABLES, ANALYSIS_THRESHOLDS]) {
    await ws.run(`DELETE FROM ${t} WHERE NOT coalesce(list_contains(${keptDates}, as_of), false)`, [...kept]);
  }
  for (const [date, w] of o.chain.written) {
    const table = snapshotTable(date);
    await ws.run(`DROP TABLE IF EXISTS ${table}`);
    await ws.run(`ALTER TABLE ${w.staged} RENAME TO ${table}`);
    await ws.run(`INSERT INTO ${ANALYSIS_TABLES} VALUES (CAST($1 AS DATE), $2, $3, $4, $5)`, [
      date,
      table,
      w.salesVersion,
      o.optionsKey,
      w.customers,
    ]);
    for (const [name, value] of Object.entries(w.thresholds)) {
      await ws.run(`INSERT INTO ${ANALYSIS_THRESHOLDS} VALUES (CAST($1 AS DATE), $2, $3)`, [
        date,
        name,
        value,
      ]);
    }
  }
  if (o.chain.state) {
    await ws.run(
      `CREATE OR REPLACE TABLE ${ANALYSIS_CHAIN} (state_as_of DATE, sales_version VARCHAR, options_key VARCHAR)`,
    );
    await ws.run(`INSERT INTO ${ANALYSIS_CHAIN} VALUES (CAST($1 AS DATE), $2, $3)`, [
      o.chain.state.asOf,
      o.chain.state.salesVersion,
      o.optionsKey,
    ]);
    for (const [staged, live] of [
      [STAGED_NETS, 'analysis_nets'],
      [STAGED_GAPS, 'analysis_gap_hist'],
    ] as const) {
      await ws.run(`DROP TABLE IF EXISTS ${live}`);
      await ws.run(`ALTER TABLE ${staged} RENAME TO ${live}`);
    }
  } else if (o.plan.computed.length > 0) {
    // Computed, but no month end to continue from (the data begins in the as-of date's month).
    await ws.run(`DROP TABLE IF EXISTS ${ANALYSIS_CHAIN}`);
  }
  await ws.run(
    `CREATE OR REPLACE TABLE snapshots AS
    SELECT s.snapshot_id, CAST(s.as_of AS DATE) AS as_of, s.month, CAST(s.period_start AS DATE) AS period_start,
      coalesce(a.customers, 0) AS customers
    FROM (VALUES ${o.snapshots.map((_, i) => `(${i}, $${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(', ')})
      s(snapshot_id, as_of, month, period_start)
    LEFT JOIN ${ANALYSIS_TABLES} a ON a.as_of = CAST(s.as_of AS DATE)
    ORDER BY snapshot_id`,
    o.snapshots.flatMap((s) => [s.as_of, s.month, s.period_start]),
  );
  await ws.run(`CREATE OR REPLACE TABLE snapshot_thresholds AS
    SELECT s.snapshot_id, t.name, t.value FROM snapshots s JOIN ${ANALYSIS_THRESHOLDS} t USING (as_of)
    ORDER BY s.snapshot_id, t.name`);
  await createSnapshotsView(
    ws,
    o.snapshots.map((s) => ({ table: snapshotTable(s.as_of), asOf: s.as_of })),
  );
}
