import type { Workspace } from '../db/workspace.js';
import { snapshotSource } from './cell-source.js';
import {
  DEFAULT_RFM_MAP,
  FM_VALUES,
  validateRfmMap,
  type RfmMap,
  type RfmSegment,
} from '../segments/rfm-map.js';

/** The RFM settings an analysis ran with (its `analyses.options.rfm`): score levels and the segment map. */
export interface RfmSettings {
  levels: 3 | 5;
  map: RfmMap;
}

/** One cell of the R × FM grid at a snapshot: its segment from the map, its customers and their revenue. */
export interface RfmCell {
  r: number;
  /** (F + M) / 2: 1, 1.5, … up to the number of levels. */
  fm: number;
  segment: RfmSegment;
  customers: number;
  /** Sum of the customers' 12-month net revenue, rounded to cents. */
  revenue: number;
}

/** Reads the stored settings; a stored map that does not validate falls back to the default (as the CLI does). */
export function rfmSettings(options: Record<string, unknown>): RfmSettings {
  const rfm = (options['rfm'] ?? {}) as { levels?: unknown; map?: unknown };
  const map = validateRfmMap(rfm.map);
  return { levels: rfm.levels === 3 ? 3 : 5, map: typeof map === 'string' ? DEFAULT_RFM_MAP : map };
}

/**
 * The segment of a cell. The map has 5 rows × 9 FM columns; with 3 levels the scores are stretched to 1–5
 * (x → 2x − 1), as the analysis's SQL does, so the same map serves both.
 */
export function cellSegment(settings: RfmSettings, r: number, fm: number): RfmSegment {
  const stretch = (x: number): number => (settings.levels === 5 ? x : 2 * x - 1);
  const row = settings.map[stretch(r) as 1 | 2 | 3 | 4 | 5];
  const segment = row[FM_VALUES.indexOf(stretch(fm) as (typeof FM_VALUES)[number])];
  if (!row || !segment) throw new RangeError(`no RFM cell for R ${r}, FM ${fm}`);
  return segment;
}

/** FM values of the grid's columns for the given levels: 1, 1.5, …, levels. */
export function fmValues(levels: 3 | 5): number[] {
  return Array.from({ length: 2 * levels - 1 }, (_, i) => 1 + i / 2);
}

/**
 * Every cell of the grid (R from `levels` down to 1, FM ascending), empty cells included, with the customers of
 * the snapshot counted in SQL by (R, F + M).
 */
export async function rfmGrid(ws: Workspace, snapshotId: number, settings: RfmSettings): Promise<RfmCell[]> {
  const src = await snapshotSource(ws);
  const counts = await ws.all<{ r: number; fm2: number; customers: number; revenue: number }>(
    `SELECT r_score AS r, ${src.fm2} AS fm2, ${src.count} AS customers, round(coalesce(sum(revenue_12m), 0), 2) AS revenue
     FROM ${src.from} WHERE snapshot_id = $1 GROUP BY ALL`,
    [snapshotId],
  );
  const found = new Map(counts.map((c) => [`${c.r}|${c.fm2}`, c]));
  const cells: RfmCell[] = [];
  for (let r = settings.levels; r >= 1; r--) {
    for (const fm of fmValues(settings.levels)) {
      const c = found.get(`${r}|${fm * 2}`);
      cells.push({
        r,
        fm,
        segment: cellSegment(settings, r, fm),
        customers: c?.customers ?? 0,
        revenue: c?.revenue ?? 0,
      });
    }
  }
  return cells;
}
