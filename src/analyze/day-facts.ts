import { literal } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import { PURCHASE, RETURN } from '../metrics/catalogue.js';

/**
 * Money in the work tables: exact, and 8 bytes rather than the 16 of the sums' default DECIMAL(38, 2). It holds
 * a customer's total up to 10¹⁶ (ingest rejects any line of 10¹³ or more as too large to be an amount).
 */
export const MONEY = 'DECIMAL(18, 2)';

/** The customer-day facts of an analysis: the one pass over the sales lines. */
export const DAY_FACTS = 'cl_day_facts';

/**
 * Reduces the identified sales lines dated up to `asOf` (and after `after`, when given) to one row per customer
 * and day: gross (purchase lines), returns (as a positive amount), items bought, whether the day has a purchase,
 * and the orders that count on that day — an order counts on the first day it has a purchase line, so an order
 * whose purchase began on or before `after` counts in an earlier month and not here. Rows are written in month
 * order (`month` = year × 12 + month − 1), so that reading one month skips the others' row groups.
 */
export async function buildDayFacts(ws: Workspace, o: { asOf: string; after?: string }): Promise<void> {
  const upTo = `ts < DATE ${literal(o.asOf)} + INTERVAL 1 DAY`;
  const from = o.after ? `AND ts >= DATE ${literal(o.after)} + INTERVAL 1 DAY` : '';
  // Orders of these lines that already had a purchase line before them (an order spanning the boundary).
  const startedBefore = o.after
    ? `started_before AS (
        SELECT DISTINCT s.customer_id, s.order_id FROM sales s SEMI JOIN firsts f USING (customer_id, order_id)
        WHERE s.customer_id IS NOT NULL AND s.${PURCHASE} AND s.ts < DATE ${literal(o.after)} + INTERVAL 1 DAY),`
    : '';
  const newFirsts = o.after
    ? 'SELECT * FROM firsts ANTI JOIN started_before USING (customer_id, order_id)'
    : 'SELECT * FROM firsts';
  await ws.run(`CREATE OR REPLACE TEMP TABLE ${DAY_FACTS} AS
    WITH lines AS (
      SELECT customer_id, order_id, CAST(ts AS DATE) AS day, amount, quantity
      FROM sales WHERE customer_id IS NOT NULL AND ${upTo} ${from}),
    firsts AS (SELECT customer_id, order_id, min(day) AS day FROM lines WHERE ${PURCHASE} GROUP BY 1, 2),
    ${startedBefore}
    orders AS (SELECT customer_id, day, count(*) AS new_orders FROM (${newFirsts}) GROUP BY 1, 2),
    days AS (
      SELECT customer_id, day,
        CAST(coalesce(sum(amount) FILTER (WHERE ${PURCHASE}), 0) AS ${MONEY}) AS gross,
        CAST(coalesce(-sum(amount) FILTER (WHERE ${RETURN}), 0) AS ${MONEY}) AS returns,
        sum(quantity) FILTER (WHERE ${PURCHASE}) AS items,
        count(*) FILTER (WHERE ${PURCHASE}) > 0 AS purchase
      FROM lines GROUP BY 1, 2)
    SELECT d.customer_id, d.day, CAST(year(d.day) * 12 + month(d.day) - 1 AS INTEGER) AS month,
      d.gross, d.returns, d.items, d.purchase, CAST(coalesce(o.new_orders, 0) AS BIGINT) AS new_orders
    FROM days d LEFT JOIN orders o USING (customer_id, day)
    ORDER BY month`);
}

/** The first month with an identified purchase in the facts, or null when there is none. */
export async function firstFactMonth(ws: Workspace): Promise<number | null> {
  const v = await ws.scalar(`SELECT min(month) FROM ${DAY_FACTS} WHERE purchase`);
  return v === null || v === undefined ? null : Number(v);
}
