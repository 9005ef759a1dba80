import { type Workspace } from '../../db/index.js';
import { PURCHASE_MODELS, storedPredictionRun, UNIT_NAMES } from '../../predict/index.js';
import { parseDate } from '../../profile/index.js';
import { ApiError } from '../api-error.js';
import type { RouteModule } from '../context.js';
import { sendTable, writeTable } from '../downloads.js';
import {
  asOfParam,
  errors,
  formatParam,
  limitParam,
  nullableString,
  offsetParam,
  rowSchema,
} from '../schemas.js';
import { PURCHASE } from '../../metrics/index.js';

/** One customer's sales lines up to the as-of date ($2), newest first, with the product's name. */
const LINES_SQL = `SELECT strftime(s.ts, '%Y-%m-%d %H:%M:%S') AS ts, s.order_id, s.sku, p.name AS product, p.category,
       s.quantity, CAST(s.amount AS DOUBLE) AS amount, s.store, s.channel, s.load_id
FROM sales s LEFT JOIN (SELECT sku, any_value(name) AS name, any_value(category) AS category FROM products GROUP BY sku) p
  USING (sku)
WHERE s.customer_id = $1 AND s.ts < CAST($2 AS DATE) + INTERVAL 1 DAY
ORDER BY s.ts DESC, s.order_id, s.sku`;

const MONTHLY_SQL = `SELECT strftime(ts, '%Y-%m') AS month,
       count(DISTINCT order_id) FILTER (WHERE ${PURCHASE}) AS orders,
       round(CAST(sum(amount) AS DOUBLE), 2) AS revenue
FROM sales WHERE customer_id = $1 AND ts < CAST($2 AS DATE) + INTERVAL 1 DAY
GROUP BY 1 ORDER BY 1`;

/** One customer's stored predictions (`clientele predict`), at the date they were made. */
const PREDICTION_SQL = `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, expected_purchases, p_alive, churn_risk, p_no_purchase,
       expected_spend, clv, strftime(next_purchase_date, '%Y-%m-%d') AS next_purchase_date
FROM predictions WHERE customer_id = $1`;

const RECENT_LINES = 100;
/** The date bound used when no as-of date applies: all lines. */
const ALL = '2999-12-31';

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 500 } },
  required: ['id'],
} as const;

const linesSchema = {
  type: 'object',
  properties: { total: { type: 'integer' }, rows: { type: 'array', items: rowSchema } },
} as const;

export const customerRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary:
          "One customer's 360° card: profile metrics, attributes, purchases by month, recent sales lines",
        params: idParams,
        querystring: { type: 'object', properties: { as_of: asOfParam } },
        response: {
          200: {
            type: 'object',
            properties: {
              customer_id: { type: 'string' },
              as_of: nullableString,
              profile: { anyOf: [rowSchema, { type: 'null' }] },
              attributes: { anyOf: [rowSchema, { type: 'null' }] },
              monthly: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    month: { type: 'string' },
                    orders: { type: 'integer' },
                    revenue: { type: 'number' },
                  },
                },
              },
              sales: linesSchema,
              predictions: {
                anyOf: [
                  {
                    type: 'object',
                    description:
                      'The stored predictions of `clientele predict` (at their own date, `as_of`); null when there are none for this customer.',
                    properties: {
                      as_of: { type: 'string' },
                      model: { type: 'string', enum: PURCHASE_MODELS },
                      horizon: { type: 'integer' },
                      unit: { type: 'string', enum: UNIT_NAMES },
                      expected_purchases: { type: 'number' },
                      p_alive: { type: 'number' },
                      churn_risk: { type: 'number' },
                      p_no_purchase: { type: 'number' },
                      expected_spend: { type: 'number' },
                      clv: { type: 'number' },
                      next_purchase_date: nullableString,
                    },
                  },
                  { type: 'null' },
                ],
              },
            },
          },
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      return ctx.data.read(async (ws) => {
        const attributes = await customerAttributes(ws, id);
        const lineCount = Number(await ws.scalar(`SELECT count(*) FROM sales WHERE customer_id = $1`, [id]));
        if (!attributes && lineCount === 0)
          throw new ApiError(404, `There is no customer "${id}" in the workspace.`);
        let profile = null;
        let asOf: string | null = request.query.as_of === undefined ? null : parseDate(request.query.as_of);
        if (lineCount > 0) {
          const table = await ctx.profiles.at(ws, request.query.as_of);
          asOf = table.asOf;
          profile = (await ws.one(`SELECT * FROM ${table.name} WHERE customer_id = $1`, [id])) ?? null;
        }
        return {
          customer_id: id,
          as_of: asOf,
          profile,
          attributes,
          monthly: await ws.all(MONTHLY_SQL, [id, asOf ?? ALL]),
          sales: {
            total: Number(await ws.scalar(`SELECT count(*) FROM (${LINES_SQL})`, [id, asOf ?? ALL])),
            rows: await ws.all(`${LINES_SQL} LIMIT ${RECENT_LINES}`, [id, asOf ?? ALL]),
          },
          predictions: await customerPredictions(ws, id),
        };
      });
    },
  );

  app.get(
    '/api/customers/:id/sales',
    {
      schema: {
        tags: ['customers'],
        summary: "One customer's sales lines, newest first (format=csv|xlsx downloads all of them)",
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            as_of: asOfParam,
            limit: limitParam(1000, 100),
            offset: offsetParam,
            format: formatParam,
          },
        },
        response: { 200: linesSchema, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const q = request.query;
      const asOf = q.as_of === undefined ? ALL : parseDate(q.as_of);
      const result = await ctx.data.read(async (ws) => {
        const total = Number(await ws.scalar(`SELECT count(*) FROM (${LINES_SQL})`, [id, asOf]));
        if (total === 0 && !(await ws.one(`SELECT 1 FROM sales WHERE customer_id = $1 LIMIT 1`, [id]))) {
          throw new ApiError(404, `There are no sales of customer "${id}".`);
        }
        if (q.format !== 'json')
          return { file: await writeTable(ws, ctx.uploads, LINES_SQL, [id, asOf], q.format) };
        return { total, rows: await ws.all(`${LINES_SQL} LIMIT ${q.limit} OFFSET ${q.offset}`, [id, asOf]) };
      });
      if (result.file) return sendTable(reply, result.file, `customer-${id}-sales`);
      return result;
    },
  );
};

async function customerPredictions(ws: Workspace, id: string): Promise<Record<string, unknown> | null> {
  const run = await storedPredictionRun(ws);
  if (!run) return null;
  const row = await ws.one(PREDICTION_SQL, [id]);
  if (!row) return null;
  const { model, horizon, unit } = run.report;
  return { ...row, model, horizon, unit };
}

async function customerAttributes(ws: Workspace, id: string): Promise<Record<string, unknown> | null> {
  const row = await ws.one(
    `SELECT strftime(created_at, '%Y-%m-%d') AS created_at, name, email, phone, region, CAST(attributes AS VARCHAR) AS attributes
     FROM customers WHERE customer_id = $1`,
    [id],
  );
  if (!row) return null;
  const { attributes, ...fields } = row;
  let extra: Record<string, unknown> = {};
  if (typeof attributes === 'string') {
    try {
      const parsed: unknown = JSON.parse(attributes);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
        extra = parsed as Record<string, unknown>;
    } catch {
      extra = {};
    }
  }
  return { ...fields, ...extra };
}
