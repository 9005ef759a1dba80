import { InputError } from '../errors.js';

export interface FrequencyBins {
  /** "0", "1", …, "7+" for the default top bin of 7. */
  readonly labels: string[];
  readonly customers: Float64Array;
  readonly actualMean: Float64Array;
  readonly predictedMean: Float64Array;
}

/**
 * Mean actual and predicted holdout purchases by calibration frequency x (bins 0, 1, …, topBin−1 and
 * "topBin+"), the standard BTYD validation table (Fader, Hardie & Lee 2005, figure 4). Optional weights count
 * customers per row; a bin without customers has NaN means.
 */
export function holdoutByFrequency(
  x: ArrayLike<number>,
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: { readonly topBin?: number; readonly weight?: ArrayLike<number> } = {},
): FrequencyBins {
  const topBin = options.topBin ?? 7;
  checkLengths(x.length, actual, predicted, options.weight);
  const customers = new Float64Array(topBin + 1);
  const actualMean = new Float64Array(topBin + 1);
  const predictedMean = new Float64Array(topBin + 1);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    if (!(Number.isInteger(xi) && xi >= 0))
      throw new InputError(`row ${i}: x must be a non-negative integer, got ${xi}`);
    const bin = Math.min(topBin, xi);
    const w = options.weight === undefined ? 1 : options.weight[i]!;
    customers[bin] = customers[bin]! + w;
    actualMean[bin] = actualMean[bin]! + w * actual[i]!;
    predictedMean[bin] = predictedMean[bin]! + w * predicted[i]!;
  }
  for (let b = 0; b <= topBin; b++) {
    actualMean[b] = actualMean[b]! / customers[b]!;
    predictedMean[b] = predictedMean[b]! / customers[b]!;
  }
  const labels = Array.from({ length: topBin + 1 }, (_, b) => (b === topBin ? `${b}+` : String(b)));
  return { labels, customers, actualMean, predictedMean };
}

export interface HoldoutErrors {
  /** Mean absolute error per customer, in purchases. */
  readonly mae: number;
  readonly actualTotal: number;
  readonly predictedTotal: number;
  /** (predicted total − actual total) / actual total × 100. */
  readonly aggregateErrorPercent: number;
}

/** Per-customer MAE and the aggregate % error of holdout predictions against actual purchases. */
export function holdoutErrors(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  weight?: ArrayLike<number>,
): HoldoutErrors {
  checkLengths(actual.length, actual, predicted, weight);
  let absolute = 0;
  let customers = 0;
  let actualTotal = 0;
  let predictedTotal = 0;
  for (let i = 0; i < actual.length; i++) {
    const w = weight === undefined ? 1 : weight[i]!;
    absolute += w * Math.abs(predicted[i]! - actual[i]!);
    customers += w;
    actualTotal += w * actual[i]!;
    predictedTotal += w * predicted[i]!;
  }
  return {
    mae: absolute / customers,
    actualTotal,
    predictedTotal,
    aggregateErrorPercent: ((predictedTotal - actualTotal) / actualTotal) * 100,
  };
}

function checkLengths(n: number, ...columns: (ArrayLike<number> | undefined)[]): void {
  for (const column of columns) {
    if (column !== undefined && column.length !== n)
      throw new InputError(`columns differ in length (${n} and ${column.length})`);
  }
  if (n === 0) throw new InputError('holdout validation needs at least one customer');
}
