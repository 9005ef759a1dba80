import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { cuped, differenceInDifferences, welchTTest } from '../../src/stats/index.js';

// Ten customers per group; `pre` is revenue in a pre-period twice as long as the campaign window, so the best
// θ is near 0.5 and differs from difference-in-differences' fixed θ = 1.
const treatment = {
  pre: [24, 0, 71, 16.4, 0, 102, 44.8, 6.6, 35.8, 80.2],
  post: [15.1, 2.0, 30.2, 12.5, 0, 60.3, 25.0, 9.9, 14.2, 47.5],
};
const control = {
  pre: [21, 8.8, 0, 57.6, 66, 12.2, 39.4, 0, 88.4, 27.2],
  post: [9.0, 6.2, 1.5, 25.1, 29.4, 3.0, 21.3, 0, 41.0, 11.8],
};

describe('cuped', () => {
  it('θ and the adjusted difference equal the OLS fit of post ~ group + pre (ANCOVA)', () => {
    // numpy.linalg.lstsq([1, group, pre], post): intercept -1.1162784562388444, group 3.8457206392215144,
    // pre 0.49738859813595776.
    const r = cuped(treatment, control);
    expect(r.theta).toBeCloseTo(0.49738859813595776, 13);
    expect(r.adjusted.estimate).toBeCloseTo(3.8457206392215144, 12);
    // numpy: post − θ(pre − mean of all pre) averaged per group: 20.172860319610766 and 16.327139680389234.
    expect(r.adjustedMeanTreatment).toBeCloseTo(20.172860319610766, 12);
    expect(r.adjustedMeanControl).toBeCloseTo(16.327139680389234, 12);
  });

  it('tests the adjusted values with Welch: scipy ttest_ind(adjusted T, adjusted C, equal_var=False)', () => {
    // scipy on the adjusted values: t = 2.346296870358956, p = 0.035771641006324004, df = 12.78360784816904,
    // CI (0.2986447829746548, 7.39279649546841). Unadjusted: t = 0.9067668684219256, p = 0.3778431434016798.
    const r = cuped(treatment, control);
    expect(r.adjusted.statistic).toBeCloseTo(2.346296870358956, 11);
    expect(r.adjusted.pValue).toBeCloseTo(0.035771641006324004, 12);
    expect(r.adjusted.df).toBeCloseTo(12.78360784816904, 9);
    expect(r.adjusted.confidenceInterval.lower).toBeCloseTo(0.2986447829746548, 10);
    expect(r.adjusted.confidenceInterval.upper).toBeCloseTo(7.39279649546841, 10);
    expect(r.unadjusted.pValue).toBeCloseTo(0.3778431434016798, 12);
    expect(r.unadjusted).toEqual(welchTTest(treatment.post, control.post));
    // numpy: 1 − SE²(adjusted) / SE²(unadjusted) = 0.9527862357831587.
    expect(r.varianceReduction).toBeCloseTo(0.9527862357831587, 11);
  });

  it('leaves the outcome unchanged when the pre-period is constant (θ = 0)', () => {
    const r = cuped(
      { ...treatment, pre: treatment.pre.map(() => 5) },
      { ...control, pre: control.pre.map(() => 5) },
    );
    expect(r.theta).toBe(0);
    expect(r.adjusted.estimate).toBeCloseTo(r.unadjusted.estimate, 12);
    expect(r.varianceReduction).toBeCloseTo(0, 12);
  });

  it('rejects pre and post of different lengths', () => {
    expect(() => cuped({ ...treatment, pre: [1, 2] }, control)).toThrow(InputError);
  });
});

describe('differenceInDifferences', () => {
  it('is Welch on per-customer changes: scipy ttest_ind(post − pre (T), post − pre (C), equal_var=False)', () => {
    // numpy/scipy: estimate 0.8199999999999967 (= 6.84 − 6.02, post and pre differences), t = 0.1076289121297999,
    // p = 0.9154838575823763, df = 17.951482674539662, CI (-15.189544693046884, 16.829544693046877).
    const r = differenceInDifferences(treatment, control);
    expect(r.postDifference).toBeCloseTo(6.84, 12);
    expect(r.preDifference).toBeCloseTo(6.02, 12);
    expect(r.test.estimate).toBeCloseTo(0.82, 12);
    expect(r.test.statistic).toBeCloseTo(0.1076289121297999, 12);
    expect(r.test.pValue).toBeCloseTo(0.9154838575823763, 12);
    expect(r.test.df).toBeCloseTo(17.951482674539662, 9);
    expect(r.test.confidenceInterval.lower).toBeCloseTo(-15.189544693046884, 9);
    expect(r.test.confidenceInterval.upper).toBeCloseTo(16.829544693046877, 9);
  });

  it('is CUPED with θ = 1 when the pre-period is on the same scale', () => {
    const halved = (s: { pre: number[]; post: number[] }) => ({ ...s, pre: s.pre.map((v) => v / 2) });
    const did = differenceInDifferences(halved(treatment), halved(control));
    // θ of the halved data ≈ 0.995 (numpy OLS: 0.9947771962719186), so the two estimates nearly agree.
    const c = cuped(halved(treatment), halved(control));
    expect(c.theta).toBeCloseTo(0.9947771962719186, 12);
    expect(Math.abs(did.test.estimate - c.adjusted.estimate)).toBeLessThan(0.05);
  });
});
