import { checkLevel } from './checks.js';
import { tTestResult, type MeanDifferenceTest } from './mean-difference.js';
import { toSummary, type SampleInput } from './summarize.js';
import type { TTestOptions } from './welch-t-test.js';

/**
 * Student's two-sample t-test of mean(x) − mean(y) assuming equal variances: pooled variance
 * s²p = ((nx − 1)s²x + (ny − 1)s²y) / (nx + ny − 2), SE = sp·√(1/nx + 1/ny), df = nx + ny − 2 (Student 1908;
 * any textbook, e.g. Snedecor & Cochran 1989 §6.9). Same as R `t.test(x, y, var.equal = TRUE)` and scipy
 * `ttest_ind`. Prefer `welchTTest` unless equal variances are known.
 * Preconditions: each sample has ≥ 2 finite values (or is a valid `SampleSummary`).
 */
export function studentTTest(x: SampleInput, y: SampleInput, options: TTestOptions = {}): MeanDifferenceTest {
  const level = checkLevel('confidence', options.confidence ?? 0.95);
  const a = toSummary(x, 'x');
  const b = toSummary(y, 'y');
  const df = a.n + b.n - 2;
  const pooled = ((a.n - 1) * a.variance + (b.n - 1) * b.variance) / df;
  const se = Math.sqrt(pooled * (1 / a.n + 1 / b.n));
  return tTestResult('student', a.mean - b.mean, se, df, level);
}
