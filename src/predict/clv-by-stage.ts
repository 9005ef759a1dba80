import { PREDICTION_CELLS_VERSION_SQL } from '../analyze/cell-source.js';
import { predictionCellsHaveEveryMeasure } from '../analyze/prediction-cells.js';
import { PREDICTION_CELLS } from '../analyze/snapshot-cells.js';
import { precomputedCurrent } from '../db/precomputed.js';
import type { Workspace } from '../db/workspace.js';

const COLUMNS = `snapshot_id, as_of, month, stage, customers, mean_clv, total_clv, mean_churn_risk, mean_p_alive,
  mean_expected_purchases`;

/**
 * CLV, churn risk, P(alive) and expected purchases by lifecycle stage at every snapshot of the analysis, from
 * the predictions made at each snapshot on the data up to it (`snapshot_predictions`), stages in their order.
 */
export const CLV_BY_STAGE_SQL = `SELECT p.snapshot_id, strftime(s.as_of, '%Y-%m-%d') AS as_of, s.month,
    CAST(c.stage AS VARCHAR) AS stage, count(*) AS customers,
    avg(p.clv) AS mean_clv, sum(p.clv) AS total_clv, avg(p.churn_risk) AS mean_churn_risk,
    avg(p.p_alive) AS mean_p_alive, avg(p.expected_purchases) AS mean_expected_purchases,
    row_number() OVER (ORDER BY p.snapshot_id, c.stage) AS position
  FROM snapshot_predictions p
  JOIN customer_snapshots c ON c.snapshot_id = p.snapshot_id AND c.customer_id = p.customer_id
  JOIN snapshots s ON s.snapshot_id = p.snapshot_id
  GROUP BY p.snapshot_id, s.as_of, s.month, c.stage`;

/**
 * Stores the table once the snapshot predictions are made: joining every customer at every snapshot takes
 * seconds on a million customers, too long for a page request.
 */
export async function storeClvByStage(ws: Workspace): Promise<void> {
  await ws.run(
    `CREATE OR REPLACE TABLE clv_by_stage AS SELECT *, now()::TIMESTAMP AS computed_at FROM (${CLV_BY_STAGE_SQL})`,
  );
}

/**
 * CLV by stage from the stored prediction cells (snapshot-cells.ts), which sum the predictions made at each
 * snapshot by stage and more: the same figures as CLV_BY_STAGE_SQL without joining every customer at every
 * snapshot (a minute on 10 M customers).
 */
const CLV_BY_STAGE_FROM_CELLS_SQL = `SELECT s.snapshot_id, strftime(s.as_of, '%Y-%m-%d') AS as_of, s.month,
    CAST(c.stage AS VARCHAR) AS stage, CAST(sum(c.predicted_n) AS BIGINT) AS customers,
    sum(c.clv) / nullif(sum(c.clv_n), 0) AS mean_clv, sum(c.clv) AS total_clv,
    sum(c.churn_risk) / nullif(sum(c.churn_risk_n), 0) AS mean_churn_risk,
    sum(c.p_alive) / nullif(sum(c.p_alive_n), 0) AS mean_p_alive,
    sum(c.expected_purchases) / nullif(sum(c.expected_purchases_n), 0) AS mean_expected_purchases,
    row_number() OVER (ORDER BY s.snapshot_id, c.stage) AS position
  FROM ${PREDICTION_CELLS} c JOIN snapshots s USING (as_of)
  GROUP BY s.snapshot_id, s.as_of, s.month, c.stage
  HAVING sum(c.predicted_n) > 0`;

/**
 * The query that reads CLV by stage: the stored table when it is newer than the analysis, else the stored
 * prediction cells when they are current (after `clientele predict --snapshots`), else computed from the
 * snapshot predictions.
 */
export async function clvByStageSql(ws: Workspace): Promise<string> {
  const stored =
    (await ws.tableExists('clv_by_stage')) &&
    (await ws.one(
      `SELECT 1 FROM clv_by_stage WHERE computed_at >= (SELECT max(created_at) FROM analyses) LIMIT 1`,
    )) !== undefined;
  const cells =
    !stored &&
    (await precomputedCurrent(ws, PREDICTION_CELLS, PREDICTION_CELLS_VERSION_SQL)) !== undefined &&
    (await predictionCellsHaveEveryMeasure(ws));
  const source = stored
    ? 'clv_by_stage'
    : cells
      ? `(${CLV_BY_STAGE_FROM_CELLS_SQL})`
      : `(${CLV_BY_STAGE_SQL})`;
  return `SELECT ${COLUMNS} FROM ${source} ORDER BY position`;
}
