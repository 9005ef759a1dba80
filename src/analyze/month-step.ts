import { literal } from '../db/sql.js';
import { DAY_FACTS, MONEY } from './day-facts.js';

/**
 * One month of the analysis chain. The state of every customer at a month end — running totals, the gap
 * statistics, the 12-month sums, the stage and what the stage rules carry from month to month — is the row of
 * the month's table; the next month's row is computed from it and that month's customer-day facts only. So
 * each month costs one pass over the customers, the months before an analysis's first snapshot are the same
 * chain (the stages are tracked from the first sale, not from the window's start), and a new month is one more
 * step from the stored state.
 */
export interface MonthStep {
  /** Month index (year × 12 + month − 1). */
  month: number;
  /** The month's first day and the day the step ends: its last day, or the as-of date in the as-of's month. */
  periodStart: string;
  periodEnd: string;
  /** The first step of a chain takes every fact up to its month (lines before the first purchase fold in). */
  first: boolean;
  /** The previous month's table, or null at the start of the chain. */
  state: string | null;
}

/** The running 12-month nets: each customer's (folded) net revenue of the months that still count. */
export const NETS = 'cl_nets';
/** This month's customer facts (`cl_month_facts`) and purchase days with their gaps (`cl_month_gaps`). */
export const MONTH_FACTS = 'cl_month_facts';
export const MONTH_GAPS = 'cl_month_gaps';

const day = (d: string): string => `DATE ${literal(d)}`;

/**
 * The purchase days of the step's month with the gap since the purchase day before (in this month or, for the
 * month's first, the state's last purchase) and their number among the customer's purchase days.
 */
export function monthGapsSql(s: MonthStep): string {
  const facts = `SELECT customer_id, day FROM ${DAY_FACTS}
    WHERE month ${s.first ? '<=' : '='} ${s.month} AND day <= ${day(s.periodEnd)} AND purchase`;
  const state = s.state
    ? `LEFT JOIN (SELECT customer_id, last_purchase, purchase_days FROM ${s.state}) st USING (customer_id)`
    : '';
  const last = s.state ? 'st.last_purchase' : 'NULL::DATE';
  const before = s.state ? 'coalesce(st.purchase_days, 0)' : '0';
  return `CREATE OR REPLACE TEMP TABLE ${MONTH_GAPS} AS
    WITH p AS (
      SELECT customer_id, day, lag(day) OVER w AS prev, row_number() OVER w AS pos
      FROM (${facts}) WINDOW w AS (PARTITION BY customer_id ORDER BY day))
    SELECT p.customer_id, p.day, date_diff('day', coalesce(p.prev, ${last}), p.day) AS gap, ${before} + p.pos AS purchase_no
    FROM p ${state}`;
}

/** Each customer's facts of the month (those with any line in it). */
export function monthFactsSql(s: MonthStep): string {
  return `CREATE OR REPLACE TEMP TABLE ${MONTH_FACTS} AS
    WITH f AS (
      SELECT customer_id, CAST(sum(gross) AS ${MONEY}) AS gross, CAST(sum(returns) AS ${MONEY}) AS returns,
        sum(items) AS items, count(*) FILTER (WHERE purchase) AS pdays, CAST(sum(new_orders) AS BIGINT) AS new_orders,
        min(day) FILTER (WHERE purchase) AS first_pday, max(day) FILTER (WHERE purchase) AS last_pday
      FROM ${DAY_FACTS} WHERE month ${s.first ? '<=' : '='} ${s.month} AND day <= ${day(s.periodEnd)}
      GROUP BY customer_id),
    g AS (SELECT customer_id, CAST(sum(gap * gap) AS BIGINT) AS gap_sumsq FROM ${MONTH_GAPS} WHERE gap IS NOT NULL GROUP BY 1)
    SELECT f.*, coalesce(g.gap_sumsq, 0) AS gap_sumsq FROM f LEFT JOIN g USING (customer_id)`;
}

/**
 * The customers' totals at the step's end: the state plus the month's facts, one row per customer who has any
 * line up to then, `filter` selecting a partition. Customers without a purchase yet carry their lines (returns)
 * until their first purchase month, which takes them (`month_net` folds them in, as the 12-month sums do).
 */
export function totalsSql(s: MonthStep, filter = 'true'): string {
  const st = s.state
    ? `(SELECT * FROM ${s.state} WHERE ${filter})`
    : `(SELECT NULL::VARCHAR AS customer_id, NULL::DATE AS first_purchase, 0::BIGINT AS orders, 0::BIGINT AS purchase_days,
         0::${MONEY} AS gross_revenue, 0::${MONEY} AS returns, NULL::DOUBLE AS items, NULL::DATE AS last_purchase,
         0::BIGINT AS gap_sumsq, 0::${MONEY} AS revenue_12m, 0::DECIMAL(38, 4) AS revenue_sq_12m, NULL::VARCHAR AS stage,
         NULL::BOOLEAN AS came_back, NULL::DATE AS run_period_start, NULL::DATE AS run_first_purchase,
         NULL::DATE AS last_period_first_purchase WHERE false)`;
  return `WITH f AS (SELECT * FROM ${MONTH_FACTS} WHERE ${filter}),
    o AS (SELECT customer_id, net, net_sq FROM ${NETS} WHERE month = ${s.month - 12} AND ${filter}),
    j AS (
      SELECT coalesce(s.customer_id, f.customer_id) AS customer_id,
        coalesce(s.purchase_days, 0) AS pdays_before, s.stage AS stage_before, s.came_back AS came_back_before,
        s.run_period_start AS run_period_start_before, s.run_first_purchase AS run_first_purchase_before,
        s.last_period_first_purchase AS last_period_first_purchase_before,
        coalesce(s.first_purchase, f.first_pday) AS first_purchase,
        coalesce(s.orders, 0) + coalesce(f.new_orders, 0) AS orders,
        coalesce(s.purchase_days, 0) + coalesce(f.pdays, 0) AS purchase_days,
        CAST(coalesce(s.gross_revenue, 0) + coalesce(f.gross, 0) AS ${MONEY}) AS gross_revenue,
        CAST(coalesce(s.returns, 0) + coalesce(f.returns, 0) AS ${MONEY}) AS returns,
        CASE WHEN s.items IS NULL AND f.items IS NULL THEN NULL ELSE coalesce(s.items, 0) + coalesce(f.items, 0) END AS items,
        coalesce(f.last_pday, s.last_purchase) AS last_purchase,
        coalesce(s.gap_sumsq, 0) + coalesce(f.gap_sumsq, 0) AS gap_sumsq,
        coalesce(f.pdays, 0) > 0 AS purchased, f.first_pday AS month_first_pday,
        coalesce(f.new_orders, 0) AS period_orders,
        CAST(CASE WHEN coalesce(s.purchase_days, 0) = 0
          THEN coalesce(s.gross_revenue, 0) + coalesce(f.gross, 0) - coalesce(s.returns, 0) - coalesce(f.returns, 0)
          ELSE coalesce(f.gross, 0) - coalesce(f.returns, 0) END AS ${MONEY}) AS month_net,
        coalesce(s.revenue_12m, 0) AS revenue_12m_before, coalesce(s.revenue_sq_12m, 0) AS revenue_sq_12m_before
      FROM ${st} s FULL JOIN f USING (customer_id)),
    t AS (
      SELECT j.*,
        CAST(CASE WHEN first_purchase IS NULL THEN 0 ELSE revenue_12m_before + month_net - coalesce(o.net, 0) END AS ${MONEY}) AS revenue_12m,
        CAST(CASE WHEN first_purchase IS NULL THEN 0 ELSE revenue_sq_12m_before + month_net * month_net - coalesce(o.net_sq, 0) END AS DECIMAL(38, 4)) AS revenue_sq_12m,
        -- purchase days are consecutive gaps: they number purchase_days − 1 and add up to last − first
        purchase_days - 1 AS gap_n, date_diff('day', first_purchase, last_purchase) AS gap_sum
      FROM j LEFT JOIN o USING (customer_id))
    SELECT t.*, CASE WHEN gap_n > 0 THEN gap_sum / gap_n END AS gap_mean,
      CASE WHEN gap_n > 1 THEN sqrt(greatest(gap_sumsq - gap_sum * gap_sum / gap_n, 0) / (gap_n - 1)) END AS gap_sd
    FROM t`;
}

/** The thresholds of the step as a one-row table, and (at a snapshot) the ABC cut points of `abcCutsSql`. */
export const STEP_THRESHOLDS = 'cl_step_thresholds';
export const STEP_ABC = 'cl_step_abc';
