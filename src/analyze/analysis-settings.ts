import type { Workspace } from '../db/workspace.js';
import { catalogue, type Metric, type SegmentSettings } from '../metrics/index.js';

/** The RFM, ABC and XYZ settings the stored analysis used; undefined without an analysis. */
export async function analysisSettings(ws: Workspace): Promise<SegmentSettings | undefined> {
  if (!(await ws.tableExists('analyses'))) return undefined;
  const row = await ws.one<{ options: string | null }>(
    `SELECT CAST(options AS VARCHAR) AS options FROM analyses`,
  );
  if (!row?.options) return undefined;
  const o = JSON.parse(row.options) as {
    rfm: { levels: 3 | 5; cuts: SegmentSettings['rfm']['cuts'] | null };
    abc_xyz: SegmentSettings['abcXyz'];
  };
  return {
    rfm: { levels: o.rfm.levels, ...(o.rfm.cuts ? { cuts: o.rfm.cuts } : {}) },
    abcXyz: o.abc_xyz,
  };
}

/** The metric catalogue whose method texts state the cut points of the workspace's stored analysis. */
export async function workspaceCatalogue(ws: Workspace): Promise<Metric[]> {
  return catalogue(await analysisSettings(ws));
}
