import {
  discountedExpectedPurchases,
  nextPurchaseTime,
  type CustomerSummary,
  type PurchaseModel,
} from '../models/index.js';
import type { AnyParams } from './models.js';
import { UNIT_DAYS, type UnitName } from './time-unit.js';

/** What `predict` computes once per distinct (x, t_x, T) pattern, aligned with the pattern rows. */
export interface PatternValues {
  /** E[X(T, T + horizon) | x, t_x, T]. */
  expected: Float64Array;
  /** P(alive at T | x, t_x, T). */
  alive: Float64Array;
  /** P(no purchase in the horizon | x, t_x, T). */
  noPurchase: Float64Array;
  /** The factor of CLV that margin × expected spend multiplies (`discountedExpectedPurchases`). */
  discounted: Float64Array;
  /** Days from the as-of date to the median next purchase if alive, rounded; NaN beyond 9999-12-31. */
  waitDays: Float64Array;
}

export interface HorizonOptions {
  horizon: number;
  unit: UnitName;
  discountRate: number;
}

const LAST_DATE = Date.UTC(9999, 11, 31) / 86_400_000;

/**
 * The per-customer quantities of `predict` for each pattern of a summary in `fitUnit`s (the model's own
 * functions, evaluated once per pattern instead of once per customer; the database joins them back).
 */
export function patternValues(
  model: PurchaseModel<AnyParams>,
  params: AnyParams,
  patterns: CustomerSummary,
  o: HorizonOptions,
  fitUnit: UnitName,
  asOf: string,
): PatternValues {
  const perUnit = UNIT_DAYS[o.unit] / UNIT_DAYS[fitUnit];
  const horizon = o.horizon * perUnit;
  const wait = nextPurchaseTime(model as never, params as never, patterns).medianWaitIfAlive;
  const maxDays = LAST_DATE - Date.parse(asOf) / 86_400_000;
  return {
    expected: model.conditionalExpectedPurchases(params, patterns, horizon),
    alive: model.probabilityAlive(params, patterns),
    noPurchase: model.probabilityNoPurchase(params, patterns, horizon),
    discounted: discountedExpectedPurchases(model, params, patterns, {
      periods: o.horizon,
      periodLength: perUnit,
      discountRate: o.discountRate,
    }),
    waitDays: wait.map((w) => {
      const days = Math.round(w * UNIT_DAYS[fitUnit]);
      return days <= maxDays ? days : Number.NaN;
    }),
  };
}
