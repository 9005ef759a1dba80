import {
  snapshotSource,
  COHORT_AXES,
  cohortCellsSql,
  cohortCrosstabSql,
  COHORT_METRICS,
} from '../../../analyze/index.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { errors, formatParam } from '../../schemas.js';
import { storedSnapshots } from './params.js';

const cellSchema = {
  type: 'object',
  properties: {
    cohort: { type: 'string', description: 'Month of first purchase, YYYY-MM.' },
    month: { type: 'string', description: 'Snapshot month, YYYY-MM.' },
    months_since_first: { type: 'integer', description: 'Months from the cohort month to this month.' },
    customers: { type: 'integer', description: 'Customers of the cohort.' },
    active: { type: 'integer', description: 'Customers of the cohort who bought in the month.' },
    revenue: { type: 'number', description: "The cohort's net revenue in the month." },
    retention: { type: 'number', description: 'active / customers.' },
  },
} as const;

export const cohortRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/cohorts',
    {
      schema: {
        tags: ['history'],
        summary: 'Cohorts by month of first purchase: size, active customers, revenue and retention by month',
        description:
          'JSON: every cohort × snapshot month cell with all four metrics (what `clientele cohorts --out` writes, plus the months since the first purchase). format=csv|xlsx downloads the cohort table of `metric`: one row per cohort, one column per calendar month (axis=month) or per month since the first purchase (axis=age). 409 when no analysis has been run.',
        querystring: {
          type: 'object',
          properties: {
            metric: { type: 'string', enum: COHORT_METRICS, default: 'retention' },
            axis: {
              type: 'string',
              enum: COHORT_AXES,
              default: 'month',
              description:
                'Columns of the downloaded table: calendar months, or months since the first purchase.',
            },
            format: formatParam,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string', description: 'The as-of date of the analysis.' },
              metric: { type: 'string' },
              axis: { type: 'string' },
              months: {
                type: 'array',
                items: { type: 'string' },
                description: 'Snapshot months, oldest first.',
              },
              cells: { type: 'array', items: cellSchema },
            },
          },
          ...errors(400, 409),
        },
      },
    },
    async (request, reply) => {
      const { metric, axis, format } = request.query;
      const result = await ctx.data.read(async (ws) => {
        const { as_of: asOf, snapshots } = await storedSnapshots(ws);
        const months = snapshots.map((s) => s.month);
        const src = await snapshotSource(ws);
        if (format !== 'json') {
          const ages = Number(
            (await ws.scalar(`SELECT max(months_since_first) FROM (${cohortCellsSql(src)})`)) ?? 0,
          );
          const keys = axis === 'month' ? months : Array.from({ length: ages + 1 }, (_, i) => i);
          return {
            file: await writeTable(ws, ctx.uploads, cohortCrosstabSql(src, metric, axis, keys), [], format),
          };
        }
        return { asOf, months, cells: await ws.all(cohortCellsSql(src)) };
      });
      if (result.file) return sendTable(reply, result.file, `cohorts-${metric}-by-${axis}`);
      return { as_of: result.asOf, metric, axis, months: result.months, cells: result.cells };
    },
  );
};
