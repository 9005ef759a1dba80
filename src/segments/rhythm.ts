/**
 * A customer's purchase rhythm: the typical gap r between purchase days and its spread s, shrunk toward the
 * population's when the customer has few gaps (credibility weighting, Bühlmann 1967):
 *   r = (k·ḡ + κ·r₀) / (k + κ)         k = the customer's gaps, ḡ their mean, r₀ the population's median ḡ
 *   c = ((k−1)·cᵢ + κ·c₀) / (k−1 + κ)   cᵢ = sample sd / mean of the customer's gaps (k ≥ 2), c₀ its median
 *   s = r · c
 * κ (default 2) is how many gaps the population's value is worth. The SQL below is the one definition used by
 * the profile and by every snapshot.
 */
export const DEFAULT_KAPPA = 2;

/** Used only while no customer has a second purchase day: r₀ = 30 days, c₀ = 0.5. */
export const RHYTHM_FALLBACK = { r0: 30, c0: 0.5 } as const;

/**
 * The population's rhythm as aggregates over one row per customer: r₀ the median of the customers' mean gaps,
 * c₀ the median of their gaps' coefficient of variation (customers with two gaps or more). NULL while nobody
 * has a gap; RHYTHM_FALLBACK stands in then. The one definition used by the profile and by every snapshot.
 */
export function populationRhythmAggregates(c: Pick<RhythmColumns, 'k' | 'mean' | 'sd'>): {
  r0: string;
  c0: string;
} {
  return {
    r0: `median(${c.mean})`,
    c0: `median(${c.sd} / ${c.mean}) FILTER (WHERE ${c.k} >= 2 AND ${c.mean} > 0)`,
  };
}

export interface RhythmColumns {
  /** Number of gaps (purchase days − 1). */
  k: string;
  /** Mean gap in days. */
  mean: string;
  /** Sample standard deviation of the gaps. */
  sd: string;
  r0: string;
  c0: string;
}

/**
 * r, c and s = r·c as SQL. `s` repeats the text of `r`; a query over many rows can compute `r` and `c` as
 * columns first and multiply them, so that DuckDB evaluates each once.
 */
export function rhythmSql(c: RhythmColumns, kappa = DEFAULT_KAPPA): { r: string; c: string; s: string } {
  const r = `((coalesce(${c.k}, 0) * coalesce(${c.mean}, 0) + ${kappa} * ${c.r0}) / (coalesce(${c.k}, 0) + ${kappa}))`;
  const ci = `CASE WHEN ${c.k} >= 2 AND ${c.mean} > 0 THEN ${c.sd} / ${c.mean} END`;
  // Without the customer's own cᵢ (fewer than 2 gaps) the shrunk value is null, and c is c₀.
  const cv = `coalesce(((${c.k} - 1) * ${ci} + ${kappa} * ${c.c0}) / ((${c.k} - 1) + ${kappa}), ${c.c0})`;
  return { r, c: cv, s: `(${r} * ${cv})` };
}
