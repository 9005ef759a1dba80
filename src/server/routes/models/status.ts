import type { RouteModule } from '../../context.js';
import { storedPredictionRun } from '../../../predict/index.js';
import { errors, nullableString } from '../../schemas.js';

const stored = (properties: Record<string, object>) =>
  ({ anyOf: [{ type: 'object', properties }, { type: 'null' }] }) as const;

/** What the models pages can show: whether an analysis and predictions are stored, and of which date. */
export const modelsStatusRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/models/status',
    {
      schema: {
        tags: ['models'],
        summary: 'Whether an analysis and predictions are stored, of which date and since when',
        description:
          'Always 200: null parts are not computed yet (POST /api/analyze, POST /api/predict). Pages ask this first instead of meeting a 409.',
        response: {
          200: {
            type: 'object',
            properties: {
              analysis: stored({
                as_of: { type: 'string' },
                months: { type: 'integer' },
                computed_at: nullableString,
              }),
              predictions: stored({
                as_of: { type: 'string' },
                model: { type: 'string' },
                horizon: { type: 'integer' },
                unit: { type: 'string' },
                computed_at: { type: 'string' },
                snapshots: {
                  type: 'boolean',
                  description: 'Predictions were made at the snapshots of the analysis too.',
                },
              }),
            },
          },
          ...errors(),
        },
      },
    },
    async () =>
      ctx.data.read(async (ws) => {
        const analysis = (await ws.tableExists('analyses'))
          ? ((await ws.one(
              `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, months, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS computed_at FROM analyses`,
            )) ?? null)
          : null;
        const run = await storedPredictionRun(ws);
        const predictions = run
          ? {
              as_of: run.report.as_of,
              model: run.report.model,
              horizon: run.report.horizon,
              unit: run.report.unit,
              computed_at: run.created_at,
              snapshots: analysis !== null && (await ws.tableExists('snapshot_predictions')),
            }
          : null;
        return { analysis, predictions };
      }),
  );
};
