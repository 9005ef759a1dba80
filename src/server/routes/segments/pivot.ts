import { UNITS } from '../../../metrics/index.js';
import {
  requireAnalysis,
  analysisSettings,
  PIVOT_MEASURE_LABELS,
  pivotDimensionLabels,
  PIVOT_DIMENSIONS,
  PIVOT_MEASURES,
  checkPivot,
  pivotQuery,
  type PivotDimension,
  type PivotMeasure,
  listSnapshots,
} from '../../../analyze/index.js';
import { analysisOr409, analysisSnapshot } from '../../analysis-snapshot.js';
import { ApiError } from '../../api-error.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { asOfParam, errors, formatParam, rowSchema } from '../../schemas.js';
import { textSchema, VALUE_LABELS, valueLabelsSchema } from './labels.js';

/** At most this many cells come back as JSON (a download has them all). */
const MAX_CELLS = 10_000;

const DIMENSIONS = Object.keys(PIVOT_DIMENSIONS) as PivotDimension[];
const MEASURES = Object.keys(PIVOT_MEASURES) as PivotMeasure[];

const dimensionSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, name: textSchema, method: textSchema },
} as const;

export const pivotRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/pivot/options',
    {
      schema: {
        tags: ['segments'],
        summary:
          'The dimensions and measures of the pivot, with their names and methods in English and Russian',
        response: {
          200: {
            type: 'object',
            properties: {
              dimensions: { type: 'array', items: dimensionSchema },
              measures: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    name: textSchema,
                    method: textSchema,
                    unit: { type: 'string', enum: UNITS },
                    additive: { type: 'boolean' },
                    predictions: { type: 'boolean', description: 'Needs `clientele predict --snapshots`.' },
                  },
                },
              },
              predictions: { type: 'boolean', description: 'Predictions exist at every snapshot.' },
              analysis: {
                anyOf: [
                  {
                    type: 'object',
                    properties: {
                      as_of: { type: 'string' },
                      snapshots: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: { as_of: { type: 'string' }, month: { type: 'string' } },
                        },
                      },
                    },
                  },
                  { type: 'null' },
                ],
              },
              labels: valueLabelsSchema,
            },
          },
          ...errors(),
        },
      },
    },
    async () =>
      ctx.data.read(async (ws) => {
        const analysis = await requireAnalysis(ws).catch(() => null);
        const labels = pivotDimensionLabels(await analysisSettings(ws));
        return {
          dimensions: DIMENSIONS.map((id) => ({ id, ...labels[id] })),
          measures: MEASURES.map((id) => ({ id, ...PIVOT_MEASURE_LABELS[id] })),
          predictions: await ws.tableExists('snapshot_predictions'),
          analysis: analysis && { as_of: analysis.as_of, snapshots: await listSnapshots(ws) },
          labels: VALUE_LABELS,
        };
      }),
  );

  app.get(
    '/api/pivot',
    {
      schema: {
        tags: ['segments'],
        summary: 'A pivot over the analysis: rows × columns of any dimensions, with measures and filters',
        description:
          'What `clientele pivot` computes, as a tidy table: one cell per (rows, cols) value with the measures. ' +
          'Without `as_of` among the dimensions or filters, only the snapshot at `as_of` counts (default: the ' +
          'latest). 409 when there is no analysis, or a CLV or churn measure has no predictions.',
        querystring: {
          type: 'object',
          properties: {
            rows: { type: 'string', default: 'stage', description: `A dimension: ${DIMENSIONS.join(', ')}.` },
            cols: { type: 'string', description: 'A second dimension (optional).' },
            measure: {
              type: 'string',
              default: 'count',
              maxLength: 500,
              description: `Measures, comma-separated: ${MEASURES.join(', ')}.`,
            },
            filter: {
              type: 'array',
              items: { type: 'string', maxLength: 1000 },
              maxItems: 20,
              description:
                'DIMENSION=VALUE keeps those values (several: a|b); repeat the parameter or separate filters with ;. ' +
                'A transition is written asleep->restored.',
            },
            as_of: {
              ...asOfParam,
              description:
                'The snapshot (date or YYYY-MM; another date: the latest snapshot before it). Ignored when as_of is a dimension or a filter.',
            },
            format: formatParam,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              rows: { type: 'string' },
              cols: { type: ['string', 'null'] },
              measures: { type: 'array', items: { type: 'string' } },
              filters: { type: 'array', items: { type: 'string' } },
              as_of: {
                type: ['string', 'null'],
                description: 'The snapshot read; null when all snapshots count.',
              },
              month: { type: ['string', 'null'] },
              columns: { type: 'array', items: { type: 'string' } },
              cells: { type: 'array', items: rowSchema },
              truncated: {
                type: 'boolean',
                description: `More than ${MAX_CELLS} cells: download the table.`,
              },
              labels: valueLabelsSchema,
            },
          },
          ...errors(400, 409),
        },
      },
    },
    async (request, reply) => {
      const q0 = request.query;
      const p = checkPivot({
        rows: q0.rows,
        ...(q0.cols === undefined ? {} : { cols: q0.cols }),
        measures: [q0.measure],
        filters: q0.filter ?? [],
      });
      const format = request.query.format;
      const result = await ctx.data.read(async (ws) => {
        await analysisOr409(ws);
        const needs = p.measures.filter((m) => PIVOT_MEASURE_LABELS[m].predictions);
        if (needs.length > 0 && !(await ws.tableExists('snapshot_predictions'))) {
          throw new ApiError(
            409,
            `${needs.join(', ')} need predictions at every snapshot: run \`clientele predict --snapshots\` first.`,
          );
        }
        const bySnapshot = ![p.rows, p.cols, ...p.filtered].includes('as_of');
        const snap = bySnapshot ? await analysisSnapshot(ws, request.query.as_of) : null;
        const q = await pivotQuery(ws, {
          rows: p.rows,
          cols: p.cols,
          measures: p.measures,
          filters: snap ? [...p.filters, `as_of=${snap.month}`] : p.filters,
        });
        if (format !== 'json')
          return { snap, file: await writeTable(ws, ctx.uploads, q.sql, q.params, format) };
        const cells = await ws.all(`${q.sql} LIMIT ${MAX_CELLS + 1}`, q.params);
        return { file: null, snap, columns: q.columns, cells };
      });
      const name = ['pivot', p.rows, p.cols, result.snap?.as_of].filter(Boolean).join('-');
      if (result.file) return sendTable(reply, result.file, name);
      return {
        rows: p.rows,
        cols: p.cols ?? null,
        measures: p.measures,
        filters: p.filters,
        as_of: result.snap?.as_of ?? null,
        month: result.snap?.month ?? null,
        columns: result.columns,
        cells: result.cells.slice(0, MAX_CELLS),
        truncated: result.cells.length > MAX_CELLS,
        labels: VALUE_LABELS,
      };
    },
  );
};
