import { precomputedCurrent } from '../db/precomputed.js';
import type { Workspace } from '../db/workspace.js';
import { CELLS, PREDICTION_CELLS } from './snapshot-cells.js';

/** Changes with every analysis (its transaction's start time): the snapshot cells are current while it holds. */
export const ANALYSIS_VERSION_SQL = `SELECT CAST(max(created_at) AS VARCHAR) FROM analyses`;

/** Changes with every analysis and every `predict --snapshots`: the prediction cells are current while it holds. */
export const PREDICTION_CELLS_VERSION_SQL = `SELECT concat_ws('-', (${ANALYSIS_VERSION_SQL}),
  (SELECT count(*) FROM runs WHERE command = 'predict --snapshots'))`;

/** The columns whose mean a reader asks for. */
export type AveragedColumn = 'recency_days' | 'revenue' | 'clv' | 'churn_risk';

/**
 * Where a reader of the snapshots sums its customers: over their rows (`customer_snapshots`), or over the
 * stored cells (snapshot-cells.ts) when they are current — the same SQL either way, with the same types and
 * values. `sum(x)` of a snapshot column reads alike over both; counts and means differ and are given here.
 */
export interface SnapshotSource {
  /** Rows with snapshot_id and the snapshot's columns, or its cells (with `from_stage` and `fm2`). */
  from: string;
  cells: boolean;
  /** The customers: count(*). */
  count: string;
  /** The customers who bought in the snapshot's month. */
  active: string;
  /** F + M score. */
  fm2: string;
  /** The mean of a column over the customers who have it. */
  avg(column: AveragedColumn): string;
}

export const ROWS: SnapshotSource = {
  from: 'customer_snapshots',
  cells: false,
  count: 'count(*)',
  active: 'count(*) FILTER (WHERE purchased)',
  fm2: 'f_score + m_score',
  avg: (column) => `avg(${column})`,
};

function cellsSource(table: string): SnapshotSource {
  return {
    from: `(SELECT s.snapshot_id, c.* FROM ${table} c JOIN snapshots s USING (as_of))`,
    cells: true,
    count: 'CAST(coalesce(sum(customers_n), 0) AS BIGINT)',
    active: 'CAST(coalesce(sum(active_n), 0) AS BIGINT)',
    fm2: 'fm2',
    // As DuckDB's avg: integers and doubles as sum / count, DECIMAL(18, 2) as its cents over count × 100.
    avg: (column) =>
      column === 'revenue'
        ? `CAST(CAST(sum(revenue) * 100 AS HUGEINT) AS DOUBLE) / CAST(nullif(sum(revenue_n), 0) * 100 AS DOUBLE)`
        : `sum(${column}) / nullif(sum(${column}_n), 0)`,
  };
}

/**
 * The snapshot cells when they are current, else the customers' rows; with `predictions`, the cells that
 * also sum the predictions made at each snapshot.
 */
export async function snapshotSource(ws: Workspace, predictions = false): Promise<SnapshotSource> {
  const [table, version] = predictions
    ? [PREDICTION_CELLS, PREDICTION_CELLS_VERSION_SQL]
    : [CELLS, ANALYSIS_VERSION_SQL];
  if (!(await ws.tableExists('analyses'))) return ROWS;
  return (await precomputedCurrent(ws, table, version)) ? cellsSource(table) : ROWS;
}
