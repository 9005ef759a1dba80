import { checkLevel } from './checks.js';
import { tTestResult, type MeanDifferenceTest } from './mean-difference.js';
import { toSummary, type SampleInput, type SampleSummary } from './summarize.js';

export interface TTestOptions {
  /** Confidence level of the interval; default 0.95. */
  confidence?: number;
}

/**
 * Welch's two-sample t-test of mean(x) − mean(y), unequal variances allowed: SE = √(s²x/nx + s²y/ny), degrees of
 * freedom by Welch–Satterthwaite (Welch 1947, Biometrika 34:28–35; Satterthwaite 1946). Same as R
 * `t.test(x, y)`. The default test for revenue per customer.
 * Preconditions: each sample has ≥ 2 finite values (or is a valid `SampleSummary`).
 *
 * @example welchTTest(treatmentRevenue, controlRevenue).confidenceInterval; // { lower, upper, level: 0.95 }
 */
export function welchTTest(x: SampleInput, y: SampleInput, options: TTestOptions = {}): MeanDifferenceTest {
  const level = checkLevel('confidence', options.confidence ?? 0.95);
  return welchFromSummaries(toSummary(x, 'x'), toSummary(y, 'y'), level);
}

export function welchFromSummaries(x: SampleSummary, y: SampleSummary, level: number): MeanDifferenceTest {
  const vx = x.variance / x.n;
  const vy = y.variance / y.n;
  const se2 = vx + vy;
  const df = (se2 * se2) / ((vx * vx) / (x.n - 1) + (vy * vy) / (y.n - 1));
  return tTestResult('welch', x.mean - y.mean, Math.sqrt(se2), df, level);
}
