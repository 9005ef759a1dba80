import type { Workspace } from '../db/workspace.js';
import type { PredictReport } from './predict.js';

/** The last `predict` run: its report (model, parameters, options, totals) and when it was made. */
export interface StoredPredictionRun {
  report: PredictReport;
  created_at: string;
}

/** Reads the stored run of `predict`; undefined when predictions were never computed. */
export async function storedPredictionRun(ws: Workspace): Promise<StoredPredictionRun | undefined> {
  if (!(await ws.tableExists('predictions')) || !(await ws.tableExists('prediction_runs'))) return undefined;
  const row = await ws.one<{ report: string; created_at: string }>(
    `SELECT CAST(report AS VARCHAR) AS report, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at
     FROM prediction_runs ORDER BY created_at DESC LIMIT 1`,
  );
  if (!row) return undefined;
  return { report: JSON.parse(row.report) as PredictReport, created_at: row.created_at };
}
