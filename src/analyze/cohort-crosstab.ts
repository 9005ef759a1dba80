import { ident, literal } from '../db/sql.js';
import type { SnapshotSource } from './cell-source.js';
import { cohortsSql, type CohortMetric } from './cohorts.js';

/** Cohort cells by calendar month, or by months since the cohort's first month (0 = the first month). */
export const COHORT_AXES = ['month', 'age'] as const;
export type CohortAxis = (typeof COHORT_AXES)[number];

/**
 * The cohort table (`cohortsSql`) with each cell's months since the cohort's month of first purchase; revenue
 * rounded to cents.
 */
export function cohortCellsSql(src: SnapshotSource): string {
  return `SELECT cohort, month,
    CAST(date_diff('month', CAST(cohort || '-01' AS DATE), CAST(month || '-01' AS DATE)) AS INTEGER) AS months_since_first,
    customers, active, round(revenue, 2) AS revenue, retention
  FROM (${cohortsSql(src)}) ORDER BY cohort, month`;
}

/** The column that holds `key` (a month `YYYY-MM` or a number of months since the first) in the crosstab. */
export function cohortColumn(axis: CohortAxis, key: string | number): string {
  return axis === 'month' ? String(key) : `month_${key}`;
}

/**
 * One row per cohort with its size and one column per key of the axis holding `metric` (empty where the
 * cohort has no cell): the cohort triangle as people read it in a spreadsheet.
 */
export function cohortCrosstabSql(
  src: SnapshotSource,
  metric: CohortMetric,
  axis: CohortAxis,
  keys: readonly (string | number)[],
): string {
  const by = axis === 'month' ? 'month' : 'months_since_first';
  const cells = keys.map(
    (key) =>
      `max(${ident(metric)}) FILTER (WHERE ${by} = ${typeof key === 'number' ? String(Math.trunc(key)) : literal(key)}) AS ${ident(cohortColumn(axis, key))}`,
  );
  return `SELECT cohort, max(customers) AS customers${cells.map((c) => `,\n    ${c}`).join('')}
  FROM (${cohortCellsSql(src)}) GROUP BY cohort ORDER BY cohort`;
}
