import { recordRun } from '../db/runs.js';
import { storeAnalysisAggregates } from '../analyze/store-aggregates.js';
import { salesVersionAt } from '../db/sales-version.js';
import type { Workspace } from '../db/workspace.js';
import type { ProgressListener } from '../util/progress.js';
import type { PredictOptions } from './predict.js';
import { computeSnapshotDates } from './compute-snapshot-dates.js';
import { PredictionWork, predictionOptions } from './prediction-work.js';
import {
  dropStaleSnapshotDates,
  predictedSnapshotCount,
  prepareSnapshotPredictionStore,
  storedSnapshotDates,
} from './snapshot-prediction-store.js';

export interface SnapshotPredictions {
  /** Snapshots of the analysis that have predictions (the earliest may have too little history for a fit). */
  predicted: number;
  /** Dates (YYYY-MM-DD) computed in this run, and dates whose stored predictions were still valid. */
  computed: string[];
  kept: string[];
}

export interface SnapshotRunOptions {
  /** Recompute every snapshot, even those whose stored predictions are still valid. */
  full?: boolean;
  /** The work of a `predict` in the same run, to share its transactions and its fit at the same date. */
  work?: PredictionWork;
}

/**
 * The same predictions at every snapshot of the stored analysis, each fitted only on the data up to its date
 * (no look-ahead), into `snapshot_predictions` — the CLV and churn-risk history of every customer. A date whose
 * stored predictions were computed with the same options from the same sales (`salesVersionAt`) is kept as it
 * is; the others are computed, and dates that are no longer snapshots are dropped (`full` recomputes all).
 */
export async function predictSnapshots(
  ws: Workspace,
  o: Omit<PredictOptions, 'asOf'>,
  onProgress?: ProgressListener,
  run: SnapshotRunOptions = {},
): Promise<SnapshotPredictions> {
  const started = Date.now();
  const options = predictionOptions(o);
  const key = JSON.stringify(options);
  await prepareSnapshotPredictionStore(ws);
  await dropStaleSnapshotDates(ws);
  const dates = (
    await ws.all<{ as_of: string }>(
      `SELECT strftime(as_of, '%Y-%m-%d') AS as_of FROM snapshots ORDER BY as_of`,
    )
  ).map((r) => r.as_of);
  const stored = await storedSnapshotDates(ws);
  const todo: { asOf: string; version: string }[] = [];
  const kept: string[] = [];
  for (const asOf of dates) {
    const version = await salesVersionAt(ws, asOf);
    const s = stored.get(asOf);
    const same = s !== undefined && canonical(s.options) === key && s.sales_version === version;
    if (same && !run.full) kept.push(asOf);
    else todo.push({ asOf, version });
  }
  if (todo.length > 0) {
    const work = run.work ?? (await PredictionWork.open(ws));
    try {
      await computeSnapshotDates(ws, work, todo, options, onProgress);
    } finally {
      if (run.work === undefined) await work.close();
    }
  }
  const computed = todo.map((t) => t.asOf).sort();
  const predicted = await predictedSnapshotCount(ws);
  await recordRun(
    ws,
    'predict --snapshots',
    { model: o.model, snapshots: predicted, computed: computed.length, kept: kept.length },
    started,
  );
  await storeAnalysisAggregates(ws, { predictions: true });
  return { predicted, computed, kept };
}

function canonical(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json));
  } catch {
    return '';
  }
}
