import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { summarize, summarizePairs } from '../../src/stats/index.js';

describe('summarize', () => {
  it('gives n, mean and the n − 1 variance', () => {
    // R: mean(x) = 5, var(x) = 4.571429. By hand: Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32, 32 / 7 = 4.5714286.
    const s = summarize(new Float64Array([2, 4, 4, 4, 5, 5, 7, 9]));
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.variance).toBeCloseTo(32 / 7, 14);
  });

  it('stays exact for large values with a small spread, where Σx² − n·x̄² fails', () => {
    // By hand: deviations from 1e9 + 10 are −6, −3, 3, 6 → (36 + 9 + 9 + 36) / 3 = 30 (numpy var(ddof=1): 30.0).
    const values = new Float64Array([4, 7, 13, 16].map((v) => 1e9 + v));
    expect(summarize(values).variance).toBe(30);
    const naive = (values.reduce((s, v) => s + v * v, 0) - 4 * (1e9 + 10) ** 2) / 3;
    expect(naive).not.toBeCloseTo(30, 0);
  });

  it('accepts plain arrays and rejects fewer than 2 values or non-finite values', () => {
    expect(summarize([1, 3]).variance).toBe(2);
    expect(() => summarize([1])).toThrow(InputError);
    expect(() => summarize([1, NaN, 2])).toThrow(/values\[1\]/);
    expect(() => summarize([1, Infinity])).toThrow(InputError);
  });
});

describe('summarizePairs', () => {
  it('gives means, variances and the covariance', () => {
    // R: cov(1:5, c(2, 4, 5, 4, 5)) = 1.5; var(1:5) = 2.5; var(c(2,4,5,4,5)) = 1.5.
    // By hand: dx = −2 −1 0 1 2, dy = −2 0 1 0 1, Σdx·dy = 4 + 2 = 6, 6 / 4 = 1.5.
    const p = summarizePairs([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(p).toEqual({ n: 5, meanX: 3, meanY: 4, varianceX: 2.5, varianceY: 1.5, covariance: 1.5 });
  });

  it('rejects unequal lengths', () => {
    expect(() => summarizePairs([1, 2, 3], [1, 2])).toThrow(InputError);
  });
});
