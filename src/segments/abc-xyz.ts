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

/**
 * The same ABC rule for many partitions of a large table, in two steps that keep the wide rows out of the
 * sort. Sorted by (revenue descending, key), A and B are each a prefix of the rows with positive revenue, so
 * each is fixed by its last row. `abcCutsSql` finds, per partition, the revenue and key of the last A row and
 * of the last B row (from a narrow sort of partition, key and revenue); `abcFromCutsSql` then classes a row by
 * comparing it with them: in the prefix when its revenue is higher than the cut's, or equal with a key at or
 * before the cut's.
 */
export function abcCutsSql(
  table: string,
  revenue: string,
  o: AbcXyzOptions,
  partition: string,
  key: string,
): string {
  // The last row in (revenue descending, key) order: the smallest revenue, and of those the largest key.
  const last = (share: number): string =>
    `arg_max({'v': v, 'k': k}, {'nv': -v, 'k': k}) FILTER (WHERE before < ${share} * total)`;
  return `WITH r AS (
      SELECT ${partition} AS part, ${key} AS k, ${revenue} AS v,
        coalesce(sum(${revenue}) OVER (PARTITION BY ${partition} ORDER BY ${revenue} DESC, ${key}
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
        sum(${revenue}) OVER (PARTITION BY ${partition}) AS total
      FROM ${table} WHERE ${revenue} > 0),
    cuts AS (SELECT part, ${last(o.a)} AS a, ${last(o.b)} AS b FROM r GROUP BY part)
    SELECT part AS ${partition}, a.v AS abc_a_v, a.k AS abc_a_k, b.v AS abc_b_v, b.k AS abc_b_k FROM cuts`;
}

/** The ABC class of a row from the cut columns of `abcCutsSql` joined to it (ties broken by `key`). */
export function abcFromCutsSql(revenue: string, key: string): string {
  const within = (c: 'a' | 'b'): string =>
    `(${revenue} > abc_${c}_v OR (${revenue} = abc_${c}_v AND ${key} <= abc_${c}_k))`;
  return `CASE WHEN ${revenue} IS NULL OR ${revenue} <= 0 THEN 'C'
    WHEN ${within('a')} THEN 'A' WHEN ${within('b')} THEN 'B' ELSE 'C' END`;
}

/**
 * The coefficient of variation of a monthly series over 12 months from its sum and sum of squares: population
 * sd / mean, zero months included; NULL when the sum is not positive. The one definition behind XYZ, the
 * snapshots' cv_12m and the products' cv.
 */
export function cv12Sql(sum12: string, sumsq12: string): string {
  const mean = `(${sum12} / 12.0)`;
  return `CASE WHEN ${sum12} > 0 THEN sqrt(greatest(${sumsq12} / 12.0 - ${mean} * ${mean}, 0)) / ${mean} END`;
}

/** XYZ from the 12-month sum and sum of squares of a monthly series (cv12Sql). */
export function xyzSql(sum12: string, sumsq12: string, o: AbcXyzOptions): string {
  const cv = `(${cv12Sql(sum12, sumsq12)})`;
  return `CASE WHEN ${sum12} IS NULL OR ${sum12} <= 0 THEN NULL WHEN ${cv} <= ${o.x} THEN 'X' WHEN ${cv} <= ${o.y} THEN 'Y' ELSE 'Z' END`;
}
