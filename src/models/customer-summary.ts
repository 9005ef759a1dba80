import { InputError } from '../errors.js';

/** The one time unit of a summary; every time (t_x, T, horizons) and every time-scale parameter uses it. */
export type TimeUnit = 'days' | 'weeks' | 'months' | 'years';

/**
 * Per-customer purchase summary for the buy-till-you-die models, one customer (or one group of identical
 * customers, see `compressSummary`) per row:
 * - `x`: repeat purchases = number of distinct purchase periods minus 1 (a non-negative integer);
 * - `tx`: time of the last purchase, measured from the first purchase (0 when x = 0);
 * - `T`: time from the first purchase to the end of the calibration period;
 * - `weight`: customers per row (absent: one each).
 */
export interface CustomerSummary {
  readonly timeUnit: TimeUnit;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight?: Float64Array;
}

export interface CustomerSummaryInput {
  readonly timeUnit: TimeUnit;
  readonly x: ArrayLike<number>;
  readonly tx: ArrayLike<number>;
  readonly T: ArrayLike<number>;
  readonly weight?: ArrayLike<number>;
}

const TIME_UNITS: Record<TimeUnit, true> = { days: true, weeks: true, months: true, years: true };

/**
 * Validates columns into a `CustomerSummary` (typed arrays are kept, other arrays copied).
 * Example: `customerSummary({ timeUnit: 'weeks', x: [2, 0], tx: [30.43, 0], T: [38.86, 38.86] })`.
 */
export function customerSummary(input: CustomerSummaryInput): CustomerSummary {
  const summary: CustomerSummary = {
    timeUnit: input.timeUnit,
    x: toFloat64(input.x),
    tx: toFloat64(input.tx),
    T: toFloat64(input.T),
    ...(input.weight === undefined ? {} : { weight: toFloat64(input.weight) }),
  };
  checkSummary(summary);
  return summary;
}

/** Throws an `InputError` naming the first bad row; O(n), no copy. */
export function checkSummary(summary: CustomerSummary): void {
  const { x, tx, T, weight, timeUnit } = summary;
  if (TIME_UNITS[timeUnit] !== true) throw new InputError(`unknown time unit "${String(timeUnit)}"`);
  const n = x.length;
  if (tx.length !== n || T.length !== n || (weight !== undefined && weight.length !== n)) {
    throw new InputError(`summary columns differ in length (x ${n}, tx ${tx.length}, T ${T.length})`);
  }
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const ti = tx[i]!;
    const Ti = T[i]!;
    if (!(Number.isInteger(xi) && xi >= 0)) {
      throw new InputError(`row ${i}: x must be a non-negative integer count of repeat purchases, got ${xi}`);
    }
    if (!(Ti >= 0 && Ti < Infinity)) throw new InputError(`row ${i}: T must be finite and >= 0, got ${Ti}`);
    if (!(ti >= 0 && ti <= Ti))
      throw new InputError(`row ${i}: t_x must be between 0 and T (${Ti}), got ${ti}`);
    if (xi === 0 && ti !== 0) throw new InputError(`row ${i}: t_x must be 0 when x = 0, got ${ti}`);
    if (weight !== undefined) {
      const w = weight[i]!;
      if (!(w >= 0 && w < Infinity))
        throw new InputError(`row ${i}: weight must be finite and >= 0, got ${w}`);
    }
  }
}

/** Number of customers a summary stands for (sum of weights). */
export function totalCustomers(summary: {
  readonly x: Float64Array;
  readonly weight?: Float64Array;
}): number {
  const { weight } = summary;
  if (weight === undefined) return summary.x.length;
  let total = 0;
  for (let i = 0; i < weight.length; i++) total += weight[i]!;
  return total;
}

export function toFloat64(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}
