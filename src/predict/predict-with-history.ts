import type { Workspace } from '../db/workspace.js';
import type { ProgressListener } from '../util/progress.js';
import { storeClvByStage } from './clv-by-stage.js';
import { predict, type PredictOptions, type PredictReport } from './predict.js';
import { predictSnapshots } from './predict-snapshots.js';
import { PredictionWork } from './prediction-work.js';

/**
 * `predict` at the as-of date and, when an analysis is stored, at each of its snapshots too (each fitted on its
 * own past; snapshots whose stored predictions are still valid are kept), so that the CLV history and CLV by
 * stage are there: what `clientele start` and the API's predict job run. `snapshots_predicted` is null when
 * there is no analysis to predict at.
 */
export async function predictWithHistory(
  ws: Workspace,
  options: PredictOptions,
  onProgress?: ProgressListener,
): Promise<Omit<PredictReport, 'snapshots_predicted'> & { snapshots_predicted: number | null }> {
  onProgress?.({ phase: 'fitting', done: 0, total: 1 });
  const work = await PredictionWork.open(ws);
  try {
    const report = await predict(ws, options, work);
    if (!(await ws.tableExists('analyses'))) return { ...report, snapshots_predicted: null };
    const s = await predictSnapshots(ws, options, onProgress, { work });
    await storeClvByStage(ws);
    return {
      ...report,
      snapshots_predicted: s.predicted,
      snapshots_computed: s.computed,
      snapshots_kept: s.kept,
    };
  } finally {
    await work.close();
  }
}
