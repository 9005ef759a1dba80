import type { FastifyRequest } from 'fastify';
import { analyze } from '../../../analyze/index.js';
import { recommendAll } from '../../../recommend/index.js';
import { type Workspace } from '../../../db/index.js';
import { isInputError } from '../../../errors.js';
import {
  PURCHASE_MODELS,
  type PredictOptions,
  HORIZON_MAX,
  PREDICT_DEFAULTS,
  predictWithHistory,
  UNIT_NAMES,
} from '../../../predict/index.js';
import { resolveAsOf } from '../../../profile/index.js';
import { withQueryProgress, type ProgressListener } from '../../../util/index.js';
import type { RouteModule } from '../../context.js';
import { errors } from '../../schemas.js';
import { jobSchema } from '../jobs.js';

const accepted = {
  type: 'object',
  properties: { job_id: { type: 'string' }, job: jobSchema },
} as const;

const asOfField = {
  type: 'string',
  description: 'YYYY-MM-DD (default: the date of the latest sale).',
} as const;

export const predictFields = {
  model: {
    type: 'string',
    enum: PURCHASE_MODELS,
    default: PREDICT_DEFAULTS.model,
    description: 'bgnbd (BG/NBD), pnbd (Pareto/NBD) or mbgnbd (MBG/NBD); spend is always Gamma-Gamma.',
  },
  horizon: {
    type: 'integer',
    minimum: 1,
    maximum: HORIZON_MAX,
    default: PREDICT_DEFAULTS.horizon,
    description: 'Length of the horizon of expected purchases and CLV, in `unit`s.',
  },
  unit: {
    type: 'string',
    enum: UNIT_NAMES,
    default: PREDICT_DEFAULTS.unit,
    description:
      'day, week (7 days) or month (365.25/12 days): the unit of the horizon and the discount rate.',
  },
  discount_rate: {
    type: 'number',
    minimum: 0,
    exclusiveMaximum: 1,
    default: PREDICT_DEFAULTS.discountRate,
    description: 'Discount rate per `unit` period, e.g. 0.01 a month.',
  },
  margin: {
    type: 'number',
    minimum: 0,
    maximum: 1,
    default: PREDICT_DEFAULTS.margin,
    description: 'Share of revenue kept as profit (1 = revenue CLV).',
  },
} as const;

/** Predictions at the as-of date and at every snapshot (each recorded in `runs` by the library). */
function runPredictions(ws: Workspace, options: PredictOptions, progress: ProgressListener) {
  return predictWithHistory(ws, options, progress);
}

/** A POST without a body means "all defaults": the schema then fills them in. */
const emptyBodyIsDefaults = async (request: FastifyRequest): Promise<void> => {
  request.body ??= {};
};

/**
 * The long computations as background jobs (one at a time, on the workspace's writer): the analysis, and the
 * predictions. Options are checked before the job starts, so bad input is a 400, not a failed job.
 */
export const modelsJobRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/analyze',
    {
      preValidation: emptyBodyIsDefaults,
      schema: {
        tags: ['analysis'],
        summary: 'Analyze the workspace in the background (as `clientele analyze`): answers 202 with a job',
        description:
          'Computes the profile, RFM, ABC/XYZ and lifecycle stages at each month end of the last `months` months and at the as-of date, replacing the stored analysis. Follow the job at /api/jobs/{id}; its result is the analysis summary (and the predictions report with `predict: true`).',
        body: {
          type: 'object',
          properties: {
            as_of: {
              ...asOfField,
              description: 'Last snapshot date, YYYY-MM-DD (default: the latest sale).',
            },
            months: {
              type: 'integer',
              minimum: 1,
              maximum: 240,
              default: 24,
              description: 'Month ends to compute before the as-of date.',
            },
            full: {
              type: 'boolean',
              default: false,
              description:
                'Compute every snapshot again (by default the snapshots whose sales and options did not change since the stored analysis are kept).',
            },
            predict: {
              type: 'boolean',
              default: false,
              description:
                'Then compute the predictions with the default options (as POST /api/predict with an empty body), at the as-of date and at every snapshot. If the models cannot be fitted on these data, the analysis stays and `predictions_error` says why.',
            },
          },
        },
        response: { 202: accepted, ...errors(400) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const months = body.months;
      const asOf = await ctx.data.read((ws) => resolveAsOf(ws, body.as_of));
      const job = ctx.jobs.submit('analyze', `analysis as of ${asOf}`, (control) =>
        ctx.data.write(async (ws) => {
          control.started();
          const analysis = await analyze(ws, {
            asOf,
            months,
            full: body.full,
            onProgress: control.progress,
          });
          if (!body.predict) return { analysis, predictions: null, predictions_error: null };
          try {
            const predictions = await runPredictions(ws, { ...PREDICT_DEFAULTS, asOf }, control.progress);
            // The next products of every customer, for the card (cheap next to the predictions).
            await withQueryProgress(ws, 'recommending', control.progress, () =>
              recommendAll(ws, { asOf, top: 5 }),
            );
            return { analysis, predictions, predictions_error: null };
          } catch (error) {
            if (!isInputError(error)) throw error;
            return { analysis, predictions: null, predictions_error: error.message };
          }
        }),
      );
      return reply.code(202).header('location', `/api/jobs/${job.id}`).send({ job_id: job.id, job });
    },
  );

  app.post(
    '/api/predict',
    {
      preValidation: emptyBodyIsDefaults,
      schema: {
        tags: ['predictions'],
        summary:
          'Predict CLV, P(alive), churn risk and the next purchase in the background: answers 202 with a job',
        description:
          'As `clientele predict --snapshots`: fits the purchase model (in weeks) and Gamma-Gamma on the transactions up to the as-of date, predicts for every customer and replaces the stored predictions; when an analysis is stored, predicts at each of its snapshots too (each fitted on its own past). The job result is the predictions report.',
        body: { type: 'object', properties: { as_of: asOfField, ...predictFields } },
        response: { 202: accepted, ...errors(400) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const asOf = await ctx.data.read((ws) => resolveAsOf(ws, body.as_of));
      const options: PredictOptions = {
        asOf,
        model: body.model,
        horizon: body.horizon,
        unit: body.unit,
        discountRate: body.discount_rate,
        margin: body.margin,
      };
      const job = ctx.jobs.submit('predict', `predictions as of ${asOf}`, (control) =>
        ctx.data.write(async (ws) => {
          control.started();
          return runPredictions(ws, options, control.progress);
        }),
      );
      return reply.code(202).header('location', `/api/jobs/${job.id}`).send({ job_id: job.id, job });
    },
  );
};
