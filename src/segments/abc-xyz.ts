/**
 * ABC by cumulative share of revenue: sorted by revenue (descending), a row is A while the revenue before it
 * is under `a` (80 %) of the total, B under `b` (95 %), C after; rows with no positive revenue are C.
 * XYZ by the coefficient of variation (population sd / mean, zero months included) of a monthly series over
 * 12 months: X ≤ `x` (10 %), Y ≤ `y` (25 %), Z above; undefined (null) when the mean is 0.
 */
export interface AbcXyzOptions {
  a: number;
  b: number;
  x: number;
  y: number;
}

export const DEFAULT_ABC_XYZ: AbcXyzOptions = { a: 0.8, b: 0.95, x: 0.1, y: 0.25 };

/** ABC within each snapshot (`partition`) over a revenue column; ties broken by customer id. */
export function abcSql(
  revenue: string,
  o: AbcXyzOptions,
  partition = 'snapshot_id',
  key = 'customer_id',
): string {
  const positive = `CASE WHEN ${revenue} > 0 THEN ${revenue} ELSE 0 END`;
  const before = `(sum(${positive}) OVER (PARTITION BY ${partition} ORDER BY ${positive} DESC, ${key} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))`;
  const total = `sum(${positive}) OVER (PARTITION BY ${partition})`;
  return `CASE WHEN ${revenue} IS NULL OR ${revenue} <= 0 THEN 'C'
    WHEN coalesce(${before}, 0) < ${o.a} * ${total} THEN 'A'
    WHEN coalesce(${before}, 0) < ${o.b} * ${total} THEN 'B' ELSE 'C' END`;
}

/** XYZ from the 12-month sum and sum of squares of a monthly series. */
export function xyzSql(sum12: string, sumsq12: string, o: AbcXyzOptions): string {
  const mean = `(${sum12} / 12.0)`;
  const cv = `(sqrt(greatest(${sumsq12} / 12.0 - ${mean} * ${mean}, 0)) / ${mean})`;
  return `CASE WHEN ${sum12} IS NULL OR ${sum12} <= 0 THEN NULL WHEN ${cv} <= ${o.x} THEN 'X' WHEN ${cv} <= ${o.y} THEN 'Y' ELSE 'Z' END`;
}
