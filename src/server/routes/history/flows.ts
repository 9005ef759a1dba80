import { FLOW_DIMENSIONS, flowsQuery, findSnapshot } from '../../../analyze/index.js';
import { ApiError } from '../../api-error.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { errors, formatParam, nullableString } from '../../schemas.js';
import { labelsSchema, monthParam, RFM_LABELS, STAGE_LABELS, storedSnapshots } from './params.js';

const flowRowSchema = {
  type: 'object',
  properties: {
    from_month: { type: 'string' },
    to_month: { type: 'string' },
    from_stage: {
      ...nullableString,
      description: 'The stage (or RFM segment) at the earlier snapshot; null: not a customer yet (entered).',
    },
    to_stage: { type: 'string', description: 'The stage (or RFM segment) at the later snapshot.' },
    customers: { type: 'integer' },
    revenue: {
      type: 'number',
      description: "The customers' net revenue in the months after the earlier snapshot up to the later one.",
    },
  },
} as const;

const MATRIX_ORDER = 'ORDER BY from_stage NULLS FIRST, to_stage';
const SERIES_ORDER = 'ORDER BY from_month, to_month, from_stage NULLS FIRST, to_stage';

export const flowRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/flows',
    {
      schema: {
        tags: ['history'],
        summary: 'Flows: the transition matrix of lifecycle stages (or RFM segments) between two snapshots',
        description:
          'For each (from, to) pair, the customers at the later snapshot who were in `from` at the earlier one (null: they had not bought yet) and their net revenue in between. With series=true also every month-to-month matrix in between. format=csv|xlsx downloads the matrix (with series=true the tidy table `clientele flows --out` writes). 409 without an analysis of at least two snapshots.',
        querystring: {
          type: 'object',
          properties: {
            from: monthParam('The earlier snapshot (default: the one before `to`)'),
            to: monthParam('The later snapshot (default: the last)'),
            by: { type: 'string', enum: FLOW_DIMENSIONS, default: 'stage' },
            series: {
              type: 'boolean',
              default: false,
              description: 'Also the month-to-month matrices between the two snapshots.',
            },
            format: formatParam,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string', description: 'The as-of date of the analysis.' },
              by: { type: 'string', enum: FLOW_DIMENSIONS },
              from: { type: 'string' },
              to: { type: 'string' },
              months: {
                type: 'array',
                items: { type: 'string' },
                description: 'Every snapshot month, oldest first.',
              },
              labels: labelsSchema,
              stages: {
                ...labelsSchema,
                description: 'The lifecycle stages: the values of from_stage / to_stage of /api/triggers.',
              },
              matrix: { type: 'array', items: flowRowSchema },
              series: { type: 'array', items: flowRowSchema },
            },
          },
          ...errors(400, 409),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await ctx.data.read(async (ws) => {
        const { as_of: asOf, snapshots } = await storedSnapshots(ws);
        if (snapshots.length < 2) {
          throw new ApiError(
            409,
            'Flows need at least two snapshots: run `clientele analyze --months 2` (or more months).',
          );
        }
        const to = await findSnapshot(ws, q.to, 'to');
        const from = q.from === undefined ? undefined : await findSnapshot(ws, q.from, 'from');
        if (from && from.snapshot_id >= to.snapshot_id)
          throw new ApiError(400, `from ${from.month} must be before to ${to.month}.`);
        if (!from && to.snapshot_id === 0)
          throw new ApiError(
            400,
            `to ${to.month} is the first snapshot: there is no earlier month to compare.`,
          );
        const f = await flowsQuery(ws, { from: from?.month, to: to.month, by: q.by });
        const matrix = `SELECT * REPLACE (round(revenue, 2) AS revenue) FROM (${f.matrix}) ${MATRIX_ORDER}`;
        const name = `flows-${f.by}-${f.from.month}-${f.to.month}`;
        if (q.format !== 'json') {
          const sql = q.series ? f.sql : matrix;
          return { name, file: await writeTable(ws, ctx.uploads, sql, f.params, q.format) };
        }
        return {
          name,
          body: {
            as_of: asOf,
            by: f.by,
            from: f.from.month,
            to: f.to.month,
            months: snapshots.map((s) => s.month),
            labels: f.by === 'stage' ? STAGE_LABELS : RFM_LABELS,
            stages: STAGE_LABELS,
            matrix: await ws.all(matrix, f.params),
            ...(q.series
              ? {
                  series: await ws.all(
                    `SELECT * REPLACE (round(revenue, 2) AS revenue) FROM (${f.series}) ${SERIES_ORDER}`,
                    f.params,
                  ),
                }
              : {}),
          },
        };
      });
      if (result.file) return sendTable(reply, result.file, result.name);
      return result.body;
    },
  );
};
