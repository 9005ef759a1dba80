import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { twoProportionTest } from '../../src/stats/index.js';

describe('twoProportionTest', () => {
  // Hillstrom conversions (README): Mens E-Mail 267 / 21,307, No E-Mail 122 / 21,306.
  const mens = { successes: 267, trials: 21_307 };
  const none = { successes: 122, trials: 21_306 };

  it('p-value from the pooled z equals Pearson χ² of the 2×2 table', () => {
    // scipy.stats.chi2_contingency([[267, 21040], [122, 21184]], correction=False):
    // χ² = 54.53991486246351 (so z = 7.385114410925772), p = 1.5232235005955455e-13.
    // R prop.test(c(267, 122), c(21307, 21306), correct = FALSE) computes the same χ².
    const r = twoProportionTest(mens, none);
    expect(r.statistic).toBeCloseTo(Math.sqrt(54.53991486246351), 11);
    expect(Math.abs((r.pValue as number) / 1.5232235005955455e-13 - 1)).toBeLessThan(1e-8);
    expect(r.estimate).toBeCloseTo(267 / 21_307 - 122 / 21_306, 15);
    // Pooled p̄ = 389 / 42,613; SE₀ = √(p̄(1 − p̄)(1/21,307 + 1/21,306)).
    const pBar = 389 / 42_613;
    expect(r.pooledStandardError).toBeCloseTo(Math.sqrt(pBar * (1 - pBar) * (1 / 21_307 + 1 / 21_306)), 15);
  });

  it('interval is the unpooled Wald interval', () => {
    // By hand with z = 1.959963984540054: p₁ = 0.012531093, p₂ = 0.005726087,
    // SE = √(p₁q₁/n₁ + p₂q₂/n₂) = 0.00092085118, d ± z·SE = (0.005000171380452313, 0.008609841658779076)
    // (evaluated in numpy). README's Welch CI on the 0/1 data rounds to the same [0.00500, 0.00861].
    const r = twoProportionTest(mens, none);
    expect(r.unpooledStandardError).toBeCloseTo(0.000920851175531638, 14);
    expect(r.confidenceInterval.lower).toBeCloseTo(0.005000171380452313, 13);
    expect(r.confidenceInterval.upper).toBeCloseTo(0.008609841658779076, 13);
    expect(r.unpooledStandardError).not.toBe(r.pooledStandardError);
  });

  it('is two-sided and antisymmetric', () => {
    const a = twoProportionTest(mens, none);
    const b = twoProportionTest(none, mens);
    expect(b.statistic).toBeCloseTo(-(a.statistic as number), 12);
    expect(b.pValue).toBeCloseTo(a.pValue as number, 20);
  });

  it('returns nulls when no customer converted in either group', () => {
    const r = twoProportionTest({ successes: 0, trials: 10 }, { successes: 0, trials: 12 });
    expect(r.estimate).toBe(0);
    expect(r.statistic).toBeNull();
    expect(r.pValue).toBeNull();
    expect(r.confidenceInterval.lower).toBeNull();
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('rejects impossible counts', () => {
    expect(() => twoProportionTest({ successes: 5, trials: 4 }, none)).toThrow(InputError);
    expect(() => twoProportionTest({ successes: 1.5, trials: 4 }, none)).toThrow(InputError);
    expect(() => twoProportionTest({ successes: 0, trials: 0 }, none)).toThrow(InputError);
  });
});
