import { field, InputError } from '../errors.js';
import type { Workspace } from '../db/workspace.js';
import { ROWS, snapshotSource, type SnapshotSource } from './cell-source.js';
import { findSnapshot, listSnapshots, type SnapshotRow } from './snapshot-lookup.js';

export const FLOW_DIMENSIONS = ['stage', 'rfm_segment'] as const;
export type FlowDimension = (typeof FLOW_DIMENSIONS)[number];

export interface FlowRow {
  from_month: string;
  to_month: string;
  from_stage: string | null;
  to_stage: string;
  customers: number;
  revenue: number;
}

/**
 * The transition matrix between snapshots $1 and $2: for each (from, to) pair, the customers who made that
 * move and their net revenue in the months after $1 up to $2. Customers who had not bought yet at $1 have
 * from = null (they entered). The rows with a non-null from add up to the counts at $1. Between consecutive
 * snapshots by stage, the cells of `src` have it (their `from_stage`).
 */
export function matrixSql(by: FlowDimension, src: SnapshotSource = ROWS, consecutive = false): string {
  if (src.cells && by === 'stage' && consecutive) {
    return `SELECT f.month AS from_month, t.month AS to_month, c.from_stage, c.stage AS to_stage,
        ${src.count} AS customers, coalesce(sum(c.period_revenue), 0) AS revenue
      FROM ${src.from} c
      JOIN snapshots f ON f.snapshot_id = $1
      JOIN snapshots t ON t.snapshot_id = $2
      WHERE c.snapshot_id = $2
      GROUP BY ALL`;
  }
  return `WITH rev AS (
      SELECT customer_id, sum(period_revenue) AS revenue FROM customer_snapshots
      WHERE snapshot_id > $1 AND snapshot_id <= $2 GROUP BY customer_id)
    SELECT f.month AS from_month, t.month AS to_month, p.${by} AS from_stage, c.${by} AS to_stage,
      count(*) AS customers, coalesce(sum(rev.revenue), 0) AS revenue
    FROM customer_snapshots c
    JOIN snapshots f ON f.snapshot_id = $1
    JOIN snapshots t ON t.snapshot_id = $2
    LEFT JOIN customer_snapshots p ON p.customer_id = c.customer_id AND p.snapshot_id = $1
    LEFT JOIN rev ON rev.customer_id = c.customer_id
    WHERE c.snapshot_id = $2
    GROUP BY ALL`;
}

/** Every month-to-month matrix for the snapshots after $1 up to $2, in one pass. */
export function seriesSql(by: FlowDimension, src: SnapshotSource = ROWS): string {
  if (src.cells && by === 'stage') {
    return `SELECT f.month AS from_month, t.month AS to_month, c.from_stage, c.stage AS to_stage,
        ${src.count} AS customers, sum(c.period_revenue) AS revenue
      FROM ${src.from} c
      JOIN snapshots t ON t.snapshot_id = c.snapshot_id
      JOIN snapshots f ON f.snapshot_id = c.snapshot_id - 1
      WHERE c.snapshot_id > $1 AND c.snapshot_id <= $2
      GROUP BY ALL`;
  }
  return `SELECT f.month AS from_month, t.month AS to_month, p.${by} AS from_stage, c.${by} AS to_stage,
      count(*) AS customers, sum(c.period_revenue) AS revenue
    FROM customer_snapshots c
    JOIN snapshots t ON t.snapshot_id = c.snapshot_id
    JOIN snapshots f ON f.snapshot_id = c.snapshot_id - 1
    LEFT JOIN customer_snapshots p ON p.customer_id = c.customer_id AND p.snapshot_id = c.snapshot_id - 1
    WHERE c.snapshot_id > $1 AND c.snapshot_id <= $2
    GROUP BY ALL`;
}

const ORDER = 'ORDER BY from_month, to_month, from_stage NULLS FIRST, to_stage';

export interface FlowsQuery {
  by: FlowDimension;
  from: SnapshotRow;
  to: SnapshotRow;
  /** The matrix between the two snapshots and the monthly matrices in between (unordered; $1, $2: params). */
  matrix: string;
  series: string;
  /** The tidy table: the direct matrix (when the snapshots are not consecutive) and each monthly matrix. */
  sql: string;
  params: number[];
}

export async function flowsQuery(
  ws: Workspace,
  options: { from?: string; to?: string; by?: string },
): Promise<FlowsQuery> {
  const by = (options.by ?? 'stage') as FlowDimension;
  if (!(FLOW_DIMENSIONS as readonly string[]).includes(by)) {
    throw new InputError(`${field('by')} must be one of ${FLOW_DIMENSIONS.join(', ')}; got "${options.by}".`);
  }
  const all = await listSnapshots(ws);
  if (all.length < 2)
    throw new InputError('Flows need at least two snapshots: run `clientele analyze --months 2` or more.');
  const to = await findSnapshot(ws, options.to, field('to'));
  const from = options.from
    ? await findSnapshot(ws, options.from, field('from'))
    : all[Math.max(0, to.snapshot_id - 1)]!;
  if (from.snapshot_id >= to.snapshot_id)
    throw new InputError(`${field('from')} ${from.month} must be before ${field('to')} ${to.month}.`);
  const consecutive = to.snapshot_id - from.snapshot_id === 1;
  const src = await snapshotSource(ws);
  const matrix = matrixSql(by, src, consecutive);
  const series = seriesSql(by, src);
  return {
    by,
    from,
    to,
    matrix,
    series,
    sql: `SELECT * FROM (${consecutive ? '' : `(${matrix}) UNION ALL `}(${series})) ${ORDER}`,
    params: [from.snapshot_id, to.snapshot_id],
  };
}

export async function flows(
  ws: Workspace,
  options: { from?: string; to?: string; by?: string },
): Promise<{ by: FlowDimension; from: string; to: string; matrix: FlowRow[]; series: FlowRow[] }> {
  const q = await flowsQuery(ws, options);
  const matrix = await ws.all<FlowRow>(`SELECT * FROM (${q.matrix}) ${ORDER}`, q.params);
  const series = await ws.all<FlowRow>(`SELECT * FROM (${q.series}) ${ORDER}`, q.params);
  return { by: q.by, from: q.from.month, to: q.to.month, matrix, series };
}
