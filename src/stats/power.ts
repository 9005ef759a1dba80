import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { InputError } from '../errors.js';
import { checkLevel, checkPositive } from './checks.js';
import { noncentralTCdf } from './noncentral-t-cdf.js';

/** Shared by the planning functions: significance level and whether the test is two-sided (default) or one. */
export interface TestDesign {
  /** Significance level; default 0.05. */
  alpha?: number;
  /** 2 for a two-sided test (default), 1 for one-sided. */
  sides?: 1 | 2;
}

export interface ProportionPowerInput extends TestDesign {
  /** Conversion rate of the control group, in (0, 1). */
  baseline: number;
  /** Absolute difference to detect: treatment rate − baseline (≠ 0, rate stays in (0, 1)). */
  effect: number;
  controlSize: number;
  treatmentSize: number;
}

export interface MeanPowerInput extends TestDesign {
  /** Standard deviation of the outcome per customer (e.g. revenue), assumed equal in both groups. */
  standardDeviation: number;
  /** Absolute difference in means to detect. */
  effect: number;
  controlSize: number;
  treatmentSize: number;
}

/**
 * Power of the two-proportion z-test for group sizes nC, nT: Φ((|d| − z(1 − α/s)·SE₀) / SE₁) with
 * SE₀ = √(p̄q̄(1/nC + 1/nT)) (p̄ the size-weighted mean rate, as under H0) and SE₁ = √(pCqC/nC + pTqT/nT)
 * (Fleiss, Levin & Paik 2003, ch. 4). With equal sizes this is R `power.prop.test` (default `strict = FALSE`: the
 * rejection region on the side of the effect only).
 * Preconditions: rates in (0, 1), sizes > 0, 0 < alpha < 1.
 */
export function powerTwoProportions(input: ProportionPowerInput): number {
  const { pC, pT, zAlpha } = proportionDesign(input);
  const nC = checkPositive('controlSize', input.controlSize);
  const nT = checkPositive('treatmentSize', input.treatmentSize);
  const pBar = (nC * pC + nT * pT) / (nC + nT);
  const se0 = Math.sqrt(pBar * (1 - pBar) * (1 / nC + 1 / nT));
  const se1 = Math.sqrt((pC * (1 - pC)) / nC + (pT * (1 - pT)) / nT);
  return normalCdf((Math.abs(pT - pC) - zAlpha * se0) / se1, 0, 1);
}

/**
 * Power of Student's two-sample t-test from the noncentral t distribution: df = nC + nT − 2,
 * δ = d / (σ√(1/nC + 1/nT)), power = P(T′(df, δ) > t(1 − α/s, df)) (Cohen 1988, ch. 2). With equal sizes this is
 * R `power.t.test` (default `strict = FALSE`).
 * Preconditions: σ > 0, effect ≠ 0, sizes with nC + nT > 2, 0 < alpha < 1.
 */
export function powerMeanDifference(input: MeanPowerInput): number {
  const sd = checkPositive('standardDeviation', input.standardDeviation);
  const { alpha, sides } = testDesign(input);
  const nC = checkPositive('controlSize', input.controlSize);
  const nT = checkPositive('treatmentSize', input.treatmentSize);
  if (!(Number.isFinite(input.effect) && input.effect !== 0))
    throw new InputError('effect must be a non-zero number');
  if (nC + nT <= 2) throw new InputError('the two groups together need more than 2 customers');
  return tPower(Math.abs(input.effect) / sd, nC, nT, alpha, sides);
}

export function tPower(
  standardizedEffect: number,
  nC: number,
  nT: number,
  alpha: number,
  sides: 1 | 2,
): number {
  const df = nC + nT - 2;
  const ncp = standardizedEffect / Math.sqrt(1 / nC + 1 / nT);
  return 1 - noncentralTCdf(tQuantile(1 - alpha / sides, df), df, ncp);
}

export function testDesign(input: TestDesign): { alpha: number; sides: 1 | 2 } {
  const alpha = checkLevel('alpha', input.alpha ?? 0.05);
  const sides = input.sides ?? 2;
  if (sides !== 1 && sides !== 2) throw new InputError(`sides must be 1 or 2, got ${String(sides)}`);
  return { alpha, sides };
}

export function proportionDesign(input: TestDesign & { baseline: number; effect: number }): {
  pC: number;
  pT: number;
  zAlpha: number;
} {
  const pC = checkLevel('baseline', input.baseline);
  const pT = input.baseline + input.effect;
  if (!(pT > 0 && pT < 1 && pT !== pC)) {
    throw new InputError(`baseline + effect must be a rate in (0, 1) different from the baseline, got ${pT}`);
  }
  const { alpha, sides } = testDesign(input);
  return { pC, pT, zAlpha: normalQuantile(1 - alpha / sides, 0, 1) };
}
