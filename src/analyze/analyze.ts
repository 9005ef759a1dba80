import type { Workspace } from '../db/workspace.js';
import { recordRun } from '../db/runs.js';
import { precomputeForReaders } from '../profile/precompute.js';
import { prepareProfileLines } from '../profile/write-profile.js';
import { InputError } from '../errors.js';
import { resolveAsOf } from '../profile/as-of.js';
import { DEFAULT_ABC_XYZ, type AbcXyzOptions } from '../segments/abc-xyz.js';
import { DEFAULT_LIFECYCLE, type LifecycleOptions } from '../segments/lifecycle.js';
import { DEFAULT_RFM, type RfmOptions } from '../segments/rfm.js';
import { STAGES, type Stage } from '../segments/stages.js';
import type { ProgressListener } from '../util/progress.js';
import { runChain } from './chain.js';
import { publishAnalysis } from './publish.js';
import { planRefresh } from './refresh-plan.js';
import { snapshotDates } from './snapshot-dates.js';
import { storeAnalysisAggregates } from './store-aggregates.js';
import { stagedLeftovers } from './snapshot-tables.js';
import type { Thresholds } from './thresholds.js';

export interface AnalyzeOptions {
  asOf?: string;
  months?: number;
  rfm?: Partial<RfmOptions>;
  lifecycle?: Partial<LifecycleOptions>;
  abcXyz?: Partial<AbcXyzOptions>;
  /** Compute every snapshot again instead of keeping those whose data and options did not change. */
  full?: boolean;
  onProgress?: ProgressListener;
}

export interface AnalyzeSummary {
  as_of: string;
  months: number;
  snapshots: { snapshot_id: number; as_of: string; month: string; customers: number }[];
  /** The snapshot dates (YYYY-MM-DD) this run computed, and those it kept from the stored analysis. */
  snapshots_computed: string[];
  snapshots_kept: string[];
  /** Why stored snapshots were computed again (empty when nothing stored was replaced). */
  refresh_reasons: string[];
  customers: number;
  stages: {
    now: Record<Stage, number>;
    month_ago: Record<Stage, number> | null;
    month_ago_as_of: string | null;
  };
  rfm_segments: Record<string, number>;
  changes: { stage: Stage; month_ago: number; now: number; change: number }[];
  top_moves: { from_stage: string; to_stage: string; customers: number }[];
  thresholds: Thresholds;
  seconds: number;
}

/**
 * Bumped when the way a snapshot is computed changes, so that snapshots stored by an earlier version are
 * computed again instead of kept.
 */
const PIPELINE_VERSION = 2;

/**
 * Computes the profile, segments and stages at each month end of the last `months` months and at the as-of
 * date, using only data up to each date, and stores them. Snapshots already stored with the same options and
 * the same sales up to their date are kept; the others are computed, continuing from the stored state of the
 * last month end when possible (chain.ts). The new analysis replaces the previous one in one transaction.
 */
export async function analyze(ws: Workspace, options: AnalyzeOptions = {}): Promise<AnalyzeSummary> {
  const started = Date.now();
  const asOf = await resolveAsOf(ws, options.asOf);
  const months = options.months ?? 24;
  const firstSale = String(
    await ws.scalar(`SELECT strftime(min(ts), '%Y-%m-%d') FROM sales WHERE customer_id IS NOT NULL`),
  );
  const snapshots = snapshotDates(asOf, months, firstSale);
  if (snapshots.length === 0) throw new InputError(`There are no sales before ${asOf}.`);
  const rfm: RfmOptions = { ...DEFAULT_RFM, ...options.rfm };
  const lifecycle: LifecycleOptions = { ...DEFAULT_LIFECYCLE, ...options.lifecycle };
  const abcXyz: AbcXyzOptions = { ...DEFAULT_ABC_XYZ, ...options.abcXyz };
  const optionsKey = JSON.stringify({
    version: PIPELINE_VERSION,
    rfm: { levels: rfm.levels, cuts: rfm.cuts ?? null, map: rfm.map },
    lifecycle,
    abc_xyz: abcXyz,
  });
  const seconds = (): number => (Date.now() - started) / 1000;
  for (const table of await stagedLeftovers(ws)) await ws.run(`DROP TABLE IF EXISTS ${table}`);
  const plan = await planRefresh(ws, {
    dates: snapshots.map((s) => s.as_of),
    optionsKey,
    full: options.full ?? false,
  });
  const chain = await runChain(ws, {
    asOf,
    snapshots,
    plan,
    table: { rfm, lifecycle, abcXyz },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  try {
    await chain.release();
    // Rows written since the last checkpoint stay in memory until one: write them out before the profile.
    await ws.run('CHECKPOINT');
    options.onProgress?.({ phase: 'profile', done: 0, total: 1 });
    // The customers' line-level metrics at the date do not depend on the analysis: computed before the
    // transaction, which then only joins the new analysis columns to them.
    await prepareProfileLines(ws, asOf);
    await ws.transaction(async () => {
      await publishAnalysis(ws, { snapshots, plan, chain, optionsKey });
      await ws.run(
        `CREATE OR REPLACE TABLE analyses (as_of DATE, months INTEGER, options JSON, created_at TIMESTAMP, seconds DOUBLE)`,
      );
      await ws.run(`INSERT INTO analyses VALUES (CAST($1 AS DATE), $2, $3, now()::TIMESTAMP, $4)`, [
        asOf,
        months,
        JSON.stringify({
          rfm: { levels: rfm.levels, cuts: rfm.cuts ?? null, map: rfm.map },
          lifecycle,
          abc_xyz: abcXyz,
        }),
        seconds(),
      ]);
      await recordRun(ws, 'analyze', { as_of: asOf, months }, started);
      await precomputeForReaders(ws, asOf);
      await storeAnalysisAggregates(ws, { computed: plan.computed });
    });
  } finally {
    await chain.cleanup();
  }
  return {
    ...(await analysisSummary(ws)),
    snapshots_computed: plan.computed,
    snapshots_kept: plan.kept,
    refresh_reasons: plan.reasons,
    seconds: seconds(),
  };
}

/** Fails with a clear message when `analyze` has not been run. */
export async function requireAnalysis(ws: Workspace): Promise<{ as_of: string; months: number }> {
  const exists = await ws.tableExists('analyses');
  const row = exists
    ? await ws.one<{ as_of: string; months: number }>(`SELECT as_of, months FROM analyses`)
    : undefined;
  if (!row)
    throw new InputError(
      'No analysis yet: run `clientele analyze` first (it computes segments, stages and history).',
    );
  return row;
}

export async function analysisSummary(
  ws: Workspace,
): Promise<Omit<AnalyzeSummary, 'snapshots_computed' | 'snapshots_kept' | 'refresh_reasons'>> {
  const analysis = await requireAnalysis(ws);
  const snapshots = await ws.all<AnalyzeSummary['snapshots'][number]>(
    `SELECT snapshot_id, as_of, month, customers FROM snapshots ORDER BY snapshot_id`,
  );
  const last = snapshots[snapshots.length - 1]!;
  const prev = snapshots.length > 1 ? snapshots[snapshots.length - 2]! : null;
  const counts = async (id: number): Promise<Record<Stage, number>> => {
    const rows = await ws.all<{ stage: Stage; n: number }>(
      `SELECT stage, count(*) AS n FROM customer_snapshots WHERE snapshot_id = $1 GROUP BY stage`,
      [id],
    );
    const out = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    for (const r of rows) out[r.stage] = r.n;
    return out;
  };
  const now = await counts(last.snapshot_id);
  const monthAgo = prev ? await counts(prev.snapshot_id) : null;
  const rfm = await ws.all<{ rfm_segment: string; n: number }>(
    `SELECT rfm_segment, count(*) AS n FROM customer_snapshots WHERE snapshot_id = $1 GROUP BY 1 ORDER BY n DESC`,
    [last.snapshot_id],
  );
  const moves = prev
    ? await ws.all<{ from_stage: string; to_stage: string; customers: number }>(
        `SELECT p.stage AS from_stage, c.stage AS to_stage, count(*) AS customers
         FROM customer_snapshots c JOIN customer_snapshots p ON p.customer_id = c.customer_id AND p.snapshot_id = $1
         WHERE c.snapshot_id = $2 AND p.stage <> c.stage GROUP BY 1, 2 ORDER BY customers DESC, 1, 2 LIMIT 5`,
        [prev.snapshot_id, last.snapshot_id],
      )
    : [];
  const thresholds = Object.fromEntries(
    (
      await ws.all<{ name: string; value: number | null }>(
        `SELECT name, value FROM snapshot_thresholds WHERE snapshot_id = $1`,
        [last.snapshot_id],
      )
    ).map((r) => [r.name, r.value]),
  );
  const row = await ws.one<{ seconds: number }>(`SELECT seconds FROM analyses`);
  return {
    as_of: analysis.as_of,
    months: analysis.months,
    snapshots,
    customers: last.customers,
    stages: { now, month_ago: monthAgo, month_ago_as_of: prev?.as_of ?? null },
    rfm_segments: Object.fromEntries(rfm.map((r) => [r.rfm_segment, r.n])),
    changes: STAGES.map((stage) => ({
      stage,
      month_ago: monthAgo?.[stage] ?? 0,
      now: now[stage],
      change: now[stage] - (monthAgo?.[stage] ?? 0),
    })).sort((a, b) => Math.abs(b.change) - Math.abs(a.change)),
    top_moves: moves,
    thresholds,
    seconds: row?.seconds ?? 0,
  };
}
