import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import { relativeLift, summarize } from '../../src/stats/index.js';

describe('relativeLift (Fieller)', () => {
  const x = [3.1, 0, 5.5, 2.2, 0, 7.9, 1.4, 4.4, 0, 6.3, 2.8, 3.7];
  const y = [1.2, 0, 2.9, 0.4, 3.3, 0, 1.8, 2.2, 0.9, 1.1];

  it('gives the ratio of means minus one', () => {
    const r = relativeLift([2, 4, 6], [1, 2, 3]);
    expect(r.method).toBe('fieller');
    expect(r.estimate).toBe(1); // by hand: 4 / 2 − 1
  });

  it('matches the roots of Fieller’s quadratic evaluated in numpy', () => {
    // numpy: a = ȳ² − z²·Var ȳ, roots of aρ² − 2x̄ȳρ + x̄² − z²·Var x̄ (Var x̄ = var(x, ddof=1)/n), minus 1:
    // (0.05809944240139031, 4.095764204674452); estimate 1.252415458937198.
    const r = relativeLift(x, y);
    expect(r.estimate).toBeCloseTo(1.252415458937198, 13);
    expect(r.confidenceInterval.lower).toBeCloseTo(0.05809944240139031, 12);
    expect(r.confidenceInterval.upper).toBeCloseTo(4.095764204674452, 12);
  });

  it('bounds are the two ratios where the Fieller statistic equals z (the defining property)', () => {
    const a = summarize(x);
    const b = summarize(y);
    const r = relativeLift(a, b, { confidence: 0.9 });
    const z = normalQuantile(0.95, 0, 1);
    const fieller = (rho: number) =>
      Math.abs(a.mean - rho * b.mean) / Math.sqrt(a.variance / a.n + (rho * rho * b.variance) / b.n);
    expect(fieller((r.confidenceInterval.lower as number) + 1)).toBeCloseTo(z, 10);
    expect(fieller((r.confidenceInterval.upper as number) + 1)).toBeCloseTo(z, 10);
    // Asymmetric around the estimate, as a ratio's interval should be.
    const below = (r.estimate as number) - (r.confidenceInterval.lower as number);
    const above = (r.confidenceInterval.upper as number) - (r.estimate as number);
    expect(above).toBeGreaterThan(below);
  });

  it('Hillstrom spend, Mens vs No E-Mail: +117.93 % (README), interval from numpy', () => {
    // numpy on hillstrom.csv: means 1.422616511005773 and 0.6527893551112361, var(ddof=1) 315.21179886555484 and
    // 134.28637185302165. Fieller lift interval in numpy: (0.6436904379366626, 1.9774473610628345).
    const r = relativeLift(
      { n: 21_307, mean: 1.422616511005773, variance: 315.21179886555484 },
      { n: 21_306, mean: 0.6527893551112361, variance: 134.28637185302165 },
    );
    expect((r.estimate as number) * 100).toBeCloseTo(117.93, 2);
    expect(r.confidenceInterval.lower).toBeCloseTo(0.6436904379366626, 10);
    expect(r.confidenceInterval.upper).toBeCloseTo(1.9774473610628345, 10);
  });

  it('is unbounded (null bounds) when the control mean is not significantly above 0', () => {
    const r = relativeLift([5, 6, 7, 8], [0, 0, 0, 1]);
    expect(r.estimate).toBe(25); // by hand: 6.5 / 0.25 − 1
    expect(r.confidenceInterval.lower).toBeNull();
    expect(r.confidenceInterval.upper).toBeNull();
  });

  it('has a null estimate when the control mean is 0', () => {
    expect(relativeLift([1, 2], [0, 0]).estimate).toBeNull();
  });
});
