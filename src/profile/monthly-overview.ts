import { DATA_VERSION_SQL } from '../db/content-version.js';
import { notePrecomputed, precomputedAt } from '../db/precomputed.js';
import type { Workspace } from '../db/workspace.js';
import { PURCHASE } from '../metrics/index.js';

/**
 * Identified customers' sales up to the as-of date ($1), month by month (months without sales included):
 * customers whose first purchase fell in the month, customers who bought in it, their orders and net revenue.
 */
export const MONTHLY_OVERVIEW_SQL = `WITH lines AS (
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

const TABLE = 'stored_monthly_overview';
const NAME = 'monthly_overview';

/**
 * Stores the month-by-month overview at the as-of date unless it is stored there already for the same data,
 * so the web app's overview reads a few dozen rows instead of scanning every sale.
 */
export async function storeMonthlyOverview(ws: Workspace, asOf: string): Promise<void> {
  if (await precomputedAt(ws, NAME, asOf, DATA_VERSION_SQL)) return;
  await ws.run(`CREATE OR REPLACE TABLE ${TABLE} AS ${MONTHLY_OVERVIEW_SQL}`, [asOf]);
  await notePrecomputed(ws, NAME, asOf, DATA_VERSION_SQL);
}

/** The SQL (with its parameters) that gives the overview at the date: the stored one when current. */
export async function monthlyOverviewQuery(
  ws: Workspace,
  asOf: string,
): Promise<{ sql: string; params: string[] }> {
  if (await precomputedAt(ws, NAME, asOf, DATA_VERSION_SQL))
    return { sql: `SELECT * FROM ${TABLE} ORDER BY month`, params: [] };
  return { sql: MONTHLY_OVERVIEW_SQL, params: [asOf] };
}
