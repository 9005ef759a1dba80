import type { Workspace } from '../db/workspace.js';
import type { ProgressListener } from '../util/progress.js';
import { storeClvByStage } from './clv-by-stage.js';
import { predict, predictSnapshots, type PredictOptions, type PredictReport } from './predict.js';

/**
 * `predict` at the as-of date and, when an analysis is stored, at each of its snapshots too (each fitted on its
 * own past), so that the CLV history and CLV by stage are there: what `clientele start` and the API's predict
 * job run. `snapshots_predicted` is null when there is no analysis to predict at.
 */
export async function predictWithHistory(
  ws: Workspace,
  options: PredictOptions,
  onProgress?: ProgressListener,
): Promise<Omit<PredictReport, 'snapshots_predicted'> & { snapshots_predicted: number | null }> {
  onProgress?.({ phase: 'fitting', done: 0, total: 1 });
  const report = await predict(ws, options);
  if (!(await ws.tableExists('analyses'))) return { ...report, snapshots_predicted: null };
  const snapshots = await predictSnapshots(ws, options, onProgress);
  await storeClvByStage(ws);
  return { ...report, snapshots_predicted: snapshots };
}
