import { notePrecomputed, precomputedCurrent } from '../db/precomputed.js';
import type { Workspace } from '../db/workspace.js';
import {
  AT_RISK_THRESHOLD,
  predictionDistributions,
  predictionTotals,
  type DistributionColumn,
  type HistogramBin,
  type PredictionTotals,
} from './prediction-distributions.js';

/** The totals and histograms of the stored predictions, as the CLV & churn page shows them. */
export interface PredictionFigures {
  totals: PredictionTotals;
  distributions: Record<DistributionColumn, HistogramBin[]>;
}

/** Changes with every `predict` run, the only writer of `predictions`. */
const PREDICTIONS_VERSION_SQL = `SELECT concat_ws('-', count(*), max(run_id)) FROM runs WHERE command = 'predict'`;

const NAME = 'prediction_figures';

/**
 * Stores the figures of the predictions unless stored for the same run: a 99th percentile and five scans of
 * 10 M predictions take longer than a page may wait.
 */
export async function storePredictionFigures(ws: Workspace): Promise<void> {
  if (!(await ws.tableExists('predictions'))) return;
  if (await precomputedCurrent(ws, NAME, PREDICTIONS_VERSION_SQL)) return;
  const asOf = await ws.scalar(`SELECT strftime(max(as_of), '%Y-%m-%d') FROM predictions`);
  if (typeof asOf !== 'string') return;
  const figures: PredictionFigures = {
    totals: await predictionTotals(ws, AT_RISK_THRESHOLD),
    distributions: await predictionDistributions(ws),
  };
  await notePrecomputed(ws, NAME, asOf, PREDICTIONS_VERSION_SQL, { ...figures });
}

/** The figures at the default at-risk threshold: stored when current, else computed from `predictions`. */
export async function predictionFigures(ws: Workspace): Promise<PredictionFigures> {
  const stored = await precomputedCurrent<PredictionFigures & Record<string, unknown>>(
    ws,
    NAME,
    PREDICTIONS_VERSION_SQL,
  );
  if (stored) return { totals: stored.totals, distributions: stored.distributions };
  return {
    totals: await predictionTotals(ws, AT_RISK_THRESHOLD),
    distributions: await predictionDistributions(ws),
  };
}
