import { recordRun } from '../db/runs.js';
import { salesVersionAt } from '../db/sales-version.js';
import type { Workspace } from '../db/workspace.js';
import { isInputError } from '../errors.js';
import type { ProgressListener } from '../util/progress.js';
import type { PredictOptions } from './predict.js';
import type { DateModel } from './date-model.js';
import { fitPool, inlineFitPool } from './fit-pool.js';
import { PredictionWork, predictionOptions, type DateFit, type PreparedDate } from './prediction-work.js';
import {
  dropStaleSnapshotDates,
  predictedSnapshotCount,
  prepareSnapshotPredictionStore,
  replaceSnapshotDate,
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
      await computeDates(ws, work, todo, options, onProgress);
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
  return { predicted, computed, kept };
}

/**
 * Computes and stores the dates: a date that `work` has just fitted (a `predict` at the latest snapshot) is
 * stored from that fit; the others are pipelined — the main thread computes a date's summary in the database
 * while worker threads fit the dates before it, and stores each date's rows as its fit arrives.
 */
async function computeDates(
  ws: Workspace,
  work: PredictionWork,
  todo: { asOf: string; version: string }[],
  options: Omit<PredictOptions, 'asOf'>,
  onProgress?: ProgressListener,
): Promise<void> {
  const key = JSON.stringify(options);
  let done = 0;
  const finish = async (
    t: { asOf: string; version: string },
    fit: DateFit | undefined,
    error: string | null,
  ) => {
    const from = { options: key, sales_version: t.version, customers: fit?.customers ?? 0, error };
    await replaceSnapshotDate(ws, t.asOf, from, async () => {
      for (let part = 0; fit && part < work.parts.count; part++) {
        const rows = work.rowsSql(fit, part);
        await ws.run(
          `INSERT INTO snapshot_prediction_rows SELECT CAST($1 AS DATE), customer_id, expected_purchases,
             p_alive, churn_risk, clv FROM (${rows.sql}) ORDER BY ckey`,
          rows.params,
        );
      }
    });
    onProgress?.({ phase: 'snapshots', done: ++done, total: todo.length });
  };
  onProgress?.({ phase: 'snapshots', done: 0, total: todo.length });
  const rest: typeof todo = [];
  for (const t of todo) {
    const fit = work.fittedAt(t.asOf, options);
    if (fit) await finish(t, fit, null);
    else rest.push(t);
  }
  const pool = rest.length > 1 ? fitPool() : inlineFitPool();
  const inFlight: { t: (typeof todo)[number]; prepared: PreparedDate; model: Promise<DateModel | Error> }[] =
    [];
  const complete = async (f: (typeof inFlight)[number]) => {
    const model = await f.model;
    if (model instanceof Error) {
      if (!isInputError(model)) throw model;
      await finish(f.t, undefined, model.message); // too little history at the earliest snapshots for a fit
    } else {
      await finish(f.t, await work.store(f.prepared, model), null);
    }
    await work.release(f.prepared);
  };
  try {
    for (const t of rest) {
      const prepared = await work.prepare(t.asOf, options);
      const model = pool.fit(prepared.inputs).catch((error: unknown) => error as Error);
      inFlight.push({ t, prepared, model });
      while (inFlight.length > pool.threads) await complete(inFlight.shift()!);
    }
    while (inFlight.length > 0) await complete(inFlight.shift()!);
  } finally {
    await pool.close();
  }
}

function canonical(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json));
  } catch {
    return '';
  }
}
