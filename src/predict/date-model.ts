import {
  customerSummary,
  fitGammaGamma,
  type FitResult,
  type GammaGammaParams,
  type PurchaseFit,
} from '../models/index.js';
import { checkSpendParams } from './expected-spend-sql.js';
import { PURCHASE_MODEL_ENTRIES, type AnyParams } from './models.js';
import { patternValues, type PatternValues } from './pattern-values.js';
import type { PredictOptions } from './predict.js';
import { MODEL_UNIT, UNIT_DAYS, type UnitName } from './time-unit.js';

/** The unit the purchase models are fitted in. */
export const FIT_UNIT: UnitName = 'week';

/**
 * What the fits at one date need, read from the database: the distinct (x, tx_days, t_days) patterns of the
 * customers with their counts (sorted, so that the fit never depends on how the customers were processed), and
 * the distinct (x, mx) of the repeat customers with positive spend, with their counts.
 */
export interface DateInputs {
  asOf: string;
  options: Omit<PredictOptions, 'asOf'>;
  patterns: { x: Float64Array; txDays: Float64Array; tDays: Float64Array; customers: Float64Array };
  spend: { x: Float64Array; mx: Float64Array; customers: Float64Array };
}

/**
 * About what `fitDate` holds in memory at once for a date, from the sizes of its inputs: per pattern the
 * summary, its compressed and indexed copies for the likelihood and the values (~200 bytes), per spend row the
 * same for Gamma-Gamma (~110 bytes) — 185 MB for the 1 M customers of the demo (575 k patterns, 640 k spend rows).
 */
export function fitDateBytes(inputs: DateInputs): number {
  return inputs.patterns.x.length * 200 + inputs.spend.x.length * 110;
}

/** The fits at one date and the per-pattern values, aligned with the input patterns. */
export interface DateModel {
  fit: PurchaseFit<AnyParams>;
  spendFit: FitResult<GammaGammaParams>;
  values: PatternValues;
  customers: number;
}

/**
 * Fits the purchase model (in weeks) on the patterns and Gamma-Gamma on the spend rows, and evaluates the
 * per-customer quantities once per pattern. Pure computation on columns: it runs on this thread (`predict`)
 * or on a worker thread (`predictSnapshots`, several dates at once), with the same result.
 */
export function fitDate(inputs: DateInputs): DateModel {
  const { patterns, spend, options } = inputs;
  const days = UNIT_DAYS[FIT_UNIT];
  const summary = customerSummary({
    timeUnit: MODEL_UNIT[FIT_UNIT],
    x: patterns.x,
    tx: patterns.txDays.map((d) => d / days),
    T: patterns.tDays.map((d) => d / days),
    weight: patterns.customers,
  });
  const entry = PURCHASE_MODEL_ENTRIES[options.model];
  const fit = entry.fit(summary);
  const spendFit = fitGammaGamma({ x: spend.x, mx: spend.mx, weight: spend.customers });
  checkSpendParams(spendFit.params, patterns.x[0] ?? 0); // x ascending: the fewest repeat purchases first
  const values = patternValues(entry.model, fit.params, summary, options, FIT_UNIT, inputs.asOf);
  const customers = patterns.customers.reduce((a, b) => a + b, 0);
  return { fit, spendFit, values, customers };
}
