import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRandomSource,
  holmAdjust,
  relativeLift,
  sampleSizeMeanDifference,
  sampleSizeTwoProportions,
  studentTTest,
  twoProportionTest,
  welchTTest,
} from '../../src/stats/index.js';
import { count, customers, normal, withinBinomial } from './simulate.js';

// Seeded Monte Carlo checks of the methods' operating characteristics. Counts of rejections over S independent
// simulated experiments are Binomial(S, rate); each assertion allows 3.5 binomial SDs around the nominal rate,
// which a correct method fails with probability < 0.05 % and, the seed being fixed, never flakes.

describe('A/A: no true effect', () => {
  const SPLITS = 2000;
  let welchRejections = 0;
  let proportionRejections = 0;
  let liftMisses = 0;
  beforeAll(() => {
    const random = createRandomSource(11);
    const z = normal(random);
    for (let s = 0; s < SPLITS; s++) {
      // Skewed revenue: 20 % buy, spend lognormal(4, 0.8) — like campaign revenue per customer.
      const a = customers(random, z, 300, 0.2);
      const b = customers(random, z, 300, 0.2);
      if ((welchTTest(a.revenue, b.revenue).pValue as number) < 0.05) welchRejections++;
      const p = twoProportionTest(
        { successes: count(a.converted), trials: 300 },
        { successes: count(b.converted), trials: 300 },
      );
      if ((p.pValue as number) < 0.05) proportionRejections++;
      const lift = relativeLift(a.revenue, b.revenue).confidenceInterval;
      if (!(lift.lower !== null && lift.upper !== null && lift.lower <= 0 && 0 <= lift.upper)) liftMisses++;
    }
  });

  it(`Welch rejects at ≈ 5 % over ${SPLITS} splits`, () => {
    // Nominal 100 of 2000; 3.5 SD = 34. A one-sided or z-based mistake would give ≈ 200 or ≈ 50.
    expect(withinBinomial(welchRejections, SPLITS, 0.05)).toBe(true);
  });

  it('the two-proportion z-test rejects at ≈ 5 %', () => {
    expect(withinBinomial(proportionRejections, SPLITS, 0.05)).toBe(true);
  });

  it('the Fieller lift interval misses a zero lift ≈ 5 % of the time', () => {
    expect(withinBinomial(liftMisses, SPLITS, 0.05)).toBe(true);
  });
});

describe('A/A with three treatment arms and a shared control: Holm controls the family-wise error', () => {
  const FAMILIES = 1000;
  let anyRaw = 0;
  let anyHolm = 0;
  beforeAll(() => {
    const random = createRandomSource(12);
    const z = normal(random);
    for (let f = 0; f < FAMILIES; f++) {
      const sample = () => Float64Array.from({ length: 100 }, () => z());
      const control = sample();
      const ps = [sample(), sample(), sample()].map((t) => welchTTest(t, control).pValue as number);
      if (ps.some((p) => p < 0.05)) anyRaw++;
      if (holmAdjust(ps).some((p) => p < 0.05)) anyHolm++;
    }
  });

  it('without adjustment some arm "wins" far more than 5 % of the time; with Holm at most ≈ 5 %', () => {
    // Three correlated tests: P(any p < 0.05) ≈ 12 % unadjusted.
    expect(anyRaw / FAMILIES).toBeGreaterThan(0.09);
    expect(anyHolm <= FAMILIES * 0.05 + 3.5 * Math.sqrt(FAMILIES * 0.05 * 0.95)).toBe(true);
  });
});

describe('planted effects are found at the planned power and with the right size', () => {
  it('difference in means: Student t at n from sampleSizeMeanDifference reaches ≈ 80 % power', () => {
    const SIMS = 1000;
    const sd = 10;
    const effect = 2;
    const n = sampleSizeMeanDifference({ standardDeviation: sd, mde: effect, power: 0.8 }).control;
    expect(n).toBe(394); // scipy brentq on the noncentral-t power (as R power.t.test): 393.40665622847825
    const random = createRandomSource(13);
    const z = normal(random);
    let rejections = 0;
    let covered = 0;
    let sum = 0;
    for (let s = 0; s < SIMS; s++) {
      const treated = Float64Array.from({ length: n }, () => 50 + effect + sd * z());
      const control = Float64Array.from({ length: n }, () => 50 + sd * z());
      const r = studentTTest(treated, control);
      if ((r.pValue as number) < 0.05) rejections++;
      if (
        (r.confidenceInterval.lower as number) <= effect &&
        effect <= (r.confidenceInterval.upper as number)
      ) {
        covered++;
      }
      sum += r.estimate;
    }
    expect(withinBinomial(rejections, SIMS, 0.8)).toBe(true);
    expect(withinBinomial(covered, SIMS, 0.95)).toBe(true);
    // Mean estimate: SE of one difference = 10·√(2/394) = 0.712; of the mean of 1000, 0.0225; allow 3.5 SE.
    expect(Math.abs(sum / SIMS - effect)).toBeLessThan(3.5 * 0.0225);
  });

  it('conversion: the z-test at n from sampleSizeTwoProportions reaches ≈ 80 % power', () => {
    const SIMS = 1000;
    const plan = sampleSizeTwoProportions({ baseline: 0.1, mde: 0.03, power: 0.8 });
    const random = createRandomSource(14);
    let rejections = 0;
    let sum = 0;
    for (let s = 0; s < SIMS; s++) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < plan.treatment; i++) if (random() < 0.13) a++;
      for (let i = 0; i < plan.control; i++) if (random() < 0.1) b++;
      const r = twoProportionTest(
        { successes: a, trials: plan.treatment },
        { successes: b, trials: plan.control },
      );
      if ((r.pValue as number) < 0.05) rejections++;
      sum += r.estimate;
    }
    expect(withinBinomial(rejections, SIMS, 0.8)).toBe(true);
    // SE of one difference √(.13·.87 + .1·.9)/√n ≈ 0.0107 at n = 1,774; of the mean of 1000, 0.00034.
    expect(Math.abs(sum / SIMS - 0.03)).toBeLessThan(3.5 * 0.00034);
  });
});
