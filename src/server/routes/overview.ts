import { resolveAsOf, monthlyOverviewQuery } from '../../profile/index.js';
import type { RouteModule } from '../context.js';
import { sendTable, writeTable } from '../downloads.js';
import { asOfParam, errors, formatParam } from '../schemas.js';

const count = { type: 'integer' } as const;

export const overviewRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/overview/monthly',
    {
      schema: {
        tags: ['profile'],
        summary: 'The base month by month: new customers, active customers, orders and net revenue',
        querystring: { type: 'object', properties: { as_of: asOfParam, format: formatParam } },
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string' },
              months: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    month: { type: 'string', description: 'YYYY-MM' },
                    new_customers: count,
                    active_customers: count,
                    orders: count,
                    revenue: { type: 'number' },
                  },
                },
              },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const result = await ctx.data.read(async (ws) => {
        const asOf = await resolveAsOf(ws, request.query.as_of);
        // Stored by analyze, predict and recommend at their date; computed from the sales otherwise.
        const { sql, params } = await monthlyOverviewQuery(ws, asOf);
        if (format !== 'json') return { asOf, file: await writeTable(ws, ctx.uploads, sql, params, format) };
        return { asOf, months: await ws.all(sql, params) };
      });
      if (result.file) return sendTable(reply, result.file, `monthly-${result.asOf}`);
      return { as_of: result.asOf, months: result.months };
    },
  );
};
