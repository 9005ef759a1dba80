import { type Workspace } from '../../../db/index.js';
import {
  AT_RISK_COUNT_SQL,
  atRiskSql,
  clvByStageSql,
  PURCHASE_MODEL_ENTRIES,
  PURCHASE_MODELS,
  UNIT_NAMES,
  AT_RISK_THRESHOLD,
  DISTRIBUTION_RANGES,
  HISTOGRAM_BINS,
  predictionFigures,
  type StoredPredictionRun,
} from '../../../predict/index.js';
import { parseDate } from '../../../profile/index.js';
import { ApiError } from '../../api-error.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { requirePredictions, requireSnapshotPredictions } from './results.js';
import {
  errors,
  formatParam,
  limitParam,
  nullableNumber,
  nullableString,
  offsetParam,
} from '../../schemas.js';

const asOfQuery = {
  type: 'string',
  description:
    'YYYY-MM-DD: the date the predictions must be as of (409 when the stored ones are of another date). Default: the stored predictions, whatever their date.',
} as const;

const minRiskParam = {
  type: 'number',
  minimum: 0,
  exclusiveMaximum: 1,
  default: AT_RISK_THRESHOLD,
  description: `Churn risk above which a customer is at risk (default ${AT_RISK_THRESHOLD}).`,
} as const;

const numbers = { type: 'object', additionalProperties: { type: 'number' } } as const;
const number = { type: 'number' } as const;
const count = { type: 'integer' } as const;

const binsSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      bin: count,
      from: number,
      to: number,
      overflow: { type: 'boolean' },
      customers: count,
    },
  },
} as const;

const atRiskRow = {
  type: 'object',
  properties: {
    customer_id: { type: 'string' },
    name: nullableString,
    email: nullableString,
    phone: nullableString,
    value_at_risk: number,
    clv: number,
    churn_risk: number,
    p_alive: number,
    expected_purchases: number,
    expected_spend: number,
    next_purchase_date: nullableString,
    stage: nullableString,
    rfm_segment: nullableString,
    orders: nullableNumber,
    revenue: nullableNumber,
    recency_days: nullableNumber,
  },
} as const;

const stageRow = {
  type: 'object',
  properties: {
    snapshot_id: count,
    as_of: { type: 'string' },
    month: { type: 'string' },
    stage: { type: 'string' },
    customers: count,
    mean_clv: number,
    total_clv: number,
    mean_churn_risk: number,
    mean_p_alive: number,
    mean_expected_purchases: number,
  },
} as const;

/** The stored predictions, checked to be as of the date asked for. */
async function predictionsAt(ws: Workspace, asOf: string | undefined): Promise<StoredPredictionRun> {
  const run = await requirePredictions(ws);
  if (asOf === undefined) return run;
  const date = parseDate(asOf);
  const stored = run.report.as_of;
  if (date !== stored)
    throw new ApiError(
      409,
      `The stored predictions are as of ${stored}, not ${date}: compute them as of ${date} with “Compute predictions” on the CLV & churn page, or run \`clientele predict --as-of ${date} --snapshots\`.`,
    );
  return run;
}

export const modelsPredictionRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/predictions',
    {
      schema: {
        tags: ['predictions'],
        summary:
          'The stored predictions in summary: distributions of CLV, P(alive), churn risk and expected purchases, totals, the model',
        description: `Histograms have ${HISTOGRAM_BINS} bins of equal width: over [0, 1] for P(alive) and churn risk; from 0 to the 99th percentile for CLV and expected purchases, plus an overflow bin (overflow: true) for the values above it. 409 when \`predict\` has not run.`,
        querystring: { type: 'object', properties: { as_of: asOfQuery } },
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string' },
              computed_at: { type: 'string', description: 'When `predict` ran (UTC).' },
              customers: count,
              model: {
                type: 'object',
                properties: {
                  name: { type: 'string', enum: PURCHASE_MODELS },
                  label: { type: 'string' },
                  params: numbers,
                  loglik: number,
                  time_unit: {
                    type: 'string',
                    enum: UNIT_NAMES,
                    description: 'Unit of t_x, T and of the parameters.',
                  },
                  spend_params: numbers,
                },
              },
              horizon: count,
              unit: { type: 'string', enum: UNIT_NAMES },
              discount_rate: number,
              margin: number,
              at_risk_threshold: number,
              totals: {
                type: 'object',
                properties: {
                  customers: count,
                  clv: number,
                  clv_mean: number,
                  clv_median: number,
                  expected_purchases: number,
                  expected_alive: number,
                  at_risk: count,
                  at_risk_clv: number,
                },
              },
              distributions: {
                type: 'object',
                properties: Object.fromEntries(Object.keys(DISTRIBUTION_RANGES).map((k) => [k, binsSchema])),
              },
              methods: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
          ...errors(400, 409),
        },
      },
    },
    async (request) =>
      ctx.data.read(async (ws) => {
        const { report, created_at } = await predictionsAt(ws, request.query.as_of);
        const { totals, distributions } = await predictionFigures(ws);
        return {
          as_of: report.as_of,
          computed_at: created_at,
          customers: totals.customers,
          model: {
            name: report.model,
            label: PURCHASE_MODEL_ENTRIES[report.model].label,
            params: report.params,
            loglik: report.loglik,
            time_unit: report.time_unit_of_fit,
            spend_params: report.spend_params,
          },
          horizon: report.horizon,
          unit: report.unit,
          discount_rate: report.discount_rate,
          margin: report.margin,
          at_risk_threshold: AT_RISK_THRESHOLD,
          totals,
          distributions,
          methods: report.methods,
        };
      }),
  );

  app.get(
    '/api/predictions/at-risk',
    {
      schema: {
        tags: ['predictions'],
        summary: 'Valuable customers at risk: churn risk above min_risk, by CLV × churn risk, highest first',
        description:
          'Customers of the stored predictions whose churn risk (1 − P(alive)) is above `min_risk`, ordered by the value at risk = CLV × churn risk, highest first (ties: higher CLV, then customer id); with name, e-mail and phone from the customers file, and stage, RFM segment, orders, revenue and days since the last purchase from the analysis snapshot at the predictions’ date (empty when there is none). format=csv|xlsx downloads the whole list for the CRM.',
        querystring: {
          type: 'object',
          properties: {
            as_of: asOfQuery,
            min_risk: minRiskParam,
            limit: limitParam(1000, 50),
            offset: offsetParam,
            format: formatParam,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string' },
              min_risk: number,
              total: count,
              limit: count,
              offset: count,
              rows: { type: 'array', items: atRiskRow },
            },
          },
          ...errors(400, 409),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await ctx.data.read(async (ws) => {
        const { report } = await predictionsAt(ws, q.as_of);
        const snapshot = (await ws.tableExists('customer_snapshots'))
          ? await ws.one<{ snapshot_id: number }>(
              `SELECT snapshot_id FROM snapshots WHERE as_of = CAST($1 AS DATE)`,
              [report.as_of],
            )
          : undefined;
        const snapshotId = snapshot?.snapshot_id ?? null;
        if (q.format !== 'json')
          return {
            asOf: report.as_of,
            file: await writeTable(ws, ctx.uploads, atRiskSql(snapshotId), [q.min_risk], q.format),
          };
        return {
          asOf: report.as_of,
          total: Number(await ws.scalar(AT_RISK_COUNT_SQL, [q.min_risk])),
          rows: await ws.all(atRiskSql(snapshotId, { limit: q.limit, offset: q.offset }), [q.min_risk]),
        };
      });
      if (result.file) return sendTable(reply, result.file, `customers-at-risk-${result.asOf}`);
      return {
        as_of: result.asOf,
        min_risk: q.min_risk,
        total: result.total,
        limit: q.limit,
        offset: q.offset,
        rows: result.rows,
      };
    },
  );

  app.get(
    '/api/predictions/stages',
    {
      schema: {
        tags: ['predictions'],
        summary: 'CLV, churn risk and P(alive) by lifecycle stage, month by month',
        description:
          'For every snapshot of the analysis and every stage: customers, mean and total CLV, mean churn risk, P(alive) and expected purchases, from the predictions made at that snapshot on the data up to it (`predict --snapshots`). Snapshots where the model could not be fitted (too little history) are left out. 409 without an analysis or snapshot predictions.',
        querystring: { type: 'object', properties: { format: formatParam } },
        response: {
          200: {
            type: 'object',
            properties: { rows: { type: 'array', items: stageRow } },
          },
          ...errors(400, 409),
        },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const result = await ctx.data.read(async (ws) => {
        await requireSnapshotPredictions(ws);
        const sql = await clvByStageSql(ws);
        if (format !== 'json') return { file: await writeTable(ws, ctx.uploads, sql, [], format) };
        return { rows: await ws.all(sql) };
      });
      if (result.file) return sendTable(reply, result.file, 'clv-by-stage');
      return { rows: result.rows };
    },
  );
};
