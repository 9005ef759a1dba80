import { requireAnalysis } from '../../../analyze/index.js';
import { type Workspace } from '../../../db/index.js';
import { isInputError } from '../../../errors.js';
import { storedPredictionRun, type StoredPredictionRun } from '../../../predict/index.js';
import { ApiError } from '../../api-error.js';
import { apiMessage } from '../../api-words.js';

/**
 * The stored results the models pages read. A missing one is a 409 (the request is fine, the workspace is not
 * ready) whose message says what to run.
 */
export const NO_PREDICTIONS =
  'No predictions yet: press “Compute predictions” on the CLV & churn page (POST /api/predict), or run `clientele predict --snapshots`.';

export async function requirePredictions(ws: Workspace): Promise<StoredPredictionRun> {
  const run = await storedPredictionRun(ws);
  if (!run) throw new ApiError(409, NO_PREDICTIONS);
  return run;
}

export async function requireStoredAnalysis(ws: Workspace): Promise<{ as_of: string; months: number }> {
  try {
    return await requireAnalysis(ws);
  } catch (error) {
    if (isInputError(error)) throw new ApiError(409, apiMessage(error));
    throw error;
  }
}

/** The analysis and the predictions at each of its snapshots (`predict --snapshots`). */
export async function requireSnapshotPredictions(ws: Workspace): Promise<void> {
  await requireStoredAnalysis(ws);
  if (!(await ws.tableExists('snapshot_predictions')))
    throw new ApiError(
      409,
      'The analysis has no predictions at its snapshots yet: press “Compute predictions” on the CLV & churn page (POST /api/predict), or run `clientele predict --snapshots`.',
    );
}
