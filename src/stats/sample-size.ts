import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { InputError } from '../errors.js';
import { checkLevel, checkPositive } from './checks.js';
import { proportionDesign, testDesign, tPower, type TestDesign } from './power.js';
import { solveIncreasing } from './solve-increasing.js';

export interface PlanTarget extends TestDesign {
  /** Desired power; default 0.8. */
  power?: number;
  /** Treatment customers per control customer; default 1 (e.g. 9 for a 10 % control group). */
  ratio?: number;
}

export interface SampleSizePlan {
  /** Customers needed in the control group, rounded up. */
  control: number;
  /** Customers needed in the treatment group, rounded up. */
  treatment: number;
  total: number;
  /** The unrounded solution, as R reports it (e.g. `n = 22.02110`). */
  controlExact: number;
  treatmentExact: number;
}

/**
 * Customers per group for a two-proportion z-test to detect `mde` (absolute: treatment rate − baseline) with the
 * given power. Closed form of the `powerTwoProportions` equation, nC = (z(1 − α/s)·√(p̄q̄(1 + 1/k)) +
 * z(power)·√(pCqC + pTqT/k))² / d² with k = ratio and p̄ = (pC + k·pT)/(1 + k) (Fleiss, Levin & Paik 2003,
 * ch. 4, without continuity correction). With ratio 1 this is R `power.prop.test(p1, p2, power = …)`.
 * Preconditions: rates in (0, 1), mde ≠ 0, 0 < alpha, power < 1, ratio > 0.
 *
 * @example sampleSizeTwoProportions({ baseline: 0.5, mde: 0.25, power: 0.9 }).controlExact; // 76.70693
 */
export function sampleSizeTwoProportions(
  input: PlanTarget & { baseline: number; mde: number },
): SampleSizePlan {
  const { pC, pT, zAlpha } = proportionDesign({ ...input, effect: input.mde });
  const { power, ratio: k } = planTarget(input);
  const pBar = (pC + k * pT) / (1 + k);
  const root =
    zAlpha * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / k)) +
    normalQuantile(power, 0, 1) * Math.sqrt(pC * (1 - pC) + (pT * (1 - pT)) / k);
  return plan((root * root) / ((pT - pC) * (pT - pC)), k);
}

/**
 * Customers per group for Student's two-sample t-test to detect a difference in means `mde` given the outcome's
 * standard deviation, solving `powerMeanDifference` (noncentral t) for the control size by bisection. With
 * ratio 1 this is R `power.t.test(delta = mde, sd = σ, power = …)`.
 * Preconditions: σ > 0, mde ≠ 0, 0 < alpha, power < 1, ratio > 0.
 *
 * @example sampleSizeMeanDifference({ standardDeviation: 1, mde: 1, power: 0.9 }).controlExact; // 22.02110
 */
export function sampleSizeMeanDifference(
  input: PlanTarget & { standardDeviation: number; mde: number },
): SampleSizePlan {
  const sd = checkPositive('standardDeviation', input.standardDeviation);
  if (!(Number.isFinite(input.mde) && input.mde !== 0)) throw new InputError('mde must be a non-zero number');
  const { alpha, sides } = testDesign(input);
  const { power, ratio: k } = planTarget(input);
  const effect = Math.abs(input.mde) / sd;
  const f = (nC: number): number => tPower(effect, nC, k * nC, alpha, sides);
  const lo = Math.max(2, 2 / k);
  if (f(lo) >= power) return plan(lo, k);
  const exact = solveIncreasing(f, power, lo, 1e12);
  if (exact === null)
    throw new InputError('the effect is too small to reach this power with up to 1e12 customers');
  return plan(exact, k);
}

export function planTarget(input: PlanTarget): { power: number; ratio: number } {
  return { power: checkLevel('power', input.power ?? 0.8), ratio: checkPositive('ratio', input.ratio ?? 1) };
}

function plan(controlExact: number, ratio: number): SampleSizePlan {
  const treatmentExact = controlExact * ratio;
  const control = Math.ceil(controlExact - 1e-9);
  const treatment = Math.ceil(treatmentExact - 1e-9);
  return { control, treatment, total: control + treatment, controlExact, treatmentExact };
}
