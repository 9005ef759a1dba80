import { partitionsFor } from '../db/partitions.js';
import { salesVersionAt } from '../db/sales-version.js';
import type { Workspace } from '../db/workspace.js';
import { literal } from '../db/sql.js';
import { RFM_SEGMENTS } from '../segments/rfm-map.js';
import { abcCutsSql } from '../segments/abc-xyz.js';
import { quantileLevels } from '../segments/rfm.js';
import { STAGES } from '../segments/stages.js';
import type { ProgressListener } from '../util/progress.js';
import { buildDayFacts, DAY_FACTS, MONEY } from './day-facts.js';
import {
  MONTH_FACTS,
  MONTH_GAPS,
  monthFactsSql,
  monthGapsSql,
  NETS,
  STEP_ABC,
  STEP_THRESHOLDS,
  totalsSql,
  type MonthStep,
} from './month-step.js';
import { monthTableSql, type TableOptions } from './month-table.js';
import type { RefreshPlan } from './refresh-plan.js';
import { monthEnd, monthIndex, monthStart, type SnapshotDate } from './snapshot-dates.js';
import { snapshotTable } from './snapshot-tables.js';
import { addGapsSql, GAP_HISTOGRAM, stepThresholds, type Thresholds } from './thresholds.js';

/** Where a chain leaves what the next refresh continues from (renamed into place when it is published). */
export const STAGED_NETS = 'analysis_nets_next';
export const STAGED_GAPS = 'analysis_gap_hist_next';

/** Bytes of one customer's row in a month step's working set (state, facts, join), for the partition count. */
const BYTES_PER_CUSTOMER = 400;

export interface ChainResult {
  /** The snapshot tables written (staged), by date, with their customers and thresholds. */
  written: Map<string, { staged: string; customers: number; thresholds: Thresholds; salesVersion: string }>;
  /** The last month end of the chain, whose table is the state a later refresh continues from. */
  state: { asOf: string; salesVersion: string } | null;
  /** Drops the chain's temporary tables (their memory is then free for what follows). */
  release(): Promise<void>;
  /** Drops the chain's temporary tables, and staged tables left unpublished. */
  cleanup(): Promise<void>;
}

/**
 * Runs the months of an analysis (month-step.ts) that the plan needs: from the stored state (an incremental
 * refresh) or from the first month with a purchase, to the as-of date. Every month end whose snapshot is to be
 * computed is written to a staged table; the other months' tables are temporary and dropped as soon as the
 * next month is computed. Nothing here changes what readers see: publish.ts does, in one transaction.
 */
export async function runChain(
  ws: Workspace,
  o: {
    asOf: string;
    snapshots: SnapshotDate[];
    plan: RefreshPlan;
    table: TableOptions;
    onProgress?: ProgressListener;
  },
): Promise<ChainResult> {
  const written: ChainResult['written'] = new Map();
  const temps = new Set<string>([
    DAY_FACTS,
    MONTH_FACTS,
    MONTH_GAPS,
    NETS,
    GAP_HISTOGRAM,
    STEP_THRESHOLDS,
    STEP_ABC,
  ]);
  const release = async (): Promise<void> => {
    for (const t of temps) await ws.run(`DROP TABLE IF EXISTS ${t}`);
  };
  const cleanup = async (): Promise<void> => {
    await release();
    for (const w of written.values()) await ws.run(`DROP TABLE IF EXISTS ${w.staged}`);
    await ws.run(`DROP TABLE IF EXISTS ${STAGED_NETS}`);
    await ws.run(`DROP TABLE IF EXISTS ${STAGED_GAPS}`);
  };
  if (o.plan.computed.length === 0) return { written, state: null, release, cleanup };
  try {
    await ensureLabelTypes(ws);
    const toWrite = new Set(o.plan.computed);
    const from = o.plan.from;
    o.onProgress?.({ phase: 'sales', done: 0, total: 1 });
    await buildDayFacts(ws, { asOf: o.asOf, ...(from ? { after: from.asOf } : {}) });
    await ws.run(`CREATE OR REPLACE TEMP TABLE ${NETS} AS
      ${from ? `SELECT * FROM analysis_nets` : `SELECT NULL::VARCHAR AS customer_id, 0 AS month, 0::${MONEY} AS net, 0::DECIMAL(38, 4) AS net_sq WHERE false`}`);
    await ws.run(`CREATE OR REPLACE TEMP TABLE ${GAP_HISTOGRAM} AS
      ${from ? `SELECT * FROM analysis_gap_hist` : `SELECT 0::BIGINT AS gap, false AS first, 0::BIGINT AS n WHERE false`}`);
    const firstPurchase = await ws.scalar(`SELECT min(month) FROM ${DAY_FACTS} WHERE purchase`);
    const lastMonth = monthIndex(o.asOf);
    const startMonth = from
      ? monthIndex(from.asOf) + 1
      : Math.min(
          monthIndex(o.snapshots[0]!.as_of),
          firstPurchase === null ? lastMonth : Number(firstPurchase),
        );
    const customers =
      Number(await ws.scalar(`SELECT approx_count_distinct(customer_id) FROM ${DAY_FACTS}`)) +
      (from ? Number(await ws.scalar(`SELECT count(*) FROM ${from.table}`)) : 0);
    const parts = partitionsFor(ws, customers * BYTES_PER_CUSTOMER);
    let state: string | null = from?.table ?? null;
    let stateAsOf: string | null = null;
    const total = lastMonth - startMonth + 1;
    for (let m = startMonth; m <= lastMonth; m++) {
      o.onProgress?.({ phase: 'months', done: m - startMonth, total, unit: 'months' });
      const periodEnd = m === lastMonth ? o.asOf : monthEnd(m);
      const closesMonth = periodEnd === monthEnd(m);
      const step: MonthStep = {
        month: m,
        periodStart: monthStart(m),
        periodEnd,
        first: state === null,
        state,
      };
      await ws.run(monthGapsSql(step));
      await ws.run(monthFactsSql(step));
      // The as-of date inside a month is not carried to the next refresh: what continues is the month end before.
      if (!closesMonth) await stageChainState(ws, m - 1);
      await ws.run(addGapsSql(MONTH_GAPS));
      const write = toWrite.has(periodEnd);
      const thresholds = await stepThresholds(ws, step, o.table, write);
      await ws.run(
        `CREATE OR REPLACE TEMP TABLE ${STEP_THRESHOLDS} AS SELECT ${thresholdColumns(thresholds, o.table, write)}`,
      );
      if (write) {
        const population = `(SELECT 0 AS part, customer_id, revenue_12m FROM (${totalsSql(step)}) WHERE first_purchase IS NOT NULL)`;
        await ws.run(
          `CREATE OR REPLACE TEMP TABLE ${STEP_ABC} AS ${abcCutsSql(population, 'revenue_12m', o.table.abcXyz, 'part', 'customer_id')}`,
        );
      }
      const table = write ? snapshotTable(periodEnd, true) : `cl_month_${m}`;
      if (!write) temps.add(table);
      for (let p = 0; p < parts.count; p++) {
        const rows = monthTableSql(step, o.table, write, parts.filter('customer_id', p));
        // A snapshot's rows in customer order: one customer's history then reads one row group per table.
        const sql = write ? `${rows} ORDER BY customer_id` : rows;
        await ws.run(
          p === 0
            ? `CREATE OR REPLACE ${write ? '' : 'TEMP '}TABLE ${table} AS ${sql}`
            : `INSERT INTO ${table} ${sql}`,
        );
      }
      if (write) {
        written.set(periodEnd, {
          staged: table,
          customers: Number(thresholds['customers'] ?? 0),
          thresholds,
          salesVersion: await salesVersionAt(ws, periodEnd),
        });
      }
      if (closesMonth) {
        await ws.run(`INSERT INTO ${NETS} SELECT customer_id, ${m}, period_revenue, period_revenue * period_revenue
          FROM ${table} WHERE first_purchase IS NOT NULL AND period_revenue <> 0`);
        await ws.run(`DELETE FROM ${NETS} WHERE month <= ${m - 12}`);
        if (state && temps.has(state)) {
          await ws.run(`DROP TABLE ${state}`);
          temps.delete(state);
        }
        state = table;
        stateAsOf = periodEnd;
        if (m === lastMonth) await stageChainState(ws, m);
      }
    }
    o.onProgress?.({ phase: 'months', done: total, total, unit: 'months' });
    return {
      written,
      state: stateAsOf ? { asOf: stateAsOf, salesVersion: await salesVersionAt(ws, stateAsOf) } : null,
      release,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Stages the 12-month nets and the gap histogram as they are at the end of month `m`. */
async function stageChainState(ws: Workspace, m: number): Promise<void> {
  await ws.run(`CREATE OR REPLACE TABLE ${STAGED_NETS} AS SELECT * FROM ${NETS} WHERE month > ${m - 12}`);
  await ws.run(
    `CREATE OR REPLACE TABLE ${STAGED_GAPS} AS SELECT gap, first, CAST(sum(n) AS BIGINT) AS n FROM ${GAP_HISTOGRAM} GROUP BY ALL`,
  );
}

/** The one-row thresholds table of a step: r₀, c₀, G, L and (at a snapshot) the RFM cut points r1…, f1…, m1…. */
function thresholdColumns(t: Thresholds, o: TableOptions, snapshot: boolean): string {
  const n = (v: number | null | undefined): string => (v === null || v === undefined ? 'NULL' : String(v));
  const cols = [
    `${n(t['r0'])}::DOUBLE AS r0`,
    `${n(t['c0'])}::DOUBLE AS c0`,
    `${n(t['one_time_days'])}::DOUBLE AS g`,
    `${n(t['lapse_days'])}::DOUBLE AS l`,
  ];
  if (snapshot) {
    for (const d of ['r', 'f', 'm'] as const) {
      quantileLevels(o.rfm.levels).forEach((_, i) =>
        cols.push(`${n(t[`${d}_cut_${i + 1}`])}::DOUBLE AS ${d}${i + 1}`),
      );
    }
  }
  return cols.join(', ');
}

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
