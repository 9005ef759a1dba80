import { historySql } from '../../../analyze/index.js';
import { ApiError } from '../../api-error.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { requireStoredAnalysis } from './results.js';
import { errors, formatParam, rowSchema } from '../../schemas.js';

/** One customer's characteristics at every snapshot of the analysis (the card's history). */
export const modelsHistoryRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/customers/:id/history',
    {
      schema: {
        tags: ['customers'],
        summary: "One customer's metrics, RFM, ABC/XYZ, stage and CLV at every snapshot of the analysis",
        description:
          'One row per snapshot (month end) at which the customer had bought, oldest first (as `clientele history`). CLV, churn risk, P(alive) and expected purchases are there when the predictions were made at the snapshots (`predict --snapshots`). 404 for an unknown customer, 409 without an analysis.',
        params: {
          type: 'object',
          properties: { id: { type: 'string', minLength: 1, maxLength: 500 } },
          required: ['id'],
        },
        querystring: { type: 'object', properties: { format: formatParam } },
        response: {
          200: {
            type: 'object',
            properties: {
              customer_id: { type: 'string' },
              analysis_as_of: { type: 'string' },
              predictions: {
                type: 'boolean',
                description: 'The rows carry the predictions made at each snapshot.',
              },
              rows: { type: 'array', items: rowSchema },
            },
          },
          ...errors(400, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { format } = request.query;
      const result = await ctx.data.read(async (ws) => {
        const known =
          (await ws.one(`SELECT 1 FROM sales WHERE customer_id = $1 LIMIT 1`, [id])) ??
          (await ws.one(`SELECT 1 FROM customers WHERE customer_id = $1 LIMIT 1`, [id]));
        if (!known) throw new ApiError(404, `There is no customer "${id}" in the workspace.`);
        const analysis = await requireStoredAnalysis(ws);
        const sql = await historySql(ws);
        if (format !== 'json') return { file: await writeTable(ws, ctx.uploads, sql, [id], format) };
        return {
          analysis_as_of: analysis.as_of,
          predictions: await ws.tableExists('snapshot_predictions'),
          rows: await ws.all(sql, [id]),
        };
      });
      if (result.file) return sendTable(reply, result.file, `customer-${id}-history`);
      return { customer_id: id, ...result };
    },
  );
};
