import type { Workspace } from '../db/workspace.js';
import { storeAnalysisAggregates } from '../analyze/store-aggregates.js';
import { recordRun } from '../db/runs.js';
import { precomputeForReaders } from '../profile/precompute.js';
import {
  compressSummary,
  compressSpendSummary,
  customerLifetimeValue,
  expandToCustomers,
  fitGammaGamma,
  gammaGamma,
  nextPurchaseTime,
} from '../models/index.js';
import { resolveAsOf } from '../profile/as-of.js';
import type { ProgressListener } from '../util/progress.js';
import { PURCHASE_MODEL_ENTRIES, type AnyParams, type PurchaseModelName } from './models.js';
import { readSummary } from './summary.js';
import { UNIT_DAYS, type UnitName } from './time-unit.js';

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
  /** With --snapshots: how many snapshots got predictions (the earliest may have too little history). */
  snapshots_predicted?: number;
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
 * margin) and the expected next purchase date. Stores them in `predictions`.
 */
export async function predict(ws: Workspace, o: PredictOptions): Promise<PredictReport> {
  const started = Date.now();
  const asOf = await resolveAsOf(ws, o.asOf);
  const c = await computePredictions(ws, asOf, o);
  const { summary, expected, alive, noPurchase, spend, clv, wait, fit, spendFit, entry, fitUnit } = c;
  const n = summary.customerIds.length;
  const asOfDay = Date.parse(asOf) / 86_400_000;
  await ws.transaction(async () => {
    await ws.run(`CREATE OR REPLACE TABLE predictions (customer_id VARCHAR, as_of DATE, expected_purchases DOUBLE,
      p_alive DOUBLE, churn_risk DOUBLE, p_no_purchase DOUBLE, expected_spend DOUBLE, clv DOUBLE, next_purchase_date DATE)`);
    const appender = await ws.connection.createAppender('predictions');
    for (let i = 0; i < n; i++) {
      appender.appendVarchar(summary.customerIds[i]!);
      appender.appendVarchar(asOf);
      appender.appendDouble(expected[i]!);
      appender.appendDouble(alive[i]!);
      appender.appendDouble(1 - alive[i]!);
      appender.appendDouble(noPurchase[i]!);
      appender.appendDouble(spend[i]!);
      appender.appendDouble(clv[i]!);
      const w = wait[i]!;
      if (Number.isFinite(w))
        appender.appendVarchar(
          new Date((asOfDay + Math.round(w * 7)) * 86_400_000).toISOString().slice(0, 10),
        );
      else appender.appendNull();
      appender.endRow();
    }
    appender.closeSync();
    await ws.run(
      `CREATE OR REPLACE TABLE prediction_runs (as_of DATE, model VARCHAR, report JSON, created_at TIMESTAMP)`,
    );
    await recordRun(ws, 'predict', { as_of: asOf, model: o.model }, started);
    await precomputeForReaders(ws, asOf);
    await storeAnalysisAggregates(ws);
  });
  let totalExpected = 0;
  let totalClv = 0;
  let totalAlive = 0;
  let risky = 0;
  for (let i = 0; i < n; i++) {
    totalExpected += expected[i]!;
    totalClv += clv[i]!;
    totalAlive += alive[i]!;
    if (alive[i]! < 0.5) risky++;
  }
  const report: PredictReport = {
    as_of: asOf,
    model: o.model,
    time_unit_of_fit: fitUnit,
    params: { ...fit.params },
    loglik: fit.loglik,
    spend_params: { ...spendFit.params },
    horizon: o.horizon,
    unit: o.unit,
    discount_rate: o.discountRate,
    margin: o.margin,
    customers: n,
    totals: { expected_purchases: totalExpected, clv: totalClv, expected_alive: totalAlive },
    churn_risk_over_half: risky,
    methods: {
      fit: `${entry.label} by maximum likelihood on each customer's (x, t_x, T) in weeks (a week = 7 days; same-day purchases merged), and Gamma-Gamma on the mean value of repeat purchases.`,
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

/** The per-customer predictions at one date (fits included), as columns. */
export async function computePredictions(ws: Workspace, asOf: string, o: Omit<PredictOptions, 'asOf'>) {
  const fitUnit: UnitName = 'week';
  const summary = await readSummary(ws, asOf, asOf, fitUnit);
  const entry = PURCHASE_MODEL_ENTRIES[o.model];
  const compressed = compressSummary(summary.purchases);
  const fit = entry.fit(compressed);
  const spendFit = fitGammaGamma(compressSpendSummary(summary.spend.summary));
  const perUnit = UNIT_DAYS[o.unit] / UNIT_DAYS[fitUnit];
  const horizon = o.horizon * perUnit;
  const expand = (v: Float64Array): Float64Array => expandToCustomers(v, compressed);
  const expected = expand(entry.model.conditionalExpectedPurchases(fit.params, compressed, horizon));
  const alive = expand(entry.model.probabilityAlive(fit.params, compressed));
  const noPurchase = expand(entry.model.probabilityNoPurchase(fit.params, compressed, horizon));
  const spend = gammaGamma.conditionalExpectedSpend(spendFit.params, summary.x, summary.mx);
  const clv = customerLifetimeValue(entry.model, fit.params, summary.purchases, spend, {
    periods: o.horizon,
    periodLength: perUnit,
    discountRate: o.discountRate,
    margin: o.margin,
  });
  const wait = nextPurchaseTime(
    entry.model as never,
    fit.params as never,
    summary.purchases,
  ).medianWaitIfAlive;
  return { summary, expected, alive, noPurchase, spend, clv, wait, fit, spendFit, entry, fitUnit };
}

/**
 * The same predictions at every snapshot of the stored analysis, each fitted only on the data up to its date
 * (no look-ahead), into `snapshot_predictions` — the CLV and churn-risk history of every customer.
 */
export async function predictSnapshots(
  ws: Workspace,
  o: Omit<PredictOptions, 'asOf'>,
  onProgress?: ProgressListener,
): Promise<number> {
  const started = Date.now();
  const snapshots = await ws.all<{ snapshot_id: number; as_of: string }>(
    `SELECT snapshot_id, strftime(as_of, '%Y-%m-%d') AS as_of FROM snapshots ORDER BY snapshot_id`,
  );
  await ws.run(`CREATE OR REPLACE TEMP TABLE cl_snapshot_predictions (snapshot_id INTEGER, customer_id VARCHAR,
    expected_purchases DOUBLE, p_alive DOUBLE, churn_risk DOUBLE, clv DOUBLE)`);
  let done = 0;
  for (const [i, s] of snapshots.entries()) {
    onProgress?.({ phase: 'snapshots', done: i, total: snapshots.length });
    let c;
    try {
      c = await computePredictions(ws, s.as_of, o);
    } catch {
      continue; // too little history at the earliest snapshots for a fit: no prediction there
    }
    const appender = await ws.connection.createAppender('cl_snapshot_predictions');
    for (let i = 0; i < c.summary.customerIds.length; i++) {
      appender.appendInteger(s.snapshot_id);
      appender.appendVarchar(c.summary.customerIds[i]!);
      appender.appendDouble(c.expected[i]!);
      appender.appendDouble(c.alive[i]!);
      appender.appendDouble(1 - c.alive[i]!);
      appender.appendDouble(c.clv[i]!);
      appender.endRow();
    }
    appender.closeSync();
    done++;
  }
  await ws.run(`CREATE OR REPLACE TABLE snapshot_predictions AS SELECT * FROM cl_snapshot_predictions`);
  await ws.run(`DROP TABLE cl_snapshot_predictions`);
  await recordRun(ws, 'predict --snapshots', { model: o.model, snapshots: done }, started);
  await storeAnalysisAggregates(ws, { predictions: true });
  return done;
}
