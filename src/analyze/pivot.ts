import { field, InputError } from '../errors.js';
import { ident } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import { requireAnalysis } from './analyze.js';
import { ROWS, snapshotSource, type SnapshotSource } from './cell-source.js';
import { metricById, PURCHASE, type Metric } from '../metrics/index.js';

/** The pivot's main category is the profile's favourite category. */
const FAVOURITE_CATEGORY: Metric = metricById('favourite_category')!;

/** Dimensions of the pivot, each a column of the per-customer-per-snapshot base. */
export const PIVOT_DIMENSIONS = {
  as_of: 'month',
  cohort: 'cohort',
  stage: 'stage',
  transition: 'transition',
  rfm_segment: 'rfm_segment',
  abc: 'abc',
  xyz: 'xyz',
  category: 'category',
  region: 'region',
  channel: 'channel',
} as const;
export type PivotDimension = keyof typeof PIVOT_DIMENSIONS;

/**
 * Measures: customers at the snapshot, what they did in the snapshot's month, and — after
 * `clientele predict --snapshots` — their predicted CLV and churn risk at that snapshot; over the customers'
 * rows or the snapshot cells (cell-source.ts).
 */
const MEASURE_SQL = {
  count: (s: SnapshotSource) => s.count,
  active: (s: SnapshotSource) => s.active,
  revenue: () => 'sum(period_revenue)',
  orders: () => 'sum(period_orders)',
  gross_revenue: () => 'sum(gross_revenue)',
  avg_recency_days: (s: SnapshotSource) => s.avg('recency_days'),
  avg_revenue: (s: SnapshotSource) => s.avg('revenue'),
  avg_clv: (s: SnapshotSource) => s.avg('clv'),
  sum_clv: () => 'sum(clv)',
  avg_churn_risk: (s: SnapshotSource) => s.avg('churn_risk'),
} as const;
export type PivotMeasure = keyof typeof MEASURE_SQL;

/** Each measure's SQL over the customers' rows. */
export const PIVOT_MEASURES = Object.fromEntries(
  Object.entries(MEASURE_SQL).map(([m, sql]) => [m, sql(ROWS)]),
) as Record<PivotMeasure, string>;

/** The dimensions the snapshot cells do not hold: customer attributes and what they bought. */
const NOT_IN_CELLS: readonly PivotDimension[] = ['category', 'region', 'channel'];

export interface PivotRequest {
  rows: string;
  cols?: string;
  measures?: string[];
  filters?: string[];
}

function dimension(name: string, option: string): PivotDimension {
  if (!(name in PIVOT_DIMENSIONS)) {
    throw new InputError(
      `${option} "${name}" is not a dimension; use one of: ${Object.keys(PIVOT_DIMENSIONS).join(', ')}.`,
    );
  }
  return name as PivotDimension;
}

/** A pivot request, checked: its dimensions, measures, and filters with the dimension each filters. */
export interface CheckedPivot {
  rows: PivotDimension;
  cols: PivotDimension | undefined;
  measures: PivotMeasure[];
  /** DIMENSION=VALUE[|VALUE…], as given. */
  filters: string[];
  /** The dimension of each filter. */
  filtered: PivotDimension[];
}

/**
 * Checks a pivot request without reading the workspace. Measures may be given comma-separated and filters
 * separated by `;` (several values of one dimension as a|b).
 */
export function checkPivot(request: PivotRequest): CheckedPivot {
  const rows = dimension(request.rows, field('rows'));
  const cols =
    request.cols === undefined || request.cols === '' ? undefined : dimension(request.cols, field('cols'));
  if (cols === rows)
    throw new InputError(`${field('rows')} and ${field('cols')} must be different dimensions.`);
  const measures = (request.measures?.length ? request.measures : ['count'])
    .flatMap((m) => m.split(','))
    .map((m) => m.trim());
  for (const m of measures) {
    if (!(m in PIVOT_MEASURES))
      throw new InputError(
        `${field('measure')} "${m}" is not a measure; use one of: ${Object.keys(PIVOT_MEASURES).join(', ')}.`,
      );
  }
  const filters = (request.filters ?? [])
    .flatMap((f) => f.split(';'))
    .map((f) => f.trim())
    .filter(Boolean);
  const filtered = filters.map((f) => {
    const m = /^([^=]+)=(.+)$/.exec(f);
    if (!m)
      throw new InputError(
        `${field('filter')} "${f}" is not DIMENSION=VALUE (several values as a|b, several filters separated by ;), e.g. stage=active|asleep.`,
      );
    return dimension(m[1]!.trim(), field('filter'));
  });
  return { rows, cols, measures: measures as PivotMeasure[], filters, filtered };
}

/**
 * The pivot as a tidy table: one row per (rows, cols) cell with the measures. A transition is written
 * "asleep→restored" ("->" is accepted in filters); "(entered)" marks customers new at the snapshot.
 * Up to the analysis date, a customer's category is their favourite category (the largest gross revenue, as in the
 * profile) and their channel that of their largest purchase line.
 */
export async function pivotQuery(
  ws: Workspace,
  request: PivotRequest,
): Promise<{ sql: string; params: string[]; columns: string[] }> {
  const checked = checkPivot(request);
  await requireAnalysis(ws);
  const { rows, cols, measures } = checked;
  const params: string[] = [];
  const where: string[] = [];
  const used = new Set<PivotDimension>([rows, ...(cols ? [cols] : [])]);
  checked.filters.forEach((f, i) => {
    const dim = checked.filtered[i]!;
    const eq = f.indexOf('=');
    used.add(dim);
    const values = f
      .slice(eq + 1)
      .split('|')
      .map((v) => v.trim().replaceAll('->', '→'));
    const placeholders = values.map((v) => {
      params.push(v);
      return `$${params.length}`;
    });
    where.push(`CAST(${ident(PIVOT_DIMENSIONS[dim])} AS VARCHAR) IN (${placeholders.join(', ')})`);
  });
  const upToAnalysis = `s.customer_id IS NOT NULL AND s.${PURCHASE} AND s.ts < (SELECT as_of FROM analyses) + INTERVAL 1 DAY`;
  // The main category is the profile's favourite category (the catalogue's one definition, over the category
  // revenues `category`, `rev`); the main channel that of the largest purchase line.
  const favourites = [
    used.has('category')
      ? `LEFT JOIN (
        SELECT customer_id, ${FAVOURITE_CATEGORY.sql} AS category_line FROM (
          SELECT s.customer_id, p.category, CAST(sum(s.amount) AS DOUBLE) AS rev
          FROM sales s JOIN products p ON p.sku = s.sku
          WHERE ${upToAnalysis} AND p.category IS NOT NULL GROUP BY 1, 2)
        GROUP BY customer_id) fav_category ON fav_category.customer_id = c.customer_id`
      : '',
    used.has('channel')
      ? `LEFT JOIN (
        SELECT s.customer_id, arg_max(s.channel, s.amount) FILTER (WHERE s.channel IS NOT NULL) AS channel_line
        FROM sales s WHERE ${upToAnalysis}
        GROUP BY s.customer_id) fav_channel ON fav_channel.customer_id = c.customer_id`
      : '',
  ].join('\n');
  const predictions = await ws.tableExists('snapshot_predictions');
  if (!predictions && measures.some((m) => m.includes('clv') || m.includes('churn'))) {
    throw new InputError(
      'CLV and churn-risk measures need predictions at every snapshot: run `clientele predict --snapshots` first.',
    );
  }
  // Each join is made only when a dimension or measure reads it: the previous snapshot's self-join alone is
  // most of the cost over all snapshots.
  const usePredictions = predictions && measures.some((m) => m.includes('clv') || m.includes('churn'));
  const src = [...used].some((d) => NOT_IN_CELLS.includes(d))
    ? ROWS
    : await snapshotSource(ws, usePredictions);
  const usePrevious = used.has('transition');
  const useRegion = used.has('region');
  const base = src.cells
    ? `SELECT c.*, sn.month, ${usePredictions ? '' : 'NULL AS clv, NULL AS churn_risk, '}
        coalesce(CASE WHEN c.snapshot_id > 0 THEN c.from_stage END, '(entered)') || '→' || c.stage AS transition,
        NULL AS region, NULL AS category, NULL AS channel
      FROM ${src.from} c JOIN snapshots sn USING (snapshot_id)`
    : `SELECT c.*, sn.month, ${usePredictions ? 'pr.clv, pr.churn_risk' : 'NULL AS clv, NULL AS churn_risk'},
      ${usePrevious ? `coalesce(p.stage, '(entered)') || '→' || c.stage` : 'NULL'} AS transition,
      ${useRegion ? 'cu.region' : 'NULL AS region'},
      ${used.has('category') ? 'fav_category.category_line' : 'NULL'} AS category,
      ${used.has('channel') ? 'fav_channel.channel_line' : 'NULL'} AS channel
    FROM customer_snapshots c JOIN snapshots sn USING (snapshot_id)
    ${usePrevious ? 'LEFT JOIN customer_snapshots p ON p.customer_id = c.customer_id AND p.snapshot_id = c.snapshot_id - 1' : ''}
    ${useRegion ? 'LEFT JOIN customers cu ON cu.customer_id = c.customer_id' : ''}
    ${usePredictions ? 'LEFT JOIN snapshot_predictions pr ON pr.snapshot_id = c.snapshot_id AND pr.customer_id = c.customer_id' : ''}
    ${favourites}`;
  const dims = [rows, ...(cols ? [cols] : [])];
  const select = dims.map((d) => `${ident(PIVOT_DIMENSIONS[d])} AS ${ident(d)}`);
  const agg = measures.map((m) => `${MEASURE_SQL[m as PivotMeasure](src)} AS ${ident(m)}`);
  const sql = `SELECT ${[...select, ...agg].join(', ')} FROM (${base}) b
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    GROUP BY ALL ORDER BY ${dims.map((_, i) => `${i + 1} NULLS LAST`).join(', ')}`;
  return { sql, params, columns: [...dims, ...measures] };
}
