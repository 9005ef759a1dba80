import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { acceleration, bcaLevels, quantile } from '../../src/stats/bootstrap-mean-difference.js';
import { bootstrapMeanDifference, createRandomSource } from '../../src/stats/index.js';

// Skewed revenue-like samples (many zeros), drawn once in numpy (default_rng(7), lognormal × Bernoulli, rounded).
const x = [
  20.11, 27.08, 15.27, 0, 0, 7.45, 21.33, 76.72, 12.28, 10.8, 0, 28.7, 22.32, 7.92, 0, 40.26, 5.24, 0, 3.0, 0,
  0, 0, 5.66, 26.34,
];
const y = [0, 8.66, 0, 35.24, 0, 0, 29.27, 0, 0, 0, 0, 69.31, 8.37, 0, 0, 18.68, 0, 0, 0, 40.4];

describe('bootstrapMeanDifference', () => {
  it('agrees with scipy.stats.bootstrap (percentile and BCa) within Monte Carlo error', () => {
    // scipy 1.17: bootstrap((x, y), lambda a, b: a.mean() − b.mean(), n_resamples=400000, method=…,
    // rng=default_rng(1)): percentile (-7.5701062499999905, 13.796249999999999),
    // BCa (-8.039241469454879, 13.39172357069182); bootstrap SE 5.44.
    // With 50,000 replicates here the Monte Carlo SD of a 2.5 % bound is ≈ 0.065; allow 0.25. The percentile
    // and BCa bounds differ by ≈ 0.45, so swapping the methods fails this test.
    const r = bootstrapMeanDifference(x, y, { random: createRandomSource(1), replicates: 50_000 });
    expect(r.estimate).toBeCloseTo(3.2735, 12);
    expect(Math.abs((r.percentile.lower as number) - -7.5701062499999905)).toBeLessThan(0.25);
    expect(Math.abs((r.percentile.upper as number) - 13.796249999999999)).toBeLessThan(0.25);
    expect(Math.abs((r.bca.lower as number) - -8.039241469454879)).toBeLessThan(0.25);
    expect(Math.abs((r.bca.upper as number) - 13.39172357069182)).toBeLessThan(0.25);
  });

  it('acceleration equals the delete-one jackknife value', () => {
    // numpy: for each sample, θ(i) = ±(mean without i), U = (n − 1)(θ̄ − θ(i)); a = Σ U³/n³ / (6 (Σ U²/n²)^1.5)
    // over both samples = -0.011725745373889384.
    expect(acceleration(Float64Array.from(x), Float64Array.from(y))).toBeCloseTo(-0.011725745373889384, 14);
  });

  it('is reproducible for a seed and changes with it', () => {
    const run = (seed: number) =>
      bootstrapMeanDifference(x, y, { random: createRandomSource(seed), replicates: 500 });
    expect(run(42)).toEqual(run(42));
    expect(run(42).percentile.lower).not.toBe(run(43).percentile.lower);
  });

  it('draws only from the injected source', () => {
    // A source that always returns 0 picks the first value of each group in every resample.
    const r = bootstrapMeanDifference(x, y, { random: () => 0, replicates: 100 });
    expect(r.percentile.lower).toBeCloseTo(20.11 - 0, 12);
    expect(r.percentile.upper).toBeCloseTo(20.11 - 0, 12);
    // Every replicate lies above the estimate 3.2735, so z0 = +∞ and BCa is undefined.
    expect(r.bca.lower).toBeNull();
    expect(r.biasCorrection).toBeNull();
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('rejects too few replicates or values', () => {
    const random = createRandomSource(1);
    expect(() => bootstrapMeanDifference(x, y, { random, replicates: 10 })).toThrow(InputError);
    expect(() => bootstrapMeanDifference([1], y, { random })).toThrow(InputError);
  });
});

describe('bootstrap internals', () => {
  it('BCa levels reduce to the percentile levels when z0 = a = 0', () => {
    const levels = bcaLevels(0, 0, 0.025);
    expect(levels?.[0]).toBeCloseTo(0.025, 14);
    expect(levels?.[1]).toBeCloseTo(0.975, 14);
  });

  it('BCa levels follow Efron & Tibshirani eq. 14.10', () => {
    // By hand: z0 = 0.1, a = 0.05, z(0.025) = −1.959964: z0 + (z0 + z)/(1 − a(z0 + z)) = 0.1 + (−1.859964)/
    // 1.0929982 = −1.6017082 → Φ = 0.0546101; upper: 0.1 + 2.059964/0.8970018 = 2.3964993 → Φ = 0.9917237
    // (Φ from scipy.stats.norm.cdf).
    const [lo, hi] = bcaLevels(0.1, 0.05, 0.025) as [number, number];
    expect(lo).toBeCloseTo(0.0546101, 6);
    expect(hi).toBeCloseTo(0.9917237, 6);
  });

  it('quantile interpolates linearly (R type 7)', () => {
    // R: quantile(c(1, 2, 3, 4), c(0.1, 0.5, 1)) = 1.3 2.5 4.
    const sorted = Float64Array.from([1, 2, 3, 4]);
    expect(quantile(sorted, 0.1)).toBeCloseTo(1.3, 14);
    expect(quantile(sorted, 0.5)).toBe(2.5);
    expect(quantile(sorted, 1)).toBe(4);
  });
});
