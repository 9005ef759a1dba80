import { field, InputError } from '../errors.js';
import type { Workspace } from '../db/workspace.js';
import { snapshotSource } from './cell-source.js';
import { findSnapshot } from './snapshot-lookup.js';

export const SEGMENT_KINDS = ['rfm', 'abc', 'xyz', 'lifecycle', 'all'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export const SEGMENT_COLUMNS_SQL = `customer_id, r_score, f_score, m_score, rfm_segment, abc, xyz, stage,
  rhythm_days, spread_days, expected_next_purchase, days_overdue, days_in_stage,
  recency_days, orders, gross_revenue, revenue_12m, cv_12m`;

export function parseSegmentKind(value: string | undefined): SegmentKind {
  const kind = (value ?? 'all') as SegmentKind;
  if (!(SEGMENT_KINDS as readonly string[]).includes(kind)) {
    throw new InputError(`segments takes one of ${SEGMENT_KINDS.join(', ')}; got "${value}".`);
  }
  return kind;
}

/** Counts per segment at a snapshot, the thresholds behind them, and the 9-cell ABC-XYZ matrix. */
export async function segmentSummary(ws: Workspace, asOf: string | undefined) {
  const snap = await findSnapshot(ws, asOf, field('asOf'));
  const src = await snapshotSource(ws);
  const count = (col: string): Promise<{ value: string | null; customers: number; revenue: number }[]> =>
    ws.all(
      `SELECT ${col} AS value, ${src.count} AS customers, sum(revenue_12m) AS revenue FROM ${src.from}
       WHERE snapshot_id = $1 GROUP BY 1 ORDER BY customers DESC, 1`,
      [snap.snapshot_id],
    );
  const thresholds = Object.fromEntries(
    (
      await ws.all<{ name: string; value: number }>(
        `SELECT name, value FROM snapshot_thresholds WHERE snapshot_id = $1`,
        [snap.snapshot_id],
      )
    ).map((r) => [r.name, r.value]),
  );
  const options = JSON.parse(String(await ws.scalar(`SELECT options FROM analyses`))) as Record<
    string,
    unknown
  >;
  return {
    as_of: snap.as_of,
    month: snap.month,
    snapshot_id: snap.snapshot_id,
    rfm: await count('rfm_segment'),
    stage: await count('stage'),
    abc: await count('abc'),
    xyz: await count('xyz'),
    abc_xyz: await ws.all<{ abc: string; xyz: string | null; customers: number; revenue: number }>(
      `SELECT abc, xyz, ${src.count} AS customers, sum(revenue_12m) AS revenue FROM ${src.from}
       WHERE snapshot_id = $1 GROUP BY ALL ORDER BY abc, xyz NULLS LAST`,
      [snap.snapshot_id],
    ),
    thresholds,
    options,
  };
}
