import { checkLevel } from './checks.js';
import type { MeanDifferenceTest } from './mean-difference.js';
import { summarizePairs, type PairSummary } from './summarize-pairs.js';
import { welchFromSummaries } from './welch-t-test.js';

/** Per-customer outcome in the campaign window and the same metric before it (the covariate). */
export interface PrePostSample {
  post: ArrayLike<number>;
  pre: ArrayLike<number>;
}

export interface CupedResult {
  /** θ = pooled within-group cov(post, pre) / pooled within-group var(pre); 0 when pre has no variance. */
  theta: number;
  /** Group means adjusted to the pooled pre-period mean: ȳ − θ(x̄ − x̄_all). */
  adjustedMeanTreatment: number;
  adjustedMeanControl: number;
  /** Unadjusted Welch test of the post-period means, for comparison. */
  unadjusted: MeanDifferenceTest;
  /** Welch test of the adjusted means: (ȳT − ȳC) − θ(x̄T − x̄C). */
  adjusted: MeanDifferenceTest;
  /** 1 − Var(adjusted difference) / Var(unadjusted difference), about the squared pre/post correlation. */
  varianceReduction: number | null;
}

/**
 * CUPED (Deng, Xu, Kohavi & Walker 2013, "Improving the Sensitivity of Online Controlled Experiments by
 * Utilizing Pre-Experiment Data", WSDM '13): each outcome y is replaced by y − θ(x − x̄) with x the pre-period
 * value of the same metric, which removes the part of the variance the past explains without bias, because x
 * cannot be affected by the treatment. One θ serves both groups, estimated from the within-group (pooled)
 * covariance, so the adjusted difference equals the treatment coefficient of the regression y ~ group + x
 * (ANCOVA). Its variance is taken per group as Var(y) − 2θ·Cov(y, x) + θ²·Var(x), treating θ as known (the
 * paper's large-sample approximation), and tested with Welch's t.
 * Preconditions: in each group, post and pre of equal length ≥ 2, all finite.
 */
export function cuped(
  treatment: PrePostSample,
  control: PrePostSample,
  options: { confidence?: number } = {},
): CupedResult {
  const level = checkLevel('confidence', options.confidence ?? 0.95);
  const t = summarizePairs(treatment.pre, treatment.post, 'treatment (pre, post)');
  const c = summarizePairs(control.pre, control.post, 'control (pre, post)');
  return cupedFromSummaries(t, c, level);
}

/** CUPED on pair summaries with x = pre and y = post. */
export function cupedFromSummaries(t: PairSummary, c: PairSummary, level: number): CupedResult {
  const coMoment = (t.n - 1) * t.covariance + (c.n - 1) * c.covariance;
  const preMoment = (t.n - 1) * t.varianceX + (c.n - 1) * c.varianceX;
  const theta = preMoment > 0 ? coMoment / preMoment : 0;
  const preMean = (t.n * t.meanX + c.n * c.meanX) / (t.n + c.n);
  const adjusted = (s: PairSummary) => ({
    n: s.n,
    mean: s.meanY - theta * (s.meanX - preMean),
    variance: Math.max(0, s.varianceY - 2 * theta * s.covariance + theta * theta * s.varianceX),
  });
  const post = (s: PairSummary) => ({ n: s.n, mean: s.meanY, variance: s.varianceY });
  const adjT = adjusted(t);
  const adjC = adjusted(c);
  const unadjusted = welchFromSummaries(post(t), post(c), level);
  const result = welchFromSummaries(adjT, adjC, level);
  const before = unadjusted.standardError ** 2;
  return {
    theta,
    adjustedMeanTreatment: adjT.mean,
    adjustedMeanControl: adjC.mean,
    unadjusted,
    adjusted: result,
    varianceReduction: before > 0 ? 1 - result.standardError ** 2 / before : null,
  };
}
