import { InputError } from '../errors.js';
import type { CustomerSummary } from './customer-summary.js';
import type { PurchaseModel } from './purchase-model.js';

export interface ClvOptions {
  /** Number of periods in the horizon, e.g. 12 for a year of months. */
  readonly periods: number;
  /** Length of one period in the summary's time unit, e.g. 365.25 / 12 / 7 ≈ 4.348 weeks for a month. */
  readonly periodLength: number;
  /** Discount rate per period (not per year): 0.01 a month is about 12.7 % a year. Default 0. */
  readonly discountRate?: number;
  /** Share of spend kept as profit, in [0, 1]. Default 1, i.e. revenue CLV. */
  readonly margin?: number;
}

/**
 * Customer lifetime value over a finite horizon, one value per summary row, in the currency of `expectedSpend`
 * (e.g. Gamma-Gamma's conditional expected spend):
 *   CLV = margin · spend · Σ_{k=1..K} [E(X(T, T+kΔ)) − E(X(T, T+(k−1)Δ))] / (1 + d)^k,
 * the expected purchases falling in period k (conditional on the customer's history) valued at the expected
 * spend and discounted at the end of that period — the method of lifetimes' `customer_lifetime_value`.
 * @example // 12 months ahead, weeks as the time unit, 1 % a month, 30 % margin
 * customerLifetimeValue(bgNbd, fit.params, summary, spend, { periods: 12, periodLength: 365.25 / 12 / 7,
 *   discountRate: 0.01, margin: 0.3 });
 */
export function customerLifetimeValue<P>(
  model: PurchaseModel<P>,
  params: P,
  summary: CustomerSummary,
  expectedSpend: ArrayLike<number>,
  options: ClvOptions,
): Float64Array {
  checkClvOptions(options);
  const margin = options.margin ?? 1;
  const n = summary.x.length;
  if (expectedSpend.length !== n)
    throw new InputError(`expectedSpend has ${expectedSpend.length} rows, summary ${n}`);
  const purchases = discountedExpectedPurchases(model, params, summary, options);
  return purchases.map((p, i) => margin * expectedSpend[i]! * p);
}

/**
 * The factor of CLV that depends on (x, t_x, T) only, one value per summary row:
 *   Σ_{k=1..K} [E(X(T, T+kΔ)) − E(X(T, T+(k−1)Δ))] / (1 + d)^k,
 * so that CLV = margin · spend · this (`customerLifetimeValue`); the margin in `options` is not used.
 */
export function discountedExpectedPurchases<P>(
  model: PurchaseModel<P>,
  params: P,
  summary: CustomerSummary,
  options: ClvOptions,
): Float64Array {
  checkClvOptions(options);
  const { periods, periodLength } = options;
  const discountRate = options.discountRate ?? 0;
  const n = summary.x.length;
  const discountedPurchases = new Float64Array(n);
  let previous: Float64Array = new Float64Array(n);
  for (let k = 1; k <= periods; k++) {
    const cumulative = model.conditionalExpectedPurchases(params, summary, k * periodLength);
    const factor = Math.pow(1 + discountRate, -k);
    for (let i = 0; i < n; i++) {
      discountedPurchases[i] = discountedPurchases[i]! + (cumulative[i]! - previous[i]!) * factor;
    }
    previous = cumulative;
  }
  return discountedPurchases;
}

/** Throws an `InputError` naming the first option of a CLV horizon that makes no sense. */
export function checkClvOptions(options: ClvOptions): void {
  const { periods, periodLength } = options;
  const discountRate = options.discountRate ?? 0;
  const margin = options.margin ?? 1;
  if (!(Number.isInteger(periods) && periods >= 1))
    throw new InputError(`periods must be a positive integer, got ${periods}`);
  if (!(periodLength > 0 && periodLength < Infinity))
    throw new InputError(`periodLength must be > 0, got ${periodLength}`);
  if (!(discountRate > -1 && discountRate < Infinity))
    throw new InputError(`discountRate must be > -1, got ${discountRate}`);
  if (!(margin >= 0 && margin <= 1)) throw new InputError(`margin must be in [0, 1], got ${margin}`);
}
