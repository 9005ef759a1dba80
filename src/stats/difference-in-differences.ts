import { checkLevel } from './checks.js';
import type { PrePostSample } from './cuped.js';
import type { MeanDifferenceTest } from './mean-difference.js';
import { summarizePairs, type PairSummary } from './summarize-pairs.js';
import { welchFromSummaries } from './welch-t-test.js';

export interface DifferenceInDifferences {
  /** ȳT − ȳC in the campaign window. */
  postDifference: number;
  /** x̄T − x̄C before it (≈ 0 under randomization). */
  preDifference: number;
  /** Welch test of the per-customer changes y − x: estimate = postDifference − preDifference. */
  test: MeanDifferenceTest;
}

/**
 * Difference-in-differences on customer panels: (ȳT − x̄T) − (ȳC − x̄C), with x the pre-period and y the
 * campaign-window value of each customer (Angrist & Pischke 2009, *Mostly Harmless Econometrics*, §5.2). Since
 * both periods are observed for the same customers, the standard error is that of Welch's test on the
 * per-customer changes, Var(y − x) = Var(y) − 2Cov(y, x) + Var(x) in each group. It is CUPED with θ fixed at 1:
 * unbiased either way under randomization, and less efficient than CUPED unless θ ≈ 1.
 * Preconditions: in each group, post and pre of equal length ≥ 2, all finite.
 */
export function differenceInDifferences(
  treatment: PrePostSample,
  control: PrePostSample,
  options: { confidence?: number } = {},
): DifferenceInDifferences {
  const level = checkLevel('confidence', options.confidence ?? 0.95);
  const t = summarizePairs(treatment.pre, treatment.post, 'treatment (pre, post)');
  const c = summarizePairs(control.pre, control.post, 'control (pre, post)');
  return didFromSummaries(t, c, level);
}

export function didFromSummaries(t: PairSummary, c: PairSummary, level: number): DifferenceInDifferences {
  const change = (s: PairSummary) => ({
    n: s.n,
    mean: s.meanY - s.meanX,
    variance: Math.max(0, s.varianceY - 2 * s.covariance + s.varianceX),
  });
  return {
    postDifference: t.meanY - c.meanY,
    preDifference: t.meanX - c.meanX,
    test: welchFromSummaries(change(t), change(c), level),
  };
}
