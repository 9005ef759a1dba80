import type { Workspace } from '../db/workspace.js';
import { literal } from '../db/sql.js';
import type { AbcXyzOptions } from '../segments/abc-xyz.js';
import type { LifecycleOptions } from '../segments/lifecycle.js';
import { quantileLevels, type RfmOptions } from '../segments/rfm.js';
import { populationRhythmAggregates, RHYTHM_FALLBACK } from '../segments/rhythm.js';
import { totalsSql, type MonthStep } from './month-step.js';
import { histogramQuantile } from './quantile.js';

/** Per-snapshot thresholds, reported next to the results. */
export type Thresholds = Record<string, number | null>;

export interface ThresholdOptions {
  rfm: RfmOptions;
  lifecycle: LifecycleOptions;
  abcXyz: AbcXyzOptions;
}

/** Used only while no customer has a second purchase day: r₀ and c₀ as RHYTHM_FALLBACK, G = L = 90 days. */
export const FALLBACK = { ...RHYTHM_FALLBACK, days: 90 };

/** Every gap between consecutive purchase days so far, counted by length (and whether it ends a 2nd purchase). */
export const GAP_HISTOGRAM = 'cl_gap_hist';

/**
 * The thresholds at the end of a step, from the customers' totals then and the gaps so far: the population
 * rhythm r₀ (median of the customers' mean gaps) and c₀ (median of their gaps' coefficient of variation, two
 * gaps or more), the one-time and lapse days G and L (quantiles of the first and of all gaps), and at a
 * snapshot the RFM cut points (quantiles of recency, orders and gross revenue, type 7 as quantile_cont).
 */
export async function stepThresholds(
  ws: Workspace,
  s: MonthStep,
  o: ThresholdOptions,
  snapshot: boolean,
): Promise<Thresholds> {
  const levels = quantileLevels(o.rfm.levels);
  const q = `[${levels.join(', ')}]`;
  const rfm = snapshot
    ? `, quantile_cont(date_diff('day', last_purchase, DATE ${literal(s.periodEnd)}), ${q}) AS r,
         quantile_cont(orders, ${q}) AS f, quantile_cont(CAST(gross_revenue AS DOUBLE), ${q}) AS m`
    : '';
  const pop = populationRhythmAggregates({ k: 'gap_n', mean: 'gap_mean', sd: 'gap_sd' });
  const row = await ws.one<{
    r0: number | null;
    c0: number | null;
    customers: number;
    r?: number[];
    f?: number[];
    m?: number[];
  }>(
    `SELECT ${pop.r0} AS r0, ${pop.c0} AS c0,
       count(*) AS customers ${rfm}
     FROM (${totalsSql(s)}) WHERE first_purchase IS NOT NULL`,
  );
  const gaps = await ws.all<{ gap: number; n: number; first: boolean }>(
    `SELECT gap, first, sum(n) AS n FROM ${GAP_HISTOGRAM} GROUP BY ALL ORDER BY gap`,
  );
  const all = histogram(gaps);
  const firsts = histogram(gaps.filter((g) => g.first));
  const t: Thresholds = {
    customers: Number(row?.customers ?? 0),
    r0: row?.r0 ?? null,
    c0: row?.c0 ?? null,
    one_time_days: histogramQuantile(firsts.values, firsts.counts, o.lifecycle.oneTimeQuantile),
    lapse_days: histogramQuantile(all.values, all.counts, o.lifecycle.lapseQuantile),
  };
  if (snapshot) {
    levels.forEach((_, i) => {
      t[`r_cut_${i + 1}`] = o.rfm.cuts?.r?.[i] ?? row?.r?.[i] ?? null;
      t[`f_cut_${i + 1}`] = o.rfm.cuts?.f?.[i] ?? row?.f?.[i] ?? null;
      t[`m_cut_${i + 1}`] = o.rfm.cuts?.m?.[i] ?? row?.m?.[i] ?? null;
    });
  }
  // Before anyone has bought twice the population rhythm is unknown; these stated defaults stand in.
  t['r0'] ??= FALLBACK.r0;
  t['c0'] ??= FALLBACK.c0;
  t['one_time_days'] ??= t['lapse_days'] ?? FALLBACK.days;
  t['lapse_days'] ??= t['one_time_days'] ?? FALLBACK.days;
  return t;
}

/** Adds the step's gaps (see monthGapsSql) to the histogram. */
export function addGapsSql(gaps: string): string {
  return `INSERT INTO ${GAP_HISTOGRAM} SELECT gap, purchase_no = 2 AS first, count(*) AS n
    FROM ${gaps} WHERE gap IS NOT NULL GROUP BY ALL`;
}

function histogram(rows: { gap: number; n: number }[]): { values: number[]; counts: number[] } {
  const byGap = new Map<number, number>();
  for (const r of rows) byGap.set(r.gap, (byGap.get(r.gap) ?? 0) + Number(r.n));
  const values = [...byGap.keys()].sort((a, b) => a - b);
  return { values, counts: values.map((v) => byGap.get(v)!) };
}
