import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { finiteOrNull } from './finite.js';
import type { ConfidenceInterval } from './interval.js';

/** A two-sample comparison of means, x − y, tested against a difference of zero (two-sided). */
export interface MeanDifferenceTest {
  method: 'welch' | 'student';
  /** mean(x) − mean(y). */
  estimate: number;
  standardError: number;
  /** t = estimate / standardError; `null` when the standard error is 0. */
  statistic: number | null;
  df: number | null;
  pValue: number | null;
  confidenceInterval: ConfidenceInterval;
}

/** Shared tail of the t-tests: statistic, two-sided p-value and the t interval estimate ± t(1 − α/2, df)·SE. */
export function tTestResult(
  method: MeanDifferenceTest['method'],
  estimate: number,
  standardError: number,
  df: number,
  level: number,
): MeanDifferenceTest {
  const usable = standardError > 0 && df > 0 && Number.isFinite(df);
  if (!usable) {
    return {
      method,
      estimate,
      standardError,
      statistic: null,
      df: finiteOrNull(df),
      pValue: null,
      confidenceInterval: { lower: null, upper: null, level },
    };
  }
  const statistic = estimate / standardError;
  const half = tQuantile(1 - (1 - level) / 2, df) * standardError;
  return {
    method,
    estimate,
    standardError,
    statistic,
    df,
    pValue: Math.min(1, 2 * tCdf(-Math.abs(statistic), df)),
    confidenceInterval: { lower: estimate - half, upper: estimate + half, level },
  };
}
