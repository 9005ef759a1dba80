import { DEFAULT_RFM_MAP, rfmMapSql, type RfmMap } from './rfm-map.js';

/**
 * RFM scores. By default each of R (recency_days, lower is better), F (orders) and M (gross_revenue) is scored
 * 1–5 against the 20/40/60/80 % quantiles of the customers at the snapshot (linear interpolation, as DuckDB's
 * quantile_cont and R's type 7): score = 1 + the number of cut points strictly below the value; for R,
 * 6 minus that. Equal values therefore share a score. With `levels: 3` the cut points are the terciles.
 */
export interface RfmOptions {
  levels: 3 | 5;
  /** Fixed cut points instead of quantiles, ascending, `levels - 1` per dimension. */
  cuts?: Partial<Record<'r' | 'f' | 'm', number[]>>;
  map: RfmMap;
}

export const DEFAULT_RFM: RfmOptions = { levels: 5, map: DEFAULT_RFM_MAP };

export function quantileLevels(levels: 3 | 5): number[] {
  return Array.from({ length: levels - 1 }, (_, i) => (i + 1) / levels);
}

/** `1 + #{cuts strictly below value}` where `cuts` are the SQL expressions of the cut points. */
export function scoreSql(value: string, cuts: readonly string[], reverse: boolean, levels: 3 | 5): string {
  const below = cuts.map((c) => `CAST(${c} < ${value} AS INTEGER)`).join(' + ');
  return reverse ? `(${levels} - (${below}))` : `(1 + ${below})`;
}

/** The segment: for 5 levels the explicit map; for 3 levels the map applied to scores stretched to 1–5. */
export function segmentSql(options: RfmOptions, r: string, f: string, m: string): string {
  const stretch = (x: string): string => (options.levels === 5 ? x : `(2 * ${x} - 1)`);
  return rfmMapSql(options.map, stretch(r), `(${stretch(f)} + ${stretch(m)})`);
}
