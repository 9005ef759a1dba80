import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  minimumDetectableEffectMeanDifference,
  minimumDetectableEffectTwoProportions,
  powerMeanDifference,
  powerTwoProportions,
  sampleSizeMeanDifference,
  sampleSizeTwoProportions,
} from '../../src/stats/index.js';

// R's power.*.test solve with uniroot(tol = .Machine$double.eps^0.25 ≈ 1.22e-4), so their printed n and delta
// are compared to 1e-4; the exact roots (scipy brentq on the same equations, xtol 1e-12) to 1e-7.

describe('two proportions', () => {
  it('power: R power.prop.test(n = 50, p1 = .50, p2 = .75) → power = 0.7401659', () => {
    // Also the closed form evaluated in scipy: 0.7401659013313878.
    const power = powerTwoProportions({ baseline: 0.5, effect: 0.25, controlSize: 50, treatmentSize: 50 });
    expect(power).toBeCloseTo(0.7401659013313878, 13);
  });

  it('sample size: R power.prop.test(p1 = .50, p2 = .75, power = .90) → n = 76.7', () => {
    // R's documentation prints "n = 76.7"; the exact root of its equation is 76.70692845177724 (scipy brentq).
    // Note: 76.65294 is statsmodels NormalIndPower with Cohen's h = 2·asin√p2 − 2·asin√p1 (an arcsine
    // approximation, 2·((z.975 + z.90)/h)² = 76.65294), not R's power.prop.test; this module follows R.
    const plan = sampleSizeTwoProportions({ baseline: 0.5, mde: 0.25, power: 0.9 });
    expect(plan.controlExact).toBeCloseTo(76.70692845177724, 9);
    expect(plan).toMatchObject({ control: 77, treatment: 77, total: 154 });
  });

  it('sample size for a tiny effect: R power.prop.test(p1 = .5, p2 = .501, sig.level = .001, power = .9) → n = 10451937', () => {
    const plan = sampleSizeTwoProportions({ baseline: 0.5, mde: 0.001, alpha: 0.001, power: 0.9 });
    expect(plan.control).toBe(10_451_937);
  });

  it('unequal allocation: the planned sizes reach the power exactly', () => {
    // Closed form vs the power function (two code paths); with a 10 % control group (ratio 9).
    const plan = sampleSizeTwoProportions({ baseline: 0.02, mde: 0.005, power: 0.8, ratio: 9 });
    expect(plan.treatmentExact).toBeCloseTo(9 * plan.controlExact, 6);
    const power = powerTwoProportions({
      baseline: 0.02,
      effect: 0.005,
      controlSize: plan.controlExact,
      treatmentSize: plan.treatmentExact,
    });
    expect(power).toBeCloseTo(0.8, 12);
    // Fewer customers in total with a balanced split than with 90/10 (by the variance of the difference).
    expect(sampleSizeTwoProportions({ baseline: 0.02, mde: 0.005 }).total).toBeLessThan(plan.total);
  });

  it('MDE: R power.prop.test(n = 50, p1 = .5, power = .90) → p2 = 0.8026', () => {
    // Exact root (scipy brentq): p2 = 0.8026305817038948.
    const mde = minimumDetectableEffectTwoProportions({
      baseline: 0.5,
      controlSize: 50,
      treatmentSize: 50,
      power: 0.9,
    });
    expect(mde?.treatmentRate).toBeCloseTo(0.8026305817038948, 9);
    expect(mde?.absolute).toBeCloseTo(0.3026305817038948, 9);
    expect(mde?.relative).toBeCloseTo(0.6052611634077896, 9);
  });

  it('MDE is null when no rate below 1 reaches the power', () => {
    expect(
      minimumDetectableEffectTwoProportions({ baseline: 0.9, controlSize: 5, treatmentSize: 5 }),
    ).toBeNull();
  });

  it('rejects rates outside (0, 1)', () => {
    expect(() => sampleSizeTwoProportions({ baseline: 0.9, mde: 0.2 })).toThrow(InputError);
    expect(() => sampleSizeTwoProportions({ baseline: 0, mde: 0.2 })).toThrow(InputError);
    expect(() => sampleSizeTwoProportions({ baseline: 0.5, mde: 0.1, power: 1 })).toThrow(InputError);
  });
});

describe('difference in means (noncentral t, as R power.t.test)', () => {
  it('power: R power.t.test(n = 20, delta = 1) → power = 0.8689528', () => {
    // scipy: nct.sf(t.isf(0.025, 38), 38, √10) = 0.8689528016921271.
    const power = powerMeanDifference({
      standardDeviation: 1,
      effect: 1,
      controlSize: 20,
      treatmentSize: 20,
    });
    expect(power).toBeCloseTo(0.8689528016921271, 10);
  });

  it('sample size: R power.t.test(power = .90, delta = 1) → n = 22.02110', () => {
    // Exact root (scipy brentq): 22.021095570096925.
    const plan = sampleSizeMeanDifference({ standardDeviation: 1, mde: 1, power: 0.9 });
    expect(Math.abs(plan.controlExact - 22.0211)).toBeLessThan(1e-4);
    expect(plan.controlExact).toBeCloseTo(22.021095570096925, 7);
    expect(plan.control).toBe(23);
  });

  it('one-sided: R power.t.test(power = .90, delta = 1, alternative = "one.sided") → n = 17.84713', () => {
    const plan = sampleSizeMeanDifference({ standardDeviation: 1, mde: 1, power: 0.9, sides: 1 });
    expect(Math.abs(plan.controlExact - 17.84713)).toBeLessThan(1e-4);
  });

  it('G*Power: d = 0.5, one-sided α = .05, power .95 → 88 per group (Faul et al. 2007, Behav Res Methods 39:175)', () => {
    const plan = sampleSizeMeanDifference({ standardDeviation: 2, mde: 1, power: 0.95, sides: 1 });
    expect(plan.control).toBe(88);
    expect(plan.total).toBe(176);
  });

  it('MDE: the inverse of power; power.t.test(n = 20, power = .90) delta = 1.051993 (scipy brentq 1.0519931266584592)', () => {
    const delta = minimumDetectableEffectMeanDifference({
      standardDeviation: 1,
      controlSize: 20,
      treatmentSize: 20,
      power: 0.9,
    });
    expect(delta).toBeCloseTo(1.0519931266584592, 9);
    // Scales with the standard deviation.
    const scaled = minimumDetectableEffectMeanDifference({
      standardDeviation: 30,
      controlSize: 20,
      treatmentSize: 20,
      power: 0.9,
    });
    expect(scaled).toBeCloseTo(30 * 1.0519931266584592, 7);
  });

  it('unequal allocation round trip: sample size → MDE gives back the effect', () => {
    const plan = sampleSizeMeanDifference({ standardDeviation: 12, mde: 0.8, power: 0.8, ratio: 4 });
    const mde = minimumDetectableEffectMeanDifference({
      standardDeviation: 12,
      controlSize: plan.controlExact,
      treatmentSize: plan.treatmentExact,
      power: 0.8,
    });
    expect(mde).toBeCloseTo(0.8, 8);
  });

  it('rejects a zero effect or standard deviation', () => {
    expect(() => sampleSizeMeanDifference({ standardDeviation: 1, mde: 0 })).toThrow(InputError);
    expect(() => sampleSizeMeanDifference({ standardDeviation: 0, mde: 1 })).toThrow(InputError);
  });
});
