import { InputError } from '../errors.js';
import { checkLevel, checkPositive } from './checks.js';
import { powerTwoProportions, testDesign, tPower, type TestDesign } from './power.js';
import { solveIncreasing } from './solve-increasing.js';

export interface GroupSizes extends TestDesign {
  controlSize: number;
  treatmentSize: number;
  /** Desired power; default 0.8. */
  power?: number;
}

export interface ProportionMde {
  /** Smallest detectable increase, treatment rate − baseline. */
  absolute: number;
  /** The same as a share of the baseline (absolute / baseline). */
  relative: number;
  treatmentRate: number;
}

/**
 * Minimum detectable effect of a two-proportion z-test for given group sizes: the smallest increase d > 0 over
 * the baseline rate with `powerTwoProportions` = power, found by bisection. The inverse of
 * `sampleSizeTwoProportions`; with equal sizes it is R `power.prop.test(n, p1, power = …)`'s `p2 − p1`.
 * Returns null when even a treatment rate near 1 does not reach the power.
 * Preconditions: baseline in (0, 1), sizes > 0, 0 < alpha, power < 1.
 */
export function minimumDetectableEffectTwoProportions(
  input: GroupSizes & { baseline: number },
): ProportionMde | null {
  const baseline = checkLevel('baseline', input.baseline);
  const power = checkLevel('power', input.power ?? 0.8);
  const f = (effect: number): number => powerTwoProportions({ ...input, effect });
  const room = 1 - baseline;
  const absolute = solveIncreasing(f, power, room * 1e-9, room * (1 - 1e-9));
  if (absolute === null) return null;
  return { absolute, relative: absolute / baseline, treatmentRate: baseline + absolute };
}

/**
 * Minimum detectable difference in means of Student's t-test for given group sizes and outcome standard
 * deviation: the d with `powerMeanDifference` = power (noncentral t), by bisection. The inverse of
 * `sampleSizeMeanDifference`; with equal sizes it is R `power.t.test(n, sd, power = …)`'s `delta`.
 * Preconditions: σ > 0, nC + nT > 2, 0 < alpha, power < 1.
 */
export function minimumDetectableEffectMeanDifference(
  input: GroupSizes & { standardDeviation: number },
): number {
  const sd = checkPositive('standardDeviation', input.standardDeviation);
  const nC = checkPositive('controlSize', input.controlSize);
  const nT = checkPositive('treatmentSize', input.treatmentSize);
  if (nC + nT <= 2) throw new InputError('the two groups together need more than 2 customers');
  const power = checkLevel('power', input.power ?? 0.8);
  const { alpha, sides } = testDesign(input);
  const f = (effect: number): number => tPower(effect, nC, nT, alpha, sides);
  let hi = 1;
  while (f(hi) < power) hi *= 2;
  const standardized = solveIncreasing(f, power, 0, hi);
  return (standardized ?? hi) * sd;
}
