import { literal } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import {
  CELL_DATES,
  cellDates,
  cellsSql,
  ensureTable,
  PREDICTION_CELLS,
  PREDICTION_CELLS_LATEST_COLUMN,
  type CellDate,
} from './snapshot-cells.js';

/**
 * The predictions made at each snapshot date, as `snapshot_predictions` joins them to the snapshot (and what
 * they were computed from, to know when cells made from them are stale): stored by date
 * (`snapshot_prediction_rows`, with `snapshot_prediction_dates`), or — as earlier versions stored them — one
 * table numbered by snapshot position, rewritten by every `predict --snapshots`. Null without predictions.
 */
async function snapshotPredictions(
  ws: Workspace,
  dates: CellDate[],
): Promise<Map<string, { rows: string; key: string }> | null> {
  if (!(await ws.tableExists('snapshot_predictions'))) return null;
  const byDate = await ws.tableExists('snapshot_prediction_dates');
  const keys = new Map<string, string>();
  if (byDate) {
    const rows = await ws.all<{ as_of: string; key: string }>(
      `SELECT strftime(as_of, '%Y-%m-%d') AS as_of,
         concat_ws('/', CAST(options AS VARCHAR), sales_version, CAST(computed_at AS VARCHAR)) AS key
       FROM snapshot_prediction_dates`,
    );
    for (const r of rows) keys.set(r.as_of, r.key);
  }
  const runs = String(await ws.scalar(`SELECT count(*) FROM runs WHERE command = 'predict --snapshots'`));
  return new Map(
    dates.map((d) => [
      d.as_of,
      byDate
        ? {
            rows: `SELECT customer_id, clv, churn_risk, p_alive, expected_purchases FROM snapshot_prediction_rows WHERE as_of = DATE ${literal(d.as_of)}`,
            key: keys.get(d.as_of) ?? 'none',
          }
        : {
            rows: `SELECT customer_id, clv, churn_risk, p_alive, expected_purchases FROM snapshot_predictions WHERE snapshot_id = ${d.snapshot_id}`,
            key: `${d.snapshot_id}/${runs}`,
          },
    ]),
  );
}

/** Whether the stored prediction cells sum every measure (earlier versions summed only CLV and churn risk). */
export async function predictionCellsHaveEveryMeasure(ws: Workspace): Promise<boolean> {
  const row = await ws.one(`SELECT 1 FROM duckdb_columns() WHERE table_name = $1 AND column_name = $2`, [
    PREDICTION_CELLS,
    PREDICTION_CELLS_LATEST_COLUMN,
  ]);
  return row !== undefined;
}

/**
 * Stores the prediction cells — the snapshot cells with the CLV and churn risk predicted at each snapshot —
 * of every date whose snapshot or predictions changed since they were stored; after storeSnapshotCells.
 * Without snapshot predictions there are none.
 */
export async function storePredictionCells(ws: Workspace): Promise<void> {
  const dates = await cellDates(ws);
  const predictions = await snapshotPredictions(ws, dates);
  if (predictions === null) {
    await ws.run(`DROP TABLE IF EXISTS ${PREDICTION_CELLS}`);
    await ws.run(`UPDATE ${CELL_DATES} SET predictions = NULL`);
    return;
  }
  // Cells stored before they summed P(alive) and expected purchases are computed again.
  if ((await ws.tableExists(PREDICTION_CELLS)) && !(await predictionCellsHaveEveryMeasure(ws))) {
    await ws.run(`DROP TABLE ${PREDICTION_CELLS}`);
    await ws.run(`UPDATE ${CELL_DATES} SET predictions = NULL`);
  }
  const stored = new Map(
    (
      await ws.all<{ as_of: string; basis: string; predictions: string | null }>(
        `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, basis, predictions FROM ${CELL_DATES}`,
      )
    ).map((r) => [r.as_of, r]),
  );
  const first = dates[0];
  if (first) await ensureTable(ws, PREDICTION_CELLS, cellsSql(first, predictions.get(first.as_of)!.rows));
  for (const d of dates) {
    const p = predictions.get(d.as_of)!;
    const s = stored.get(d.as_of);
    if (s?.basis === d.basis && s.predictions === p.key) continue;
    await ws.run(`DELETE FROM ${PREDICTION_CELLS} WHERE as_of = CAST($1 AS DATE)`, [d.as_of]);
    await ws.run(`INSERT INTO ${PREDICTION_CELLS} ${cellsSql(d, p.rows)}`);
    await ws.run(`UPDATE ${CELL_DATES} SET predictions = $2 WHERE as_of = CAST($1 AS DATE)`, [
      d.as_of,
      p.key,
    ]);
  }
}
