import type { Workspace } from '../db/workspace.js';
import { field, InputError } from '../errors.js';
import {
  compressSummary,
  expectedCumulativePurchases,
  holdoutByFrequency,
  holdoutErrors,
  expandToCustomers,
} from '../models/index.js';
import { parseDate } from '../profile/as-of.js';
import { PURCHASE_MODEL_ENTRIES, type AnyParams, type PurchaseModelName } from './models.js';
import { readSummary, TRANSACTIONS_SQL } from './summary.js';
import { UNIT_DAYS, type UnitName } from './time-unit.js';

export interface ValidationReport {
  model: PurchaseModelName;
  params: AnyParams;
  loglik: number;
  calibration_end: string;
  holdout_end: string;
  time_unit: UnitName;
  holdout_length: number;
  customers: number;
  by_frequency: { frequency: string; customers: number; actual: number; predicted: number }[];
  tracking: { period: number; end: string; actual: number; predicted: number }[];
  errors: { mae: number; actual_total: number; predicted_total: number; aggregate_error_percent: number };
  method: string;
}

/**
 * Calibration/holdout validation: the model is fitted on transactions up to the calibration end, then each
 * customer's expected purchases in the holdout (conditional expectation) are compared with what they did —
 * by calibration frequency 0…7+, in total (MAE, aggregate % error), and as the cumulative tracking curve of
 * repeat transactions of the whole base, period by period.
 */
export async function validateModel(
  ws: Workspace,
  options: { model: PurchaseModelName; calibrationEnd: string; holdoutEnd: string; unit: UnitName },
): Promise<ValidationReport> {
  const cal = parseDate(options.calibrationEnd, field('calibrationEnd'));
  const end = parseDate(options.holdoutEnd, field('holdoutEnd'));
  if (end <= cal)
    throw new InputError(`${field('holdoutEnd')} ${end} must be after ${field('calibrationEnd')} ${cal}.`);
  const days = UNIT_DAYS[options.unit];
  const summary = await readSummary(ws, cal, end, options.unit);
  const entry = PURCHASE_MODEL_ENTRIES[options.model];
  const compressed = compressSummary(summary.purchases);
  const fit = entry.fit(compressed);
  const holdoutLength = (Date.parse(end) - Date.parse(cal)) / 86_400_000 / days;
  const predicted = expandToCustomers(
    entry.model.conditionalExpectedPurchases(fit.params, compressed, holdoutLength),
    compressed,
  );
  const bins = holdoutByFrequency(summary.x, summary.holdout, predicted);
  const errors = holdoutErrors(summary.holdout, predicted);

  // Tracking: cumulative repeat transactions, each period counted from the first customer's first purchase.
  const origin = Math.min(...summary.firstDay);
  const periods = Math.ceil((Date.parse(end) / 86_400_000 - origin + 1) / days);
  const actualRows = await ws.all<{ period: number; n: number }>(
    `WITH t AS (${TRANSACTIONS_SQL}),
          r AS (SELECT day, row_number() OVER (PARTITION BY customer_id ORDER BY day) AS k FROM t)
     SELECT CAST(floor((date_diff('day', DATE '1970-01-01', day) - $1) / $2) AS INTEGER) + 1 AS period, count(*) AS n
     FROM r WHERE k > 1 AND day <= CAST($3 AS DATE) GROUP BY 1 ORDER BY 1`,
    [origin, days, end],
  );
  const perPeriod = new Float64Array(periods + 1);
  for (const r of actualRows) if (r.period <= periods) perPeriod[r.period] = r.n;
  const birth = Float64Array.from(summary.firstDay, (d) => (d - origin) / days);
  const at = Float64Array.from({ length: periods }, (_, i) => i + 1);
  const expected = expectedCumulativePurchases(entry.model, fit.params, birth, at);
  let cumulative = 0;
  const tracking = Array.from({ length: periods }, (_, i) => {
    cumulative += perPeriod[i + 1]!;
    const endDay = new Date((origin + (i + 1) * days - 1) * 86_400_000).toISOString().slice(0, 10);
    return { period: i + 1, end: endDay, actual: cumulative, predicted: expected[i]! };
  });
  return {
    model: options.model,
    params: { ...fit.params },
    loglik: fit.loglik,
    calibration_end: cal,
    holdout_end: end,
    time_unit: options.unit,
    holdout_length: holdoutLength,
    customers: summary.customerIds.length,
    by_frequency: bins.labels.map((frequency, i) => ({
      frequency,
      customers: bins.customers[i]!,
      actual: bins.actualMean[i]!,
      predicted: bins.predictedMean[i]!,
    })),
    tracking,
    errors: {
      mae: errors.mae,
      actual_total: errors.actualTotal,
      predicted_total: errors.predictedTotal,
      aggregate_error_percent: errors.aggregateErrorPercent,
    },
    method: `${entry.label} fitted on transactions up to ${cal} (${summary.unit}s); holdout ${cal} … ${end}: conditional expected purchases per customer vs actual transaction days.`,
  };
}
