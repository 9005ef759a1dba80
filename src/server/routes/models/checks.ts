import {
  calibrationEnd,
  fitOnSummary,
  ALL_MODELS,
  PURCHASE_MODELS,
  readSummary,
  UNIT_NAMES,
  validateModel,
} from '../../../predict/index.js';
import { parseDate } from '../../../profile/index.js';
import { ApiError } from '../../api-error.js';
import type { RouteModule } from '../../context.js';
import { errors, nullableString } from '../../schemas.js';

const numbers = { type: 'object', additionalProperties: { type: 'number' } } as const;
const number = { type: 'number' } as const;
const count = { type: 'integer' } as const;

const timeUnit = {
  type: 'string',
  enum: UNIT_NAMES,
  default: 'week',
  description: 'day, week or month: the unit of t_x, T, the rate parameters and the tracking periods.',
} as const;

const dateParam = (what: string) => ({ type: 'string', description: `${what}, YYYY-MM-DD.` }) as const;

/**
 * Fitting and checking the models on demand (as `clientele model fit|validate`), on the read connection:
 * nothing is stored.
 */
export const modelsCheckRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/models/fit',
    {
      schema: {
        tags: ['models'],
        summary: 'Fit a model by maximum likelihood on the transactions up to the calibration end',
        description:
          'Parameters, their standard errors (from the Hessian of the log-likelihood) and the log-likelihood. Purchase models work on each customer’s (x, t_x, T) with same-day purchases merged; Gamma-Gamma on the mean value of the repeat purchases.',
        querystring: {
          type: 'object',
          properties: {
            model: {
              type: 'string',
              enum: ALL_MODELS,
              default: 'bgnbd',
              description: 'bgnbd, pnbd, mbgnbd or gg (Gamma-Gamma spend model).',
            },
            calibration_end: dateParam('Last day of the calibration period (default: the latest sale)'),
            time_unit: timeUnit,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              model: { type: 'string' },
              method: { type: 'string' },
              params: numbers,
              std_errors: numbers,
              loglik: number,
              customers: count,
              converged: { type: 'boolean' },
              calibration_end: { type: 'string' },
              time_unit: nullableString,
              skipped: {
                type: 'object',
                description: 'Gamma-Gamma only: customers left out.',
                properties: { no_repeat: count, non_positive_spend: count },
              },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const given =
        q.calibration_end === undefined ? undefined : parseDate(q.calibration_end, 'calibration_end');
      return ctx.data.read(async (ws) => {
        const cal = await calibrationEnd(ws, given);
        return fitOnSummary(q.model, await readSummary(ws, cal, cal, q.time_unit), cal);
      });
    },
  );

  app.get(
    '/api/models/validate',
    {
      schema: {
        tags: ['models'],
        summary:
          'Holdout validation: fit up to the calibration end, compare predicted and actual purchases after it',
        description:
          'Mean holdout purchases by calibration frequency (actual vs predicted), the cumulative tracking curve of repeat purchases period by period, the mean absolute error per customer and the aggregate % error.',
        querystring: {
          type: 'object',
          properties: {
            model: {
              type: 'string',
              enum: PURCHASE_MODELS,
              default: 'bgnbd',
              description: 'bgnbd, pnbd or mbgnbd.',
            },
            calibration_end: dateParam('Last day of the calibration period'),
            holdout_end: dateParam('Last day of the holdout period (after the calibration end)'),
            time_unit: timeUnit,
          },
          required: ['calibration_end', 'holdout_end'],
        },
        response: {
          200: {
            type: 'object',
            properties: {
              model: { type: 'string', enum: PURCHASE_MODELS },
              params: numbers,
              loglik: number,
              calibration_end: { type: 'string' },
              holdout_end: { type: 'string' },
              time_unit: { type: 'string', enum: UNIT_NAMES },
              holdout_length: { ...number, description: 'In time units.' },
              customers: count,
              by_frequency: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    frequency: { type: 'string', description: 'Repeat purchases in the calibration period.' },
                    customers: count,
                    actual: number,
                    predicted: number,
                  },
                },
              },
              tracking: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { period: count, end: { type: 'string' }, actual: number, predicted: number },
                },
              },
              errors: {
                type: 'object',
                properties: {
                  mae: number,
                  actual_total: number,
                  predicted_total: number,
                  aggregate_error_percent: number,
                },
              },
              method: { type: 'string' },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const cal = parseDate(q.calibration_end, 'calibration_end');
      const end = parseDate(q.holdout_end, 'holdout_end');
      if (end <= cal) throw new ApiError(400, `holdout_end ${end} must be after calibration_end ${cal}.`);
      return ctx.data.read((ws) =>
        validateModel(ws, { model: q.model, calibrationEnd: cal, holdoutEnd: end, unit: q.time_unit }),
      );
    },
  );
};
