import type { Workspace } from '../db/workspace.js';
import { storeAnalysisAggregates } from '../analyze/store-aggregates.js';
import { recordRun } from '../db/runs.js';
import { precomputeForReaders } from '../profile/precompute.js';
import { checkClvOptions } from '../models/index.js';
import { resolveAsOf } from '../profile/as-of.js';
import type { AnyParams, PurchaseModelName } from './models.js';
import { FIT_UNIT } from './date-model.js';
import { PredictionWork, predictionOptions, type DateFit } from './prediction-work.js';
import { UNIT_DAYS, type UnitName } from './time-unit.js';

export { predictSnapshots } from './predict-snapshots.js';

export interface PredictOptions {
  asOf?: string;
  model: PurchaseModelName;
  /** Horizon of expected purchases and CLV, in `unit`s. */
  horizon: number;
  unit: UnitName;
  /** Discount rate per `unit` period. */
  discountRate: number;
  margin: number;
}

export interface PredictReport {
  as_of: string;
  model: PurchaseModelName;
  time_unit_of_fit: UnitName;
  params: AnyParams;
  loglik: number;
  spend_params: AnyParams;
  horizon: number;
  unit: UnitName;
  discount_rate: number;
  margin: number;
  customers: number;
  totals: { expected_purchases: number; clv: number; expected_alive: number };
  churn_risk_over_half: number;
  /** With --snapshots: how many snapshots have predictions (the earliest may have too little history). */
  snapshots_predicted?: number;
  /** With --snapshots: the snapshot dates (YYYY-MM-DD) computed in this run, and those whose stored predictions were kept. */
  snapshots_computed?: string[];
  snapshots_kept?: string[];
  methods: Record<string, string>;
}

/** Columns of `predictions`: one row per customer (the metric catalogue documents each). */
export const PREDICTION_COLUMNS = [
  'expected_purchases',
  'p_alive',
  'churn_risk',
  'p_no_purchase',
  'expected_spend',
  'clv',
  'next_purchase_date',
] as const;

/**
 * Fits the purchase model (weeks) and Gamma-Gamma on all transactions up to the as-of date and predicts, for
 * every customer: expected purchases in the horizon, P(alive), churn risk = 1 − P(alive), the probability of no
 * purchase in the horizon, expected spend per purchase, CLV over the horizon (discounted per period, times the
 * margin) and the expected next purchase date. Stores them in `predictions`. `work` shares the reduced
 * transactions (and the fit at the same date) with `predictSnapshots` in the same run.
 */
export async function predict(
  ws: Workspace,
  o: PredictOptions,
  work?: PredictionWork,
): Promise<PredictReport> {
  const started = Date.now();
  const asOf = await resolveAsOf(ws, o.asOf);
  const options = predictionOptions(o);
  checkHorizon(options);
  const w = work ?? (await PredictionWork.open(ws));
  let f: DateFit;
  try {
    f = await w.fitAt(asOf, options);
    await ws.transaction(async () => {
      await ws.run(`CREATE OR REPLACE TABLE predictions (customer_id VARCHAR, as_of DATE, expected_purchases DOUBLE,
        p_alive DOUBLE, churn_risk DOUBLE, p_no_purchase DOUBLE, expected_spend DOUBLE, clv DOUBLE, next_purchase_date DATE)`);
      for (let part = 0; part < w.parts.count; part++) {
        const rows = w.rowsSql(f, part);
        await ws.run(
          `INSERT INTO predictions SELECT customer_id, CAST($1 AS DATE), ${PREDICTION_COLUMNS.join(', ')}
           FROM (${rows.sql}) ORDER BY ckey`,
          rows.params,
        );
      }
      await ws.run(
        `CREATE OR REPLACE TABLE prediction_runs (as_of DATE, model VARCHAR, report JSON, created_at TIMESTAMP)`,
      );
      await recordRun(ws, 'predict', { as_of: asOf, model: o.model }, started);
      await precomputeForReaders(ws, asOf);
      await storeAnalysisAggregates(ws);
    });
  } finally {
    if (work === undefined) await w.close();
  }
  const totals = (await ws.one<{ expected: number; clv: number; alive: number; risky: number }>(
    `SELECT fsum(expected_purchases) AS expected, fsum(clv) AS clv, fsum(p_alive) AS alive,
       count(*) FILTER (WHERE p_alive < 0.5) AS risky FROM predictions`,
  ))!;
  const report: PredictReport = {
    as_of: asOf,
    model: o.model,
    time_unit_of_fit: FIT_UNIT,
    params: { ...f.fit.params },
    loglik: f.fit.loglik,
    spend_params: { ...f.spendFit.params },
    horizon: o.horizon,
    unit: o.unit,
    discount_rate: o.discountRate,
    margin: o.margin,
    customers: f.customers,
    totals: { expected_purchases: totals.expected, clv: totals.clv, expected_alive: totals.alive },
    churn_risk_over_half: totals.risky,
    methods: {
      fit: `${f.entry.label} by maximum likelihood on each customer's (x, t_x, T) in weeks (a week = 7 days; same-day purchases merged), and Gamma-Gamma on the mean value of repeat purchases.`,
      horizon: `${o.horizon} ${o.unit}s (a month = 365.25/12 days).`,
      clv: `Σ over the ${o.horizon} ${o.unit}s of margin (${o.margin}) × expected spend per purchase × expected purchases in the ${o.unit}, discounted by (1 + ${o.discountRate})^k.`,
      churn_risk: '1 − P(alive): the probability that the customer has already stopped buying.',
      next_purchase_date:
        'As-of date plus the median wait to the next purchase of a customer who is still alive, (α + T)(2^(1/(r+x)) − 1).',
    },
  };
  await ws.run(`INSERT INTO prediction_runs VALUES (CAST($1 AS DATE), $2, $3, now()::TIMESTAMP)`, [
    asOf,
    o.model,
    JSON.stringify(report),
  ]);
  return report;
}

/** Throws an `InputError` when the horizon, discount rate or margin make no sense (before any work). */
export function checkHorizon(o: Omit<PredictOptions, 'asOf'>): void {
  checkClvOptions({
    periods: o.horizon,
    periodLength: UNIT_DAYS[o.unit] / UNIT_DAYS[FIT_UNIT],
    discountRate: o.discountRate,
    margin: o.margin,
  });
}
