import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { checkLevel } from './checks.js';
import type { IntervalEstimate } from './interval.js';
import { toSummary, type SampleInput } from './summarize.js';

export interface RelativeLift extends IntervalEstimate {
  method: 'fieller';
}

/**
 * Relative lift mean(x) / mean(y) − 1 (treatment x over control y) with Fieller's interval for a ratio of two
 * independent means (Fieller 1954, JRSS B 16:175–185): the set of ratios ρ with (x̄ − ρȳ)² ≤ z²(Var x̄ + ρ²Var ȳ),
 * z the normal quantile (large samples). Unlike the symmetric delta-method interval it is asymmetric, as the
 * ratio's distribution is when the control mean is noisy. When ȳ is not significantly different from 0 the set
 * is unbounded and both bounds are `null`; a control mean of 0 also gives a `null` estimate.
 * Preconditions: each sample has ≥ 2 finite values (or is a valid `SampleSummary`).
 *
 * @example relativeLift(treatmentRevenue, controlRevenue).estimate; // 1.1793 = +117.93 % (Hillstrom, Mens)
 */
export function relativeLift(
  x: SampleInput,
  y: SampleInput,
  options: { confidence?: number } = {},
): RelativeLift {
  const level = checkLevel('confidence', options.confidence ?? 0.95);
  const a = toSummary(x, 'x');
  const b = toSummary(y, 'y');
  const unbounded: RelativeLift['confidenceInterval'] = { lower: null, upper: null, level };
  if (b.mean === 0) return { method: 'fieller', estimate: null, confidenceInterval: unbounded };
  const estimate = a.mean / b.mean - 1;
  const z2 = normalQuantile(1 - (1 - level) / 2, 0, 1) ** 2;
  const vx = a.variance / a.n;
  const vy = b.variance / b.n;
  const quad = b.mean * b.mean - z2 * vy;
  const disc = z2 * (vx * b.mean * b.mean + vy * a.mean * a.mean - z2 * vx * vy);
  if (!(quad > 0) || disc < 0) return { method: 'fieller', estimate, confidenceInterval: unbounded };
  const root = Math.sqrt(disc);
  return {
    method: 'fieller',
    estimate,
    confidenceInterval: {
      lower: (a.mean * b.mean - root) / quad - 1,
      upper: (a.mean * b.mean + root) / quad - 1,
      level,
    },
  };
}
