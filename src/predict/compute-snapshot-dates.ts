import type { Workspace } from '../db/workspace.js';
import { isInputError } from '../errors.js';
import type { ProgressListener } from '../util/progress.js';
import { fitDateBytes, type DateModel } from './date-model.js';
import { fitPool, inlineFitPool } from './fit-pool.js';
import type { PredictOptions } from './predict.js';
import type { DateFit, PredictionWork, PreparedDate } from './prediction-work.js';
import { replaceSnapshotDate } from './snapshot-prediction-store.js';

/**
 * Computes and stores the dates: a date that `work` has just fitted (a `predict` at the latest snapshot) is
 * stored from that fit; the others are pipelined — the main thread computes a date's summary in the database
 * while worker threads fit the dates before it, and stores each date's rows as its fit arrives.
 */
export async function computeSnapshotDates(
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
    onProgress?.({ phase: 'snapshots', done: ++done, total: todo.length, unit: 'snapshots' });
  };
  onProgress?.({ phase: 'snapshots', done: 0, total: todo.length, unit: 'snapshots' });
  const rest: typeof todo = [];
  for (const t of todo) {
    const fit = work.fittedAt(t.asOf, options);
    if (fit) await finish(t, fit, null);
    else rest.push(t);
  }
  const pool = rest.length > 1 ? fitPool() : inlineFitPool();
  // The dates in flight hold their inputs and fits in JS: together at most a quarter of the memory budget
  // (always at least one), besides one per worker thread and one waiting.
  const limit = ws.budget.bytes / 4;
  let bytes = 0;
  const inFlight: {
    t: (typeof todo)[number];
    prepared: PreparedDate;
    model: Promise<DateModel | Error>;
    bytes: number;
  }[] = [];
  const complete = async (f: (typeof inFlight)[number]) => {
    bytes -= f.bytes;
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
      const size = fitDateBytes(prepared.inputs);
      const model = pool.fit(prepared.inputs).catch((error: unknown) => error as Error);
      inFlight.push({ t, prepared, model, bytes: size });
      bytes += size;
      while (inFlight.length > pool.threads || (inFlight.length > 1 && bytes > limit)) {
        await complete(inFlight.shift()!);
      }
    }
    while (inFlight.length > 0) await complete(inFlight.shift()!);
  } finally {
    await pool.close();
  }
}
