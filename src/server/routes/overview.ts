import { resolveAsOf } from '../../profile/as-of.js';
import { PURCHASE } from '../../metrics/index.js';
import type { RouteModule } from '../context.js';
import { sendTable, writeTable } from '../downloads.js';
import { asOfParam, errors, formatParam, type TableFormat } from '../schemas.js';

/**
 * Identified customers' sales up to the as-of date ($1), month by month (months without sales included):
 * customers whose first purchase fell in the month, customers who bought in it, their orders and net revenue.
 */
const MONTHLY_SQL = `WITH lines AS (
  SELECT customer_id, order_id, ts, CAST(amount AS DOUBLE) AS amount FROM sales
  WHERE customer_id IS NOT NULL AND ts < CAST($1 AS DATE) + INTERVAL 1 DAY
),
firsts AS (
  SELECT date_trunc('month', min(ts)) AS month, count(*) AS new_customers
  FROM (SELECT customer_id, min(ts) FILTER (WHERE ${PURCHASE}) AS ts FROM lines GROUP BY customer_id)
  WHERE ts IS NOT NULL GROUP BY date_trunc('month', ts)
),
activity AS (
  SELECT date_trunc('month', ts) AS month,
         count(DISTINCT customer_id) FILTER (WHERE ${PURCHASE}) AS active_customers,
         count(DISTINCT (customer_id, order_id)) FILTER (WHERE ${PURCHASE}) AS orders,
         sum(amount) AS revenue
  FROM lines GROUP BY 1
),
months AS (
  SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH)) AS month FROM activity
)
SELECT strftime(m.month, '%Y-%m') AS month,
       coalesce(f.new_customers, 0) AS new_customers,
       coalesce(a.active_customers, 0) AS active_customers,
       coalesce(a.orders, 0) AS orders,
       round(coalesce(a.revenue, 0), 2) AS revenue
FROM months m LEFT JOIN firsts f USING (month) LEFT JOIN activity a USING (month)
ORDER BY m.month`;

const count = { type: 'integer' } as const;

export const overviewRoutes: RouteModule = (app, ctx) => {
  app.get<{ Querystring: { as_of?: string; format: TableFormat } }>(
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
        if (format !== 'json')
          return { asOf, file: await writeTable(ws, ctx.uploads, MONTHLY_SQL, [asOf], format) };
        return { asOf, months: await ws.all(MONTHLY_SQL, [asOf]) };
      });
      if (result.file) return sendTable(reply, result.file, `monthly-${result.asOf}`);
      return { as_of: result.asOf, months: result.months };
    },
  );
};
