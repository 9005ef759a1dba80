import gammainc from '@stdlib/math-base-special-gammainc';
import { InputError } from '../errors.js';
import { checkCount, checkLevel, checkPositive } from './checks.js';

export interface SampleRatioCheck {
  observed: number[];
  expected: number[];
  /** Pearson's χ² = Σ (observed − expected)² / expected. */
  chiSquare: number;
  df: number;
  pValue: number;
  /** The threshold the p-value was compared with. */
  threshold: number;
  /** True when p < threshold: the split differs from the plan, so assignment or logging is suspect. */
  mismatch: boolean;
}

/**
 * Sample-ratio-mismatch check: Pearson's χ² goodness-of-fit test of the arm counts against the planned split
 * (Pearson 1900; for experiments, Fabijan et al. 2019, "Diagnosing Sample Ratio Mismatch in Online Controlled
 * Experiments", KDD '19). A strict default threshold (0.001) is customary because a mismatch invalidates the
 * whole comparison. The p-value is the upper regularized incomplete gamma Q(df/2, χ²/2), accurate far into
 * the tail. Same statistic as R `chisq.test(counts, p = weights / sum(weights))`.
 * Preconditions: ≥ 2 arms, integer counts with a positive total, positive weights (any scale).
 *
 * @example sampleRatioMismatch([21307, 21387, 21306], [1, 1, 1]); // χ² ≈ 0.2025, p ≈ 0.904, mismatch false
 */
export function sampleRatioMismatch(
  counts: readonly number[],
  weights: readonly number[],
  options: { threshold?: number } = {},
): SampleRatioCheck {
  const threshold = checkLevel('threshold', options.threshold ?? 0.001);
  if (counts.length < 2)
    throw new InputError(`a sample-ratio check needs at least 2 arms, got ${counts.length}`);
  if (weights.length !== counts.length) {
    throw new InputError(`${counts.length} arm counts but ${weights.length} planned weights`);
  }
  counts.forEach((c, i) => checkCount(`counts[${i}]`, c));
  weights.forEach((w, i) => checkPositive(`weights[${i}]`, w));
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) throw new InputError('a sample-ratio check needs at least one customer');
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const expected = weights.map((w) => (total * w) / weightSum);
  let chiSquare = 0;
  counts.forEach((c, i) => {
    const e = expected[i] as number;
    chiSquare += ((c - e) * (c - e)) / e;
  });
  const df = counts.length - 1;
  const pValue = gammainc(chiSquare / 2, df / 2, true, true);
  return { observed: [...counts], expected, chiSquare, df, pValue, threshold, mismatch: pValue < threshold };
}
