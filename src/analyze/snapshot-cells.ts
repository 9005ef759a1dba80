import { literal } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import { ANALYSIS_TABLES } from './refresh-plan.js';
import { snapshotRowsSql } from './snapshot-tables.js';

/**
 * Every snapshot summed by the labels its readers group and filter by — the snapshot cells. The structure,
 * cohorts, RFM, segments, flows and pivot pages read a few thousand cells instead of every customer at every
 * snapshot (24 × 10 M rows on a large base).
 *
 * A cell is one combination of the dimensions at one snapshot date; `from_stage` is the customer's stage at
 * the previous snapshot (null: not a customer there yet). A cell column named after a snapshot column holds
 * the sum of that column over the cell's customers, so `sum(x)` reads the same over customers and over cells
 * (with the same type: sums of sums of DECIMAL stay exact); the `_n` columns count (customers_n: the
 * customers, active_n: those who bought in the snapshot's month, x_n: those who have x).
 *
 * `snapshot_moves` lists the customers whose stage differs from the previous snapshot's (entered included,
 * from_stage null), by date, from and to stage, and revenue: the trigger lists. A customer's stage changed iff
 * the run of equal month-end stages began in the snapshot's month (`run_period_start`, month-table.ts), so only
 * those customers are looked up in the previous snapshot.
 */
export const CELLS = 'snapshot_cells';
export const PREDICTION_CELLS = 'snapshot_prediction_cells';
export const MOVES = 'snapshot_moves';
export const CELL_DATES = 'snapshot_cell_dates';

/** Each cell column: how it sums the customers' rows. */
const MEASURES: readonly (readonly [string, string])[] = [
  ['customers_n', 'count(*)'],
  ['active_n', 'count(*) FILTER (WHERE purchased)'],
  ['period_revenue', 'sum(period_revenue)'],
  ['period_orders', 'sum(period_orders)'],
  ['gross_revenue', 'sum(gross_revenue)'],
  ['revenue', 'sum(revenue)'],
  ['revenue_n', 'count(revenue)'],
  ['revenue_12m', 'sum(revenue_12m)'],
  ['recency_days', 'sum(recency_days)'],
  ['recency_days_n', 'count(recency_days)'],
];

/** The measures of the prediction cells, on top of MEASURES: the predictions at the same snapshot. */
const PREDICTION_MEASURES: readonly (readonly [string, string])[] = [
  ['predicted_n', 'count(pr.customer_id)'],
  ['clv', 'sum(pr.clv)'],
  ['clv_n', 'count(pr.clv)'],
  ['churn_risk', 'sum(pr.churn_risk)'],
  ['churn_risk_n', 'count(pr.churn_risk)'],
  ['p_alive', 'sum(pr.p_alive)'],
  ['p_alive_n', 'count(pr.p_alive)'],
  ['expected_purchases', 'sum(pr.expected_purchases)'],
  ['expected_purchases_n', 'count(pr.expected_purchases)'],
];

/** A column the prediction cells have only since they also sum P(alive) and expected purchases. */
export const PREDICTION_CELLS_LATEST_COLUMN = 'expected_purchases_n';

export interface CellDate {
  snapshot_id: number;
  as_of: string;
  period_start: string;
  table: string;
  /** What the cells of this date were computed from: the snapshot's and the previous snapshot's tables. */
  basis: string;
  prev: { as_of: string; table: string } | null;
}

/** Version of the cells' layout: a change recomputes every date. */
const VERSION = 2;

/** The snapshots of the current analysis with their tables and what their cells depend on. */
export async function cellDates(ws: Workspace): Promise<CellDate[]> {
  const rows = await ws.all<{
    snapshot_id: number;
    as_of: string;
    period_start: string;
    table_name: string;
    identity: string;
  }>(
    `SELECT s.snapshot_id, strftime(s.as_of, '%Y-%m-%d') AS as_of, strftime(s.period_start, '%Y-%m-%d') AS period_start,
       t.table_name, concat_ws('/', t.table_name, t.sales_version, t.options_key) AS identity
     FROM snapshots s JOIN ${ANALYSIS_TABLES} t USING (as_of) ORDER BY s.snapshot_id`,
  );
  return rows.map((r, i) => {
    const before = i > 0 ? rows[i - 1] : undefined;
    // The stage run tells a change since the month before; a previous snapshot of another month cannot serve.
    const prev = before && dayBefore(r.period_start) === before.as_of ? before : undefined;
    return {
      snapshot_id: r.snapshot_id,
      as_of: r.as_of,
      period_start: r.period_start,
      table: r.table_name,
      basis: JSON.stringify([VERSION, r.identity, prev?.identity ?? null]),
      prev: prev ? { as_of: prev.as_of, table: prev.table_name } : null,
    };
  });
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

async function prepareTables(ws: Workspace): Promise<void> {
  await ws.run(`CREATE TABLE IF NOT EXISTS ${CELL_DATES} (as_of DATE, basis VARCHAR, predictions VARCHAR)`);
  const stale = await ws.one(`SELECT 1 FROM ${CELL_DATES} WHERE NOT starts_with(basis, $1) LIMIT 1`, [
    `[${VERSION},`,
  ]);
  if (stale) {
    for (const t of [CELLS, PREDICTION_CELLS, MOVES]) await ws.run(`DROP TABLE IF EXISTS ${t}`);
    await ws.run(`DELETE FROM ${CELL_DATES}`);
  }
}

/** The customer rows of a date with what the cells group by (from_stage comes from its moves). */
function rowsSql(d: CellDate): string {
  return snapshotRowsSql(d.table, d.as_of, [
    `coalesce(run_period_start >= DATE ${literal(d.period_start)}, true) AS changed`,
  ]);
}

/**
 * The cells of a date; with `predictions` (the rows of the predictions made at the date: customer_id, clv,
 * churn_risk), the prediction cells.
 */
export function cellsSql(d: CellDate, predictions?: string): string {
  const measures = predictions ? [...MEASURES, ...PREDICTION_MEASURES] : MEASURES;
  const join = predictions ? `LEFT JOIN (${predictions}) pr ON pr.customer_id = r.customer_id` : '';
  return `SELECT DATE ${literal(d.as_of)} AS as_of, r.cohort,
      CASE WHEN r.changed THEN m.from_stage ELSE r.stage END AS from_stage,
      r.stage, r.rfm_segment, r.r_score, r.f_score + r.m_score AS fm2, r.abc, r.xyz,
      ${measures.map(([name, sql]) => `${sql} AS ${name}`).join(', ')}
    FROM (${rowsSql(d)}) r
    LEFT JOIN (SELECT customer_id, from_stage FROM ${MOVES} WHERE as_of = DATE ${literal(d.as_of)}) m
      ON m.customer_id = r.customer_id
    ${join}
    GROUP BY ALL`;
}

async function storeMoves(ws: Workspace, d: CellDate): Promise<void> {
  const previous = d.prev
    ? `LEFT JOIN (SELECT customer_id, stage FROM ${d.prev.table} WHERE first_purchase IS NOT NULL) p USING (customer_id)`
    : '';
  await ws.run(
    `INSERT INTO ${MOVES}
     SELECT DATE ${literal(d.as_of)} AS as_of, c.customer_id, ${d.prev ? 'p.stage' : 'NULL::cl_stage_type'} AS from_stage,
       c.stage, c.revenue
     FROM (SELECT customer_id, stage, revenue FROM (${rowsSql(d)}) WHERE changed) c ${previous}
     ORDER BY from_stage NULLS FIRST, c.stage, c.revenue DESC, c.customer_id`,
  );
}

export async function ensureTable(ws: Workspace, table: string, sql: string): Promise<void> {
  if (!(await ws.tableExists(table))) await ws.run(`CREATE TABLE ${table} AS ${sql} LIMIT 0`);
}

/**
 * Stores the cells and moves of every snapshot date whose stored ones are missing or were computed from other
 * tables (a refresh recomputes only the dates it computed and the one after each), and drops those of dates
 * that are no longer snapshots. `computed`: dates computed again by this analysis.
 */
export async function storeSnapshotCells(ws: Workspace, computed: readonly string[] = []): Promise<void> {
  await prepareTables(ws);
  const dates = await cellDates(ws);
  const stored = new Map(
    (
      await ws.all<{ as_of: string; basis: string }>(
        `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, basis FROM ${CELL_DATES}`,
      )
    ).map((r) => [r.as_of, r.basis]),
  );
  const again = new Set(computed);
  const todo = dates.filter((d) => again.has(d.as_of) || stored.get(d.as_of) !== d.basis);
  const first = dates[0];
  if (first) {
    await ensureTable(
      ws,
      MOVES,
      `SELECT DATE ${literal(first.as_of)} AS as_of, customer_id, stage AS from_stage, stage, revenue FROM (${rowsSql(first)})`,
    );
    await ensureTable(ws, CELLS, cellsSql(first));
  }
  const keep = `(SELECT as_of FROM snapshots)`;
  for (const t of [CELLS, MOVES, PREDICTION_CELLS, CELL_DATES]) {
    if (await ws.tableExists(t)) await ws.run(`DELETE FROM ${t} WHERE as_of NOT IN ${keep}`);
  }
  for (const d of todo) {
    for (const t of [CELLS, MOVES, CELL_DATES]) {
      await ws.run(`DELETE FROM ${t} WHERE as_of = CAST($1 AS DATE)`, [d.as_of]);
    }
    await storeMoves(ws, d);
    await ws.run(`INSERT INTO ${CELLS} ${cellsSql(d)}`);
    await ws.run(`INSERT INTO ${CELL_DATES} VALUES (CAST($1 AS DATE), $2, NULL)`, [d.as_of, d.basis]);
  }
}
