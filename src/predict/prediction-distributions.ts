import { ident } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';

/** Bins of every histogram of the stored predictions. */
export const HISTOGRAM_BINS = 20;

/**
 * How a histogram's range is chosen: `unit` is [0, 1] (probabilities); `p99` runs from min(0, smallest value) to
 * the 99th percentile, with one more bin for the values above it, so that a few very large values do not
 * squeeze everyone else into the first bin.
 */
export type BinRange = 'unit' | 'p99';

/** The columns of `predictions` shown as distributions, with their ranges. */
export const DISTRIBUTION_RANGES = {
  clv: 'p99',
  p_alive: 'unit',
  churn_risk: 'unit',
  expected_purchases: 'p99',
} as const satisfies Record<string, BinRange>;

export type DistributionColumn = keyof typeof DISTRIBUTION_RANGES;

export interface HistogramBin {
  bin: number;
  from: number;
  to: number;
  /** The extra bin of the values above the 99th percentile (`from` is the percentile, `to` the largest value). */
  overflow: boolean;
  customers: number;
}

/**
 * The histogram of one column of `predictions`: HISTOGRAM_BINS bins of equal width, bin i holding
 * from ≤ value < to (the last regular bin includes its upper edge), empty bins included. The 99th percentile is
 * DuckDB's `quantile_cont` (linear interpolation between order statistics).
 */
export function histogramSql(column: DistributionColumn): string {
  const v = ident(column);
  const n = HISTOGRAM_BINS;
  const bounds =
    DISTRIBUTION_RANGES[column] === 'unit'
      ? `SELECT 0.0 AS lo, 1.0 AS hi, max(${v}) AS top FROM predictions`
      : `SELECT least(0, min(${v})) AS lo, quantile_cont(${v}, 0.99) AS hi, max(${v}) AS top FROM predictions`;
  return `WITH b AS (${bounds}),
  w AS (SELECT lo, hi, top, CASE WHEN hi > lo THEN (hi - lo) / ${n} ELSE 1 END AS width FROM b),
  binned AS (
    SELECT CASE WHEN p.v > w.hi THEN ${n} ELSE least(CAST(floor((p.v - w.lo) / w.width) AS INTEGER), ${n - 1}) END AS bin,
      count(*) AS customers
    FROM (SELECT ${v} AS v FROM predictions WHERE ${v} IS NOT NULL) p, w GROUP BY 1)
  SELECT CAST(g.bin AS INTEGER) AS bin, w.lo + g.bin * w.width AS "from",
    CASE WHEN g.bin = ${n} THEN w.top ELSE w.lo + (g.bin + 1) * w.width END AS "to",
    g.bin = ${n} AS overflow, coalesce(binned.customers, 0) AS customers
  FROM w, range(0, ${n + 1}) g(bin) LEFT JOIN binned ON binned.bin = g.bin
  WHERE g.bin < ${n} OR w.top > w.hi
  ORDER BY g.bin`;
}

export async function predictionDistributions(
  ws: Workspace,
): Promise<Record<DistributionColumn, HistogramBin[]>> {
  const out = {} as Record<DistributionColumn, HistogramBin[]>;
  for (const column of Object.keys(DISTRIBUTION_RANGES) as DistributionColumn[]) {
    out[column] = await ws.all<HistogramBin>(histogramSql(column));
  }
  return out;
}

/** Churn risk above which a customer counts as at risk, unless another threshold is asked for. */
export const AT_RISK_THRESHOLD = 0.5;

export interface PredictionTotals {
  customers: number;
  clv: number;
  clv_mean: number;
  clv_median: number;
  expected_purchases: number;
  /** Σ P(alive): the expected number of customers who are still buying. */
  expected_alive: number;
  /** Customers with churn risk above the threshold ($1), and their CLV. */
  at_risk: number;
  at_risk_clv: number;
}

/** Totals over every customer of `predictions`; $1 is the at-risk threshold of churn risk. */
export const TOTALS_SQL = `SELECT count(*) AS customers, sum(clv) AS clv, avg(clv) AS clv_mean, median(clv) AS clv_median,
  sum(expected_purchases) AS expected_purchases, sum(p_alive) AS expected_alive,
  count(*) FILTER (WHERE churn_risk > $1) AS at_risk, coalesce(sum(clv) FILTER (WHERE churn_risk > $1), 0) AS at_risk_clv
FROM predictions`;

export async function predictionTotals(
  ws: Workspace,
  threshold = AT_RISK_THRESHOLD,
): Promise<PredictionTotals> {
  return (await ws.one<PredictionTotals>(TOTALS_SQL, [threshold]))!;
}
