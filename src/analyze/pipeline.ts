import type { Workspace } from '../db/workspace.js';
import { literal } from '../db/sql.js';
import { PURCHASE, RETURN } from '../metrics/catalogue.js';
import { rhythmSql } from '../segments/rhythm.js';
import { baseStageSql, recencyStageStartSql, type LifecycleOptions } from '../segments/lifecycle.js';
import { quantileLevels, scoreSql, segmentSql, type RfmOptions } from '../segments/rfm.js';
import { abcCutsSql, abcFromCutsSql, xyzSql, type AbcXyzOptions } from '../segments/abc-xyz.js';
import { STAGES } from '../segments/stages.js';
import { RFM_SEGMENTS } from '../segments/rfm-map.js';
import { bucketSqlOf, type SnapshotDate } from './snapshot-dates.js';
import { computeThresholds, type Thresholds } from './thresholds.js';

export interface PipelineOptions {
  asOf: string;
  snapshots: SnapshotDate[];
  rfm: RfmOptions;
  lifecycle: LifecycleOptions;
  abcXyz: AbcXyzOptions;
}

/**
 * Money in the work tables: exact, and 8 bytes rather than the 16 of the sums' default DECIMAL(38, 2). It holds
 * a customer's total up to 10¹⁶ (ingest rejects any line of 10¹³ or more as too large to be an amount).
 */
const MONEY = 'DECIMAL(18, 2)';

/** The stage rule's inputs as columns of the snapshot rows. */
const stageCols = {
  firstInPeriod: 'first_purchase >= period_start',
  purchaseDays: 'purchase_days',
  recency: 'recency_days',
  r: 'rhythm_days',
  s: 'spread_days',
  g: 'g',
  l: 'l',
};

/** Low-cardinality labels are stored as ENUMs: one byte each, and they still read and compare as text. */
async function ensureLabelTypes(ws: Workspace): Promise<void> {
  for (const [name, values] of [
    ['cl_stage_type', STAGES],
    ['cl_rfm_type', RFM_SEGMENTS],
    ['cl_abc_type', ['A', 'B', 'C']],
    ['cl_xyz_type', ['X', 'Y', 'Z']],
  ] as const) {
    if (!(await ws.one(`SELECT 1 FROM duckdb_types() WHERE type_name = $1`, [name]))) {
      await ws.run(`CREATE TYPE ${name} AS ENUM (${values.map((v) => literal(v)).join(', ')})`);
    }
  }
}

/** The session's work tables of an analysis (temporary: they vanish with the connection). */
const WORK_TABLES = [
  'cl_snap',
  'cl_cday',
  'cl_first',
  'cl_month',
  'cl_cum',
  'cl_grid',
  'cl_stage',
  'cl_thr',
  'cl_abc_cut',
];

/**
 * Builds the work tables from which `stageSnapshots` writes the new `customer_snapshots` rows: one row per
 * customer per snapshot, from the first snapshot after the customer's first purchase. Sales are reduced once
 * to customer-day and customer-month facts; every cumulative metric is then a running total over a
 * customer's active months, held until the next one, so 24 snapshots cost about one pass, not 24.
 *
 * Run this, and `stageSnapshots`, before the transaction that publishes the results: DuckDB copies a table
 * created earlier in the same transaction on one thread only (measured: the final write took twice as long),
 * and memory freed by dropping a table in a transaction is freed only at its end. These tables are temporary,
 * so nothing of them outlives the session whatever happens; `dropWorkTables` removes them.
 */
export async function prepareSnapshots(ws: Workspace, o: PipelineOptions): Promise<Map<number, Thresholds>> {
  const lastBucket = o.snapshots[o.snapshots.length - 1]!.bucket;
  const bucketOf = bucketSqlOf(o.snapshots);
  const asOf = literal(o.asOf);
  await ensureLabelTypes(ws);

  await ws.run(
    `CREATE OR REPLACE TEMP TABLE cl_snap AS SELECT * FROM (VALUES ${o.snapshots
      .map(
        (s) =>
          `(${s.snapshot_id}, DATE ${literal(s.as_of)}, ${literal(s.month)}, DATE ${literal(s.period_start)}, ${s.bucket})`,
      )
      .join(', ')}) t(snapshot_id, as_of, month, period_start, bucket)`,
  );

  // Customer-day facts up to the as-of date; an order counts on the first day it has a purchase line.
  await ws.run(`CREATE OR REPLACE TEMP TABLE cl_cday AS
    WITH lines AS (
      SELECT customer_id, order_id, CAST(ts AS DATE) AS day, amount, quantity
      FROM sales WHERE customer_id IS NOT NULL AND ts < DATE ${asOf} + INTERVAL 1 DAY),
    orders AS (
      SELECT customer_id, min(day) AS day, count(*) AS new_orders
      FROM (SELECT customer_id, order_id, min(day) AS day FROM lines WHERE ${PURCHASE} GROUP BY 1, 2)
      GROUP BY customer_id, day),
    days AS (
      SELECT customer_id, day,
        CAST(coalesce(sum(amount) FILTER (WHERE ${PURCHASE}), 0) AS ${MONEY}) AS gross,
        CAST(coalesce(-sum(amount) FILTER (WHERE ${RETURN}), 0) AS ${MONEY}) AS returns,
        sum(quantity) FILTER (WHERE ${PURCHASE}) AS items,
        count(*) FILTER (WHERE ${PURCHASE}) > 0 AS purchase
      FROM lines GROUP BY 1, 2)
    SELECT d.*, coalesce(o.new_orders, 0) AS new_orders,
      CASE WHEN d.purchase THEN date_diff('day', lag(d.day) OVER (PARTITION BY d.customer_id, d.purchase ORDER BY d.day), d.day) END AS gap,
      CASE WHEN d.purchase THEN row_number() OVER (PARTITION BY d.customer_id, d.purchase ORDER BY d.day) END AS purchase_no
    FROM days d LEFT JOIN orders o USING (customer_id, day)`);

  // Customers get a dense integer key: every later sort and join is on it, not on the text id.
  await ws.run(`CREATE OR REPLACE TEMP TABLE cl_first AS
    SELECT row_number() OVER (ORDER BY customer_id) AS cid, customer_id, first_purchase, ${bucketOf('first_purchase')} AS first_bucket,
      strftime(first_purchase, '%Y-%m') AS cohort
    FROM (SELECT customer_id, min(day) AS first_purchase FROM cl_cday WHERE purchase GROUP BY customer_id)`);

  // Customer-month facts: lines before a customer's first purchase month fold into that month.
  await ws.run(`CREATE OR REPLACE TEMP TABLE cl_month AS
    SELECT f.cid, greatest(${bucketOf('d.day')}, f.first_bucket) AS bucket,
      CAST(sum(d.gross) AS ${MONEY}) AS gross, CAST(sum(d.returns) AS ${MONEY}) AS returns, sum(d.items) AS items,
      count(*) FILTER (WHERE d.purchase) AS purchase_days, CAST(sum(d.new_orders) AS BIGINT) AS new_orders,
      max(d.day) FILTER (WHERE d.purchase) AS last_pday, min(d.day) FILTER (WHERE d.purchase) AS first_pday,
      -- the purchase day before this month's first one (none when the month holds the first purchase)
      CASE WHEN count(*) FILTER (WHERE d.purchase_no = 1) = 0 THEN min(d.day - CAST(d.gap AS INTEGER)) END AS prev_pday,
      count(d.gap) AS gap_n, CAST(sum(d.gap) AS BIGINT) AS gap_sum, CAST(sum(d.gap * d.gap) AS BIGINT) AS gap_sumsq
    FROM cl_cday d JOIN cl_first f USING (customer_id)
    GROUP BY 1, 2`);

  // Running totals per customer and month with any activity: windows over these rows, far fewer than the
  // customers × months grid. The first active month holds the first purchase (earlier lines fold into it). What follows from others is derived instead: purchase days are consecutive,
  // so the gaps number purchase_days − 1 and add up to last − first purchase; the last purchase before a
  // month with purchases is the one before that month's first (prev_pday). Net revenue and its square are
  // summed exactly (DECIMAL), so that a 12-month sum is the difference of two running totals.
  await ws.run(`CREATE OR REPLACE TEMP TABLE cl_cum AS
    SELECT cid, bucket, lead(bucket, 1, ${lastBucket + 1}) OVER w AS next_bucket,
      prev_pday, first_pday AS month_first_pday, purchase_days AS month_pdays,
      gap_n AS month_gap_n, coalesce(gap_sum, 0) AS month_gap_sum, coalesce(gap_sumsq, 0) AS month_gap_sumsq,
      gross - returns AS month_net, new_orders AS month_orders,
      first_value(first_pday) OVER w AS first_purchase,
      CAST(sum(new_orders) OVER w AS BIGINT) AS orders,
      CAST(sum(purchase_days) OVER w AS BIGINT) AS purchase_days,
      CAST(sum(gross) OVER w AS ${MONEY}) AS gross_revenue,
      CAST(sum(returns) OVER w AS ${MONEY}) AS returns,
      sum(items) OVER w AS items,
      max(last_pday) OVER w AS last_purchase,
      CAST(sum(gap_sumsq) OVER w AS BIGINT) AS gap_sumsq,
      sum(gross - returns) OVER w AS cum_net,
      sum((gross - returns) * (gross - returns)) OVER w AS cum_net_sq
    FROM cl_month WINDOW w AS (PARTITION BY cid ORDER BY bucket ROWS UNBOUNDED PRECEDING)`);

  // Every customer at every month from their first purchase month: each active month's totals hold until
  // the customer's next active month. Months are consecutive per customer, so 12 rows back is 12 months back.
  await ws.run(`CREATE OR REPLACE TEMP TABLE cl_grid AS
    WITH months AS (
      SELECT c.*, unnest(range(c.bucket, c.next_bucket)) AS at_bucket FROM cl_cum c),
    lagged AS (
      SELECT *, bucket = at_bucket AS this_month,
        cum_net - lag(cum_net, 12, 0) OVER w AS net_12m, cum_net_sq - lag(cum_net_sq, 12, 0) OVER w AS net_sq_12m
      FROM months WINDOW w AS (PARTITION BY cid ORDER BY at_bucket)),
    running AS (
      SELECT l.cid, s.bucket, l.first_purchase, s.snapshot_id, s.as_of, s.period_start,
        orders, purchase_days, gross_revenue, returns, items, last_purchase, gap_sumsq,
        CASE WHEN this_month THEN month_first_pday END AS month_first_pday,
        CASE WHEN this_month THEN month_pdays ELSE 0 END AS month_pdays,
        CASE WHEN this_month THEN month_gap_n ELSE 0 END AS month_gap_n,
        CASE WHEN this_month THEN month_gap_sum ELSE 0 END AS month_gap_sum,
        CASE WHEN this_month THEN month_gap_sumsq ELSE 0 END AS month_gap_sumsq,
        CASE WHEN this_month THEN month_net ELSE 0 END AS period_revenue,
        CASE WHEN this_month THEN month_orders ELSE 0 END AS period_orders,
        this_month AND month_pdays > 0 AS purchased,
        CAST(net_12m AS ${MONEY}) AS revenue_12m, CAST(net_sq_12m AS DOUBLE) AS revenue_sq_12m,
        CASE WHEN this_month AND month_pdays > 0 THEN prev_pday ELSE last_purchase END AS last_purchase_before,
        purchase_days - 1 AS gap_n, date_diff('day', l.first_purchase, last_purchase) AS gap_sum
      FROM lagged l JOIN cl_snap s ON s.bucket = l.at_bucket)
    SELECT r.*,
      date_diff('day', r.last_purchase, r.as_of) AS recency_days,
      date_diff('day', r.first_purchase, r.as_of) AS tenure_days,
      CASE WHEN r.gap_n > 0 THEN r.gap_sum / r.gap_n END AS gap_mean,
      CASE WHEN r.gap_n > 1 THEN sqrt(greatest(r.gap_sumsq - r.gap_sum * r.gap_sum / r.gap_n, 0) / (r.gap_n - 1)) END AS gap_sd
    FROM running r`);
  await ws.run(`DROP TABLE cl_cum`);

  const thresholds = await computeThresholds(ws, o);
  await ws.run(`DROP TABLE cl_cday`);
  const cutNames = quantileLevels(o.rfm.levels).map((_, i) => i + 1);
  const cutColumns = (['r', 'f', 'm'] as const).flatMap((d) => cutNames.map((i) => `${d}${i}`));
  await ws.run(
    `CREATE OR REPLACE TEMP TABLE cl_thr AS SELECT * FROM (VALUES ${o.snapshots
      .map((s) => {
        const t = thresholds.get(s.snapshot_id)!;
        const v = (k: string): string => String(t[k] ?? 'NULL');
        const cuts = (['r', 'f', 'm'] as const).flatMap((d) =>
          cutNames.map((i) => `${v(`${d}_cut_${i}`)}::DOUBLE`),
        );
        return `(${s.snapshot_id}, DATE ${literal(s.as_of)}, DATE ${literal(s.period_start)}, ${v('r0')}::DOUBLE, ${v('c0')}::DOUBLE, ${v('one_time_days')}, ${v('lapse_days')}, ${cuts.join(', ')})`;
      })
      .join(', ')}) t(snapshot_id, t_as_of, t_period_start, r0, c0, g, l, ${cutColumns.join(', ')})`,
  );

  // The stage at this snapshot and at the previous one, from running totals only (the previous snapshot's
  // totals are this one's minus this month's), so no row has to look at another row yet. The previous
  // stage only matters in a month with a purchase (did the customer come back?), so only those rows pay
  // for it.
  const prev = rhythmSql(
    { k: 'p.prev_gap_n', mean: 'p.prev_gap_mean', sd: 'p.prev_gap_sd', r0: 'tp.r0', c0: 'tp.c0' },
    o.lifecycle.kappa,
  );
  const prevStage = baseStageSql({
    firstInPeriod: 'first_purchase >= prev_period_start',
    purchaseDays: '(purchase_days - month_pdays)',
    recency: "date_diff('day', last_purchase_before, prev_as_of)",
    r: 'prev_r',
    s: 'prev_s',
    g: 'prev_g',
    l: 'prev_l',
  });
  const now = rhythmSql(
    { k: 'g.gap_n', mean: 'g.gap_mean', sd: 'g.gap_sd', r0: 't.r0', c0: 't.c0' },
    o.lifecycle.kappa,
  );
  // ABC on the 12-month revenue within each snapshot, by cut points found from a narrow sort.
  await ws.run(
    `CREATE OR REPLACE TEMP TABLE cl_abc_cut AS ${abcCutsSql('cl_grid', 'revenue_12m', o.abcXyz, 'snapshot_id', 'cid')}`,
  );
  const stageIn = `
    WITH p AS (
      SELECT g.cid, g.snapshot_id, g.purchased, g.month_first_pday, g.first_purchase, g.period_start, g.purchase_days, g.recency_days,
        g.month_pdays, g.last_purchase_before, g.revenue_12m, t.g AS t_g, t.l AS t_l,
        ${abcFromCutsSql('g.revenue_12m', 'g.cid')} AS abc,
        ${now.r} AS rhythm_days, ${now.c} AS rhythm_cv,
        g.gap_n - g.month_gap_n AS prev_gap_n,
        CASE WHEN NOT g.purchased THEN NULL WHEN g.gap_n - g.month_gap_n > 0 THEN (g.gap_sum - g.month_gap_sum) / (g.gap_n - g.month_gap_n) END AS prev_gap_mean,
        CASE WHEN NOT g.purchased THEN NULL WHEN g.gap_n - g.month_gap_n > 1 THEN sqrt(greatest((g.gap_sumsq - g.month_gap_sumsq)
          - power(g.gap_sum - g.month_gap_sum, 2) / (g.gap_n - g.month_gap_n), 0) / (g.gap_n - g.month_gap_n - 1)) END AS prev_gap_sd
      FROM cl_grid g JOIN cl_thr t USING (snapshot_id) LEFT JOIN cl_abc_cut USING (snapshot_id)),
    q AS (
      SELECT p.*, rhythm_days * rhythm_cv AS spread_days,
        tp.snapshot_id AS prev_snapshot, tp.t_as_of AS prev_as_of, tp.t_period_start AS prev_period_start,
        tp.g AS prev_g, tp.l AS prev_l, CASE WHEN purchased THEN ${prev.r} END AS prev_r,
        CASE WHEN purchased THEN ${prev.c} END AS prev_cv
      FROM p LEFT JOIN cl_thr tp ON tp.snapshot_id = p.snapshot_id - 1),
    q2 AS (SELECT *, prev_r * prev_cv AS prev_s FROM q)
    SELECT cid, snapshot_id, purchased, month_first_pday, rhythm_days, spread_days, abc,
      CAST(${baseStageSql({ ...stageCols, g: 't_g', l: 't_l' })} AS cl_stage_type) AS base_stage,
      CASE WHEN NOT purchased OR prev_snapshot IS NULL OR purchase_days - month_pdays = 0 THEN NULL
        ELSE ${prevStage} IN ('asleep', 'lost') END AS prev_asleep
    FROM q2`;

  // Restored: active now, and the month of the last purchase began with the customer asleep or lost.
  // A run of equal stages starts where the stage differs from the previous snapshot's. Two passes of
  // windows over a narrow table, in customer and snapshot order: the first finds the stage and the one
  // before; the second the start of the run, its first purchase day, and that of the last purchase month.
  await ws.run(`CREATE OR REPLACE TEMP TABLE cl_stage AS
    WITH stage_in AS (${stageIn}),
    a AS (
      SELECT cid, snapshot_id, base_stage, rhythm_days, spread_days, abc, purchased, month_first_pday,
        last_value(CASE WHEN purchased THEN coalesce(prev_asleep, false) END IGNORE NULLS) OVER w AS came_back,
        last_value(CASE WHEN purchased THEN coalesce(prev_asleep, false) END IGNORE NULLS) OVER wp AS came_back_before,
        lag(base_stage) OVER w AS base_before
      FROM stage_in
      WINDOW w AS (PARTITION BY cid ORDER BY snapshot_id ROWS UNBOUNDED PRECEDING),
        wp AS (PARTITION BY cid ORDER BY snapshot_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)),
    b AS (
      SELECT *,
        CASE WHEN base_stage = 'active' AND came_back THEN 'restored'::cl_stage_type ELSE base_stage END AS stage,
        CASE WHEN base_before = 'active' AND came_back_before THEN 'restored'::cl_stage_type ELSE base_before END AS stage_before
      FROM a)
    SELECT cid, snapshot_id, stage, rhythm_days, spread_days, abc,
      last_value(CASE WHEN purchased THEN month_first_pday END IGNORE NULLS) OVER w AS last_period_first_purchase,
      max(CASE WHEN stage IS DISTINCT FROM stage_before THEN snapshot_id END) OVER w AS run_start,
      struct_extract(last_value(CASE WHEN stage IS DISTINCT FROM stage_before THEN {'day': month_first_pday} END IGNORE NULLS) OVER w, 'day') AS run_first_purchase
    FROM b WINDOW w AS (PARTITION BY cid ORDER BY snapshot_id ROWS UNBOUNDED PRECEDING)`);
  return thresholds;
}

/** Where `stageSnapshots` writes the new rows until `publishSnapshots` puts them in place. */
const STAGED = 'customer_snapshots_next';

/**
 * Writes the new `customer_snapshots` rows from the work tables of `prepareSnapshots` into a staging table
 * that no reader looks at, then drops the large work tables.
 */
export async function stageSnapshots(ws: Workspace, o: PipelineOptions): Promise<void> {
  const cutNames = quantileLevels(o.rfm.levels).map((_, i) => i + 1);
  const cutCols = (d: 'r' | 'f' | 'm'): string[] => cutNames.map((i) => `t.${d}${i}`);
  const lv = o.rfm.levels;
  await ws.run(`CREATE OR REPLACE TABLE ${STAGED} AS
    WITH b AS (
      SELECT g.*, t.g, t.l, st.stage, st.run_start, st.abc, st.rhythm_days, st.spread_days,
        st.last_period_first_purchase, st.run_first_purchase,
        ${scoreSql('g.recency_days', cutCols('r'), true, lv)} AS r_score,
        ${scoreSql('g.orders', cutCols('f'), false, lv)} AS f_score,
        ${scoreSql('g.gross_revenue', cutCols('m'), false, lv)} AS m_score
      FROM cl_grid g JOIN cl_thr t USING (snapshot_id) JOIN cl_stage st USING (cid, snapshot_id)),
    classed AS (
      SELECT b.*, f.customer_id, f.cohort, rs.t_period_start AS run_period_start,
        ${xyzSql('b.revenue_12m', 'b.revenue_sq_12m', o.abcXyz)} AS xyz
      FROM b JOIN cl_first f USING (cid)
      JOIN cl_thr rs ON rs.snapshot_id = b.run_start)
    SELECT snapshot_id, as_of, customer_id, cohort,
      CAST(orders AS BIGINT) AS orders, CAST(purchase_days AS BIGINT) AS purchase_days,
      CAST(gross_revenue AS DOUBLE) AS gross_revenue, CAST(returns AS DOUBLE) AS returns,
      CAST(gross_revenue - returns AS DOUBLE) AS revenue, CAST(items AS DOUBLE) AS items,
      first_purchase, last_purchase, CAST(recency_days AS INTEGER) AS recency_days, CAST(tenure_days AS INTEGER) AS tenure_days,
      rhythm_days, spread_days,
      CAST(last_purchase + CAST(round(rhythm_days) AS INTEGER) AS DATE) AS expected_next_purchase,
      CAST(greatest(0, recency_days - round(rhythm_days)) AS INTEGER) AS days_overdue,
      CAST(stage AS cl_stage_type) AS stage,
      CAST(coalesce(
        ${recencyStageStartSql('stage', { ...stageCols, lastPurchase: 'last_purchase' })},
        CASE WHEN stage IN ('new', 'one_time') THEN first_purchase END,
        CASE WHEN stage = 'restored' THEN last_period_first_purchase END,
        run_first_purchase,
        greatest(run_period_start, first_purchase)) AS DATE) AS stage_since,
      CAST(r_score AS TINYINT) AS r_score, CAST(f_score AS TINYINT) AS f_score, CAST(m_score AS TINYINT) AS m_score,
      CAST(${segmentSql(o.rfm, 'r_score', 'f_score', 'm_score')} AS cl_rfm_type) AS rfm_segment,
      CAST(revenue_12m AS DOUBLE) AS revenue_12m,
      CASE WHEN revenue_12m > 0 THEN sqrt(greatest(revenue_sq_12m / 12 - power(revenue_12m / 12, 2), 0)) / (revenue_12m / 12) END AS cv_12m,
      CAST(abc AS cl_abc_type) AS abc, CAST(xyz AS cl_xyz_type) AS xyz,
      CAST(period_revenue AS DOUBLE) AS period_revenue, CAST(period_orders AS BIGINT) AS period_orders, purchased,
      CAST(greatest(0, date_diff('day', stage_since, as_of)) AS INTEGER) AS days_in_stage
    FROM classed`);
  // What is left is only needed for the small `snapshots` table; the rest goes now to free memory.
  for (const t of WORK_TABLES.filter((name) => name !== 'cl_snap')) await ws.run(`DROP TABLE IF EXISTS ${t}`);
}

/** Replaces `customer_snapshots` by the staged rows; run inside the analysis transaction (a rename, no copy). */
export async function publishSnapshots(ws: Workspace): Promise<void> {
  await ws.run(`DROP TABLE IF EXISTS customer_snapshots`);
  await ws.run(`ALTER TABLE ${STAGED} RENAME TO customer_snapshots`);
}

/** Drops the work tables of an analysis, and staged rows left unpublished, whether it finished or not. */
export async function dropWorkTables(ws: Workspace): Promise<void> {
  for (const t of [...WORK_TABLES, STAGED]) await ws.run(`DROP TABLE IF EXISTS ${t}`);
}
