import { literal } from '../db/sql.js';
import { xyzSql, abcFromCutsSql, type AbcXyzOptions } from '../segments/abc-xyz.js';
import { baseStageSql, recencyStageStartSql, type LifecycleOptions } from '../segments/lifecycle.js';
import { quantileLevels, scoreSql, segmentSql, type RfmOptions } from '../segments/rfm.js';
import { rhythmSql } from '../segments/rhythm.js';
import { STEP_ABC, STEP_THRESHOLDS, totalsSql, type MonthStep } from './month-step.js';

export interface TableOptions {
  rfm: RfmOptions;
  lifecycle: LifecycleOptions;
  abcXyz: AbcXyzOptions;
}

/** The stage rule's inputs as columns of the step's rows. */
const stageCols = {
  firstInPeriod: 'first_purchase >= period_start',
  purchaseDays: 'purchase_days',
  recency: 'recency_days',
  r: 'rhythm_days',
  s: 'spread_days',
  g: 'g',
  l: 'l',
};

/**
 * The rows of a month's table (`filter`: one partition of the customers): each customer's totals, rhythm and
 * stage at the step's end with what the stage rules carry to the next month, and at a snapshot (`snapshot`)
 * the RFM scores and segment, ABC and XYZ. Thresholds come from STEP_THRESHOLDS (one row) and STEP_ABC.
 *
 * Stage rules across months (segments/lifecycle.ts): a customer is restored while active and the month of
 * the last purchase began with the customer asleep or lost (`came_back`, set in each month with a purchase,
 * carried otherwise); a run of equal stages starts in the month whose stage differs from the previous month's,
 * which gives the day the stage began (`stage_since`) when the stage is not defined by recency. What follows
 * from these columns and the date (recency, tenure, revenue, cv_12m …) is computed by the view (snapshot-tables.ts).
 */
export function monthTableSql(s: MonthStep, o: TableOptions, snapshot: boolean, filter = 'true'): string {
  const pe = `DATE ${literal(s.periodEnd)}`;
  const cut = (d: 'r' | 'f' | 'm'): string[] => quantileLevels(o.rfm.levels).map((_, i) => `${d}${i + 1}`);
  const lv = o.rfm.levels;
  const rhythm = rhythmSql(
    { k: 'gap_n', mean: 'gap_mean', sd: 'gap_sd', r0: 'r0', c0: 'c0' },
    o.lifecycle.kappa,
  );
  const classes = snapshot
    ? `CAST(${scoreSql('recency_days', cut('r'), true, lv)} AS TINYINT) AS r_score,
       CAST(${scoreSql('orders', cut('f'), false, lv)} AS TINYINT) AS f_score,
       CAST(${scoreSql('gross_revenue', cut('m'), false, lv)} AS TINYINT) AS m_score`
    : 'NULL::TINYINT AS r_score, NULL::TINYINT AS f_score, NULL::TINYINT AS m_score';
  const segment = snapshot
    ? `CAST(${segmentSql(o.rfm, 'r_score', 'f_score', 'm_score')} AS cl_rfm_type)`
    : 'NULL::cl_rfm_type';
  const abc = snapshot
    ? `CAST(${abcFromCutsSql('revenue_12m', 'customer_id')} AS cl_abc_type)`
    : 'NULL::cl_abc_type';
  const xyz = snapshot
    ? `CAST(${xyzSql('CAST(revenue_12m AS DOUBLE)', 'CAST(revenue_sq_12m AS DOUBLE)', o.abcXyz)} AS cl_xyz_type)`
    : 'NULL::cl_xyz_type';
  return `WITH u AS (${totalsSql(s, filter)}),
    p AS (
      SELECT u.*, th.*, DATE ${literal(s.periodStart)} AS period_start,
        date_diff('day', last_purchase, ${pe}) AS recency_days, date_diff('day', first_purchase, ${pe}) AS tenure_days,
        ${rhythm.r} AS rhythm_days, ${rhythm.c} AS rhythm_cv
      FROM u CROSS JOIN ${STEP_THRESHOLDS} th),
    q AS (SELECT *, rhythm_days * rhythm_cv AS spread_days FROM p),
    b AS (
      SELECT *, CASE WHEN first_purchase IS NOT NULL THEN CAST(${baseStageSql(stageCols)} AS cl_stage_type) END AS base_stage,
        CASE WHEN purchased THEN coalesce(pdays_before > 0 AND stage_before IN ('asleep', 'lost'), false)
          ELSE came_back_before END AS came_back
      FROM q),
    c AS (
      SELECT *, CASE WHEN base_stage = 'active' AND came_back THEN 'restored'::cl_stage_type ELSE base_stage END AS stage
      FROM b),
    d AS (
      SELECT *, stage IS DISTINCT FROM stage_before AS changed FROM c),
    e AS (
      SELECT *,
        CASE WHEN changed THEN period_start ELSE run_period_start_before END AS run_period_start,
        CASE WHEN changed THEN month_first_pday ELSE run_first_purchase_before END AS run_first_purchase,
        CASE WHEN purchased THEN month_first_pday ELSE last_period_first_purchase_before END AS last_period_first_purchase,
        ${classes}
      FROM d ${snapshot ? `LEFT JOIN ${STEP_ABC} ON true` : ''}),
    f AS (
      SELECT *, CAST(coalesce(
          ${recencyStageStartSql('stage', { ...stageCols, lastPurchase: 'last_purchase' })},
          CASE WHEN stage IN ('new', 'one_time') THEN first_purchase END,
          CASE WHEN stage = 'restored' THEN last_period_first_purchase END,
          run_first_purchase,
          greatest(run_period_start, first_purchase)) AS DATE) AS stage_since,
        ${segment} AS rfm_segment, ${abc} AS abc, ${xyz} AS xyz
      FROM e)
    SELECT customer_id, strftime(first_purchase, '%Y-%m') AS cohort,
      CAST(orders AS BIGINT) AS orders, CAST(purchase_days AS BIGINT) AS purchase_days,
      gross_revenue, returns, CAST(items AS DOUBLE) AS items, first_purchase, last_purchase, rhythm_days, spread_days,
      stage, stage_since, r_score, f_score, m_score, rfm_segment, revenue_12m, abc, xyz,
      month_net AS period_revenue, CAST(period_orders AS BIGINT) AS period_orders, purchased,
      gap_sumsq, revenue_sq_12m, came_back, run_period_start, run_first_purchase, last_period_first_purchase
    FROM f`;
}
