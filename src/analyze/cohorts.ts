import { InputError } from '../errors.js';
import { requireAnalysis } from './analyze.js';
import type { Workspace } from '../db/workspace.js';

export const COHORT_METRICS = ['customers', 'active', 'revenue', 'retention'] as const;
export type CohortMetric = (typeof COHORT_METRICS)[number];

/**
 * Cohorts by month of first purchase × calendar month: cohort size, active customers (bought in the month),
 * the cohort's net revenue in the month and retention = active / size.
 */
export const COHORTS_SQL = `SELECT c.cohort, s.month,
    count(*) AS customers,
    count(*) FILTER (WHERE c.purchased) AS active,
    sum(c.period_revenue) AS revenue,
    count(*) FILTER (WHERE c.purchased) / count(*) AS retention
  FROM customer_snapshots c JOIN snapshots s USING (snapshot_id)
  GROUP BY ALL ORDER BY c.cohort, s.month`;

/** How each cohort is spread over the lifecycle stages, month by month. */
export const COHORT_STAGES_SQL = `SELECT c.cohort, s.month, c.stage, count(*) AS customers
  FROM customer_snapshots c JOIN snapshots s USING (snapshot_id)
  GROUP BY ALL ORDER BY c.cohort, s.month, c.stage`;

export function parseCohortMetric(value: string | undefined): CohortMetric {
  const m = (value ?? 'retention') as CohortMetric;
  if (!(COHORT_METRICS as readonly string[]).includes(m)) {
    throw new InputError(`--metric must be one of ${COHORT_METRICS.join(', ')}; got "${value}".`);
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
  return { cohorts: await ws.all(COHORTS_SQL), stages: await ws.all(COHORT_STAGES_SQL) };
}
