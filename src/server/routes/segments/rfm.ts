import { rfmGrid, rfmSettings, fmValues, type RfmCell, segmentSummary } from '../../../analyze/index.js';
import { RFM_SEGMENT_NAMES, RFM_SEGMENTS } from '../../../segments/index.js';
import { analysisOr409, analysisSnapshot } from '../../analysis-snapshot.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { rowsQuery } from '../../rows-query.js';
import { asOfParam, errors, formatParam, nullableNumber } from '../../schemas.js';
import { textSchema } from './labels.js';

const RFM_TABLES = ['cells', 'segments'] as const;

interface SegmentTotal {
  segment: string;
  name: { en: string; ru: string };
  customers: number;
  revenue: number;
  customer_share: number | null;
  revenue_share: number | null;
  cells: number;
}

const cellSchema = {
  type: 'object',
  properties: {
    r: { type: 'integer' },
    fm: { type: 'number' },
    segment: { type: 'string' },
    customers: { type: 'integer' },
    revenue: { type: 'number' },
  },
} as const;

const segmentSchema = {
  type: 'object',
  properties: {
    segment: { type: 'string' },
    name: textSchema,
    customers: { type: 'integer' },
    revenue: { type: 'number' },
    customer_share: nullableNumber,
    revenue_share: nullableNumber,
    cells: { type: 'integer', description: 'Cells of the R × FM grid that map to the segment.' },
  },
} as const;

const cutsSchema = { type: 'array', items: nullableNumber } as const;

/** The 11 segments in the map's order with their customers, 12-month revenue, shares and cells of the grid. */
function segmentTotals(
  counts: { value: string | null; customers: number; revenue: number | null }[],
  cells: RfmCell[],
): SegmentTotal[] {
  const customers = counts.reduce((s, c) => s + c.customers, 0);
  const revenue = counts.reduce((s, c) => s + (c.revenue ?? 0), 0);
  return RFM_SEGMENTS.map((segment) => {
    const c = counts.find((x) => x.value === segment);
    const n = c?.customers ?? 0;
    const rev = Math.round((c?.revenue ?? 0) * 100) / 100;
    return {
      segment,
      name: RFM_SEGMENT_NAMES[segment],
      customers: n,
      revenue: rev,
      customer_share: customers > 0 ? n / customers : null,
      revenue_share: revenue > 0 ? rev / revenue : null,
      cells: cells.filter((x) => x.segment === segment).length,
    };
  });
}

export const rfmRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/rfm',
    {
      schema: {
        tags: ['segments'],
        summary: 'The RFM grid (R × FM) at an analysis snapshot: customers, revenue and segment of each cell',
        description:
          'Reads the snapshot stored by `clientele analyze` (409 when there is none). FM = (F + M) / 2; each cell ' +
          'maps to one of the 11 segments through the map the analysis used. Revenue is 12-month net revenue. ' +
          'With format=csv|xlsx, `table` chooses the grid cells or the segment totals.',
        querystring: {
          type: 'object',
          properties: {
            as_of: {
              ...asOfParam,
              description:
                'A snapshot date or month (YYYY-MM); another date reads the latest snapshot before it (default: the latest).',
            },
            format: formatParam,
            table: {
              type: 'string',
              enum: RFM_TABLES,
              default: 'cells',
              description: 'What a download holds.',
            },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string', description: 'The snapshot read.' },
              month: { type: 'string' },
              analysis_as_of: { type: 'string' },
              levels: { type: 'integer', description: 'Score levels (5, or 3 for terciles).' },
              r_values: { type: 'array', items: { type: 'integer' } },
              fm_values: { type: 'array', items: { type: 'number' } },
              customers: { type: 'integer' },
              revenue: { type: 'number' },
              cells: { type: 'array', items: cellSchema },
              segments: { type: 'array', items: segmentSchema },
              cuts: {
                type: 'object',
                description:
                  'Score cut points: R in days since the last purchase, F in orders, M in gross revenue.',
                properties: { r: cutsSchema, f: cutsSchema, m: cutsSchema },
              },
              thresholds: {
                type: 'object',
                description: 'Every threshold the analysis reported for this snapshot.',
                additionalProperties: nullableNumber,
              },
            },
          },
          ...errors(400, 409),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await ctx.data.read(async (ws) => {
        const analysis = await analysisOr409(ws);
        const snap = await analysisSnapshot(ws, q.as_of);
        const summary = await segmentSummary(ws, snap.as_of);
        const settings = rfmSettings(summary.options);
        const cells = await rfmGrid(ws, snap.snapshot_id, settings);
        const segments = segmentTotals(summary.rfm, cells);
        if (q.format === 'json') return { file: null, analysis, snap, summary, settings, cells, segments };
        const table =
          q.table === 'cells'
            ? rowsQuery(
                [
                  { name: 'r', type: 'INTEGER' },
                  { name: 'fm', type: 'DOUBLE' },
                  { name: 'segment', type: 'VARCHAR' },
                  { name: 'customers', type: 'INTEGER' },
                  { name: 'revenue_12m', type: 'DOUBLE' },
                ],
                cells.map((c) => ({ ...c, revenue_12m: c.revenue })),
              )
            : rowsQuery(
                [
                  { name: 'segment', type: 'VARCHAR' },
                  { name: 'name_ru', type: 'VARCHAR' },
                  { name: 'customers', type: 'INTEGER' },
                  { name: 'customer_share', type: 'DOUBLE' },
                  { name: 'revenue_12m', type: 'DOUBLE' },
                  { name: 'revenue_share', type: 'DOUBLE' },
                ],
                segments.map((s) => ({ ...s, name_ru: s.name.ru, revenue_12m: s.revenue })),
              );
        return { snap, file: await writeTable(ws, ctx.uploads, table.sql, table.params, q.format) };
      });
      if (result.file) return sendTable(reply, result.file, `rfm-${q.table}-${result.snap.as_of}`);
      const { analysis, snap, summary, settings, cells, segments } = result;
      const t = summary.thresholds;
      const cuts = (d: string) =>
        Array.from({ length: settings.levels - 1 }, (_, i) => t[`${d}_cut_${i + 1}`] ?? null);
      return {
        as_of: snap.as_of,
        month: snap.month,
        analysis_as_of: analysis.as_of,
        levels: settings.levels,
        r_values: Array.from({ length: settings.levels }, (_, i) => settings.levels - i),
        fm_values: fmValues(settings.levels),
        customers: segments.reduce((s, x) => s + x.customers, 0),
        revenue: Math.round(segments.reduce((s, x) => s + x.revenue, 0) * 100) / 100,
        cells,
        segments,
        cuts: { r: cuts('r'), f: cuts('f'), m: cuts('m') },
        thresholds: t,
      };
    },
  );
};
