import type { Workspace } from '../db/workspace.js';
import { quantileLevels } from '../segments/rfm.js';
import type { PipelineOptions } from './pipeline.js';
import { histogramQuantile } from './quantile.js';
import { bucketSqlOf } from './snapshot-dates.js';

/** Per-snapshot thresholds, reported next to the results. */
export type Thresholds = Record<string, number | null>;

/** Used only while no customer has a second purchase day: r₀ = 30 days, c₀ = 0.5, G = L = 90 days. */
export const FALLBACK = { r0: 30, c0: 0.5, days: 90 };

/**
 * The thresholds of every snapshot, from the work tables `cl_grid` (the customers at each snapshot) and
 * `cl_cday` (the gaps between purchase days): RFM cut points, the population rhythm r₀, c₀, and the
 * one-time and lapse days G and L.
 */
export async function computeThresholds(ws: Workspace, o: PipelineOptions): Promise<Map<number, Thresholds>> {
  const out = new Map<number, Thresholds>();
  const levels = quantileLevels(o.rfm.levels);
  const q = `[${levels.join(', ')}]`;
  const rows = await ws.all<{
    snapshot_id: number;
    r: number[];
    f: number[];
    m: number[];
    r0: number | null;
    c0: number | null;
    customers: number;
  }>(
    `SELECT snapshot_id,
       quantile_cont(recency_days, ${q}) AS r, quantile_cont(orders, ${q}) AS f, quantile_cont(CAST(gross_revenue AS DOUBLE), ${q}) AS m,
       median(gap_mean) AS r0, median(gap_sd / gap_mean) FILTER (WHERE gap_n >= 2 AND gap_mean > 0) AS c0,
       count(*) AS customers
     FROM cl_grid GROUP BY snapshot_id ORDER BY snapshot_id`,
  );
  // Gaps are whole days: per-snapshot quantiles come from cumulative histograms, not from N re-scans.
  const gaps = await ws.all<{ bucket: number; gap: number; n: number; first: boolean }>(
    `SELECT ${bucketSqlOf(o.snapshots)('day')} AS bucket, gap, purchase_no = 2 AS first, count(*) AS n
     FROM cl_cday WHERE gap IS NOT NULL GROUP BY ALL ORDER BY bucket, gap`,
  );
  for (const row of rows) {
    const snap = o.snapshots[row.snapshot_id]!;
    const all = histogram(gaps.filter((g) => g.bucket <= snap.bucket));
    const firsts = histogram(gaps.filter((g) => g.bucket <= snap.bucket && g.first));
    const t: Thresholds = {
      customers: row.customers,
      r0: row.r0,
      c0: row.c0,
      one_time_days: histogramQuantile(firsts.values, firsts.counts, o.lifecycle.oneTimeQuantile),
      lapse_days: histogramQuantile(all.values, all.counts, o.lifecycle.lapseQuantile),
    };
    levels.forEach((_, i) => {
      t[`r_cut_${i + 1}`] = o.rfm.cuts?.r?.[i] ?? row.r[i] ?? null;
      t[`f_cut_${i + 1}`] = o.rfm.cuts?.f?.[i] ?? row.f[i] ?? null;
      t[`m_cut_${i + 1}`] = o.rfm.cuts?.m?.[i] ?? row.m[i] ?? null;
    });
    // Before anyone has bought twice the population rhythm is unknown; these stated defaults stand in.
    t['r0'] ??= FALLBACK.r0;
    t['c0'] ??= FALLBACK.c0;
    t['one_time_days'] ??= t['lapse_days'] ?? FALLBACK.days;
    t['lapse_days'] ??= t['one_time_days'] ?? FALLBACK.days;
    out.set(row.snapshot_id, t);
  }
  return out;
}

function histogram(rows: { gap: number; n: number }[]): { values: number[]; counts: number[] } {
  const byGap = new Map<number, number>();
  for (const r of rows) byGap.set(r.gap, (byGap.get(r.gap) ?? 0) + r.n);
  const values = [...byGap.keys()].sort((a, b) => a - b);
  return { values, counts: values.map((v) => byGap.get(v)!) };
}
