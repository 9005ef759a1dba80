import { ident, literal } from '../db/sql.js';
import { COHORTS_SQL, type CohortMetric } from './cohorts.js';

/** Cohort cells by calendar month, or by months since the cohort's first month (0 = the first month). */
export const COHORT_AXES = ['month', 'age'] as const;
export type CohortAxis = (typeof COHORT_AXES)[number];

/**
 * The cohort table (`COHORTS_SQL`) with each cell's months since the cohort's month of first purchase; revenue
 * rounded to cents.
 */
export const COHORT_CELLS_SQL = `SELECT cohort, month,
    CAST(date_diff('month', CAST(cohort || '-01' AS DATE), CAST(month || '-01' AS DATE)) AS INTEGER) AS months_since_first,
    customers, active, round(revenue, 2) AS revenue, retention
  FROM (${COHORTS_SQL}) ORDER BY cohort, month`;

/** The column that holds `key` (a month `YYYY-MM` or a number of months since the first) in the crosstab. */
export function cohortColumn(axis: CohortAxis, key: string | number): string {
  return axis === 'month' ? String(key) : `month_${key}`;
}

/**
 * One row per cohort with its size and one column per key of the axis holding `metric` (empty where the
 * cohort has no cell): the cohort triangle as people read it in a spreadsheet.
 */
export function cohortCrosstabSql(
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
  FROM (${COHORT_CELLS_SQL}) GROUP BY cohort ORDER BY cohort`;
}
