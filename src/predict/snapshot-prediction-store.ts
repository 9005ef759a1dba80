import type { Workspace } from '../db/workspace.js';

/**
 * The predictions at the snapshots of the analysis are stored by date, not by snapshot position: when the
 * window of snapshots slides, a date that stays keeps its predictions. `snapshot_prediction_rows` holds one row
 * per customer and date; `snapshot_prediction_dates` says per date what the rows were computed from (the
 * options and the sales version, sales-version.ts) and whether the models could be fitted there; the view
 * `snapshot_predictions` numbers the rows with the snapshot ids of the current analysis, for its readers.
 */
const DDL = [
  `CREATE TABLE IF NOT EXISTS snapshot_prediction_rows (as_of DATE, customer_id VARCHAR,
    expected_purchases DOUBLE, p_alive DOUBLE, churn_risk DOUBLE, clv DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS snapshot_prediction_dates (as_of DATE, options JSON, sales_version VARCHAR,
    customers BIGINT, error VARCHAR, computed_at TIMESTAMP)`,
  `CREATE OR REPLACE VIEW snapshot_predictions AS
    SELECT s.snapshot_id, r.customer_id, r.expected_purchases, r.p_alive, r.churn_risk, r.clv
    FROM snapshot_prediction_rows r JOIN snapshots s ON s.as_of = r.as_of`,
];

/** What the predictions stored at one date were computed from. */
export interface StoredDate {
  options: string;
  sales_version: string;
}

/**
 * Creates the tables and the view. A workspace of an earlier version has `snapshot_predictions` as a table
 * numbered by position, which cannot be matched to dates safely: it is dropped and its dates recomputed.
 */
export async function prepareSnapshotPredictionStore(ws: Workspace): Promise<void> {
  const old = await ws.one(
    `SELECT 1 FROM duckdb_tables() WHERE table_name = 'snapshot_predictions' AND NOT temporary`,
  );
  if (old) await ws.run(`DROP TABLE snapshot_predictions`);
  for (const ddl of DDL) await ws.run(ddl);
}

/** The stored dates (YYYY-MM-DD) with what they were computed from. */
export async function storedSnapshotDates(ws: Workspace): Promise<Map<string, StoredDate>> {
  const rows = await ws.all<StoredDate & { as_of: string }>(
    `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, CAST(options AS VARCHAR) AS options, sales_version
     FROM snapshot_prediction_dates`,
  );
  return new Map(rows.map((r) => [r.as_of, { options: r.options, sales_version: r.sales_version }]));
}

/** Drops the predictions of dates that are no longer snapshots of the analysis. */
export async function dropStaleSnapshotDates(ws: Workspace): Promise<void> {
  await ws.transaction(async () => {
    for (const table of ['snapshot_prediction_rows', 'snapshot_prediction_dates']) {
      await ws.run(`DELETE FROM ${table} WHERE as_of NOT IN (SELECT as_of FROM snapshots)`);
    }
  });
}

/**
 * Replaces what is stored at `asOf` in one transaction: `write` inserts the new rows (none when the models could
 * not be fitted, `error` then says why), and the date is recorded with what it was computed from.
 */
export async function replaceSnapshotDate(
  ws: Workspace,
  asOf: string,
  from: StoredDate & { customers: number; error: string | null },
  write: () => Promise<void>,
): Promise<void> {
  await ws.transaction(async () => {
    for (const table of ['snapshot_prediction_rows', 'snapshot_prediction_dates']) {
      await ws.run(`DELETE FROM ${table} WHERE as_of = CAST($1 AS DATE)`, [asOf]);
    }
    await write();
    await ws.run(
      `INSERT INTO snapshot_prediction_dates VALUES (CAST($1 AS DATE), $2, $3, $4, $5, now()::TIMESTAMP)`,
      [asOf, from.options, from.sales_version, from.customers, from.error],
    );
  });
}

/** How many snapshots of the analysis have predictions. */
export async function predictedSnapshotCount(ws: Workspace): Promise<number> {
  return Number(
    await ws.scalar(
      `SELECT count(*) FROM snapshot_prediction_dates d JOIN snapshots s USING (as_of) WHERE d.error IS NULL`,
    ),
  );
}
