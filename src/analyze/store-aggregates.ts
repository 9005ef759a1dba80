import { notePrecomputed } from '../db/precomputed.js';
import { storeSalesSummary } from '../db/sales-summary.js';
import type { Workspace } from '../db/workspace.js';
import { storePredictionFigures } from '../predict/stored-prediction-figures.js';
import { resolveAsOf } from '../profile/as-of.js';
import { storeProfileFigures } from '../profile/profile-figures.js';
import { ANALYSIS_VERSION_SQL, PREDICTION_CELLS_VERSION_SQL } from './cell-source.js';
import { storeProducts } from './products.js';
import { storePredictionCells } from './prediction-cells.js';
import { CELLS, PREDICTION_CELLS, storeSnapshotCells } from './snapshot-cells.js';

/**
 * The small results the web app's pages read instead of scanning every sale or every customer at every
 * snapshot: the sales summary, the snapshot cells and moves (snapshot-cells.ts), the products table, the
 * profile's figures and the predictions' figures. Run at the end of `analyze` and `predict`, inside their
 * transaction, after their run is recorded; each part is computed only when what it depends on changed, and
 * the cells only for the snapshot dates that changed (`computed`: the dates an analysis computed). The
 * prediction cells are stored by `predict --snapshots` (`predictions`), which follows an analysis: until it
 * runs, the pages that need them read the predictions directly.
 */
export async function storeAnalysisAggregates(
  ws: Workspace,
  o: { computed?: readonly string[]; predictions?: boolean } = {},
): Promise<void> {
  await storeSalesSummary(ws);
  const asOf = await resolveAsOf(ws, undefined);
  await storeProducts(ws, asOf);
  await storeProfileFigures(ws, asOf);
  await storePredictionFigures(ws);
  if (!(await ws.tableExists('analyses'))) return;
  const analysis = String(await ws.scalar(`SELECT strftime(as_of, '%Y-%m-%d') FROM analyses`));
  await storeSnapshotCells(ws, o.computed);
  await notePrecomputed(ws, CELLS, analysis, ANALYSIS_VERSION_SQL);
  if (!o.predictions) return;
  await storePredictionCells(ws);
  await notePrecomputed(ws, PREDICTION_CELLS, analysis, PREDICTION_CELLS_VERSION_SQL);
}
