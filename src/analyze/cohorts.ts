import { field, InputError } from '../errors.js';
import { requireAnalysis } from './analyze.js';
import type { Workspace } from '../db/workspace.js';
import { ROWS, snapshotSource, type SnapshotSource } from './cell-source.js';

export const COHORT_METRICS = ['customers', 'active', 'revenue', 'retention'] as const;
export type CohortMetric = (typeof COHORT_METRICS)[number];

/**
 * Cohorts by month of first purchase × calendar month: cohort size, active customers (bought in the month),
 * the cohort's net revenue in the month and retention = active / size; over the rows or cells of `src`.
 */
export function cohortsSql(src: SnapshotSource): string {
  return `SELECT c.cohort, s.month,
    ${src.count} AS customers,
    ${src.active} AS active,
    sum(c.period_revenue) AS revenue,
    ${src.active} / ${src.count} AS retention
  FROM ${src.from} c JOIN snapshots s USING (snapshot_id)
  GROUP BY ALL ORDER BY c.cohort, s.month`;
}

/** How each cohort is spread over the lifecycle stages, month by month. */
export function cohortStagesSql(src: SnapshotSource): string {
  return `SELECT c.cohort, s.month, c.stage, ${src.count} AS customers
  FROM ${src.from} c JOIN snapshots s USING (snapshot_id)
  GROUP BY ALL ORDER BY c.cohort, s.month, c.stage`;
}

export const COHORTS_SQL = cohortsSql(ROWS);
export const COHORT_STAGES_SQL = cohortStagesSql(ROWS);

export function parseCohortMetric(value: string | undefined): CohortMetric {
  const m = (value ?? 'retention') as CohortMetric;
  if (!(COHORT_METRICS as readonly string[]).includes(m)) {
    throw new InputError(`${field('metric')} must be one of ${COHORT_METRICS.join(', ')}; got "${value}".`);
  }
  return m;
}

export async function cohorts(ws: Workspace): Promise<{
  cohorts: {
    cohort: string;
    month: string;
    customers: number;
    active: number;
    revenue: number;
    retention: number;
  }[];
  stages: { cohort: string; month: string; stage: string; customers: number }[];
}> {
  await requireAnalysis(ws);
  const src = await snapshotSource(ws);
  return { cohorts: await ws.all(cohortsSql(src)), stages: await ws.all(cohortStagesSql(src)) };
}
