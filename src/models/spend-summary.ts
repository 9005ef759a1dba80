import { InputError } from '../errors.js';
import { toFloat64 } from './customer-summary.js';
import { uniqueRows } from './unique-rows.js';

/**
 * Gamma-Gamma input, one repeat customer (or group of identical ones) per row: `x` repeat transactions (> 0)
 * and `mx` the mean value of those repeat transactions (> 0, first purchase excluded), in one currency unit.
 */
export interface SpendSummary {
  readonly x: Float64Array;
  readonly mx: Float64Array;
  readonly weight?: Float64Array;
}

export interface SpendSummaryInput {
  readonly x: ArrayLike<number>;
  readonly mx: ArrayLike<number>;
}

export interface SpendSummaryResult {
  readonly summary: SpendSummary;
  /** Customers left out because x = 0: the model has no repeat spend to learn from for them. */
  readonly skippedNoRepeat: number;
  /** Repeat customers left out because mx <= 0 (all-free or refunded repeats); the model needs positive spend. */
  readonly skippedNonPositiveSpend: number;
}

/**
 * Keeps the customers the Gamma-Gamma model can be fitted on (x > 0 and mx > 0) and counts the others.
 * Throws an `InputError` on non-integer or negative x, or non-finite mx.
 */
export function spendSummary(input: SpendSummaryInput): SpendSummaryResult {
  const x = toFloat64(input.x);
  const mx = toFloat64(input.mx);
  if (x.length !== mx.length) throw new InputError(`x has ${x.length} rows but mx has ${mx.length}`);
  let skippedNoRepeat = 0;
  let skippedNonPositiveSpend = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const mi = mx[i]!;
    if (!(Number.isInteger(xi) && xi >= 0))
      throw new InputError(`row ${i}: x must be a non-negative integer, got ${xi}`);
    if (!Number.isFinite(mi)) throw new InputError(`row ${i}: mx must be a finite amount, got ${mi}`);
    if (xi === 0) skippedNoRepeat++;
    else if (mi <= 0) skippedNonPositiveSpend++;
  }
  const kept = x.length - skippedNoRepeat - skippedNonPositiveSpend;
  const keepX = new Float64Array(kept);
  const keepM = new Float64Array(kept);
  for (let i = 0, j = 0; i < x.length; i++) {
    if (x[i]! > 0 && mx[i]! > 0) {
      keepX[j] = x[i]!;
      keepM[j++] = mx[i]!;
    }
  }
  return { summary: { x: keepX, mx: keepM }, skippedNoRepeat, skippedNonPositiveSpend };
}

/** Throws an `InputError` unless every row has integer x > 0 and finite mx > 0 (what `spendSummary` returns). */
export function checkSpendSummary(summary: SpendSummary): void {
  const { x, mx, weight } = summary;
  if (mx.length !== x.length || (weight !== undefined && weight.length !== x.length)) {
    throw new InputError(`spend summary columns differ in length (x ${x.length}, mx ${mx.length})`);
  }
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const mi = mx[i]!;
    if (!(Number.isInteger(xi) && xi > 0))
      throw new InputError(`row ${i}: x must be a positive integer, got ${xi}`);
    if (!(mi > 0 && mi < Infinity))
      throw new InputError(`row ${i}: mx must be a positive finite amount, got ${mi}`);
    if (weight !== undefined && !(weight[i]! >= 0 && weight[i]! < Infinity)) {
      throw new InputError(`row ${i}: weight must be finite and >= 0, got ${weight[i]}`);
    }
  }
}

/** Merges identical (x, mx) rows into weighted rows; `inverse[i]` is the row of input customer i. */
export function compressSpendSummary(
  summary: SpendSummary,
): SpendSummary & { readonly weight: Float64Array; readonly inverse: Uint32Array } {
  checkSpendSummary(summary);
  const unique = uniqueRows([summary.x, summary.mx], summary.weight);
  const [x, mx] = unique.columns as [Float64Array, Float64Array];
  return { x, mx, weight: unique.weight, inverse: unique.inverse };
}
