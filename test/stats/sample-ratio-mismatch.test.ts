import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { sampleRatioMismatch } from '../../src/stats/index.js';

describe('sampleRatioMismatch', () => {
  it('Hillstrom arms pass against equal thirds: χ²(2) ≈ 0.20 (README)', () => {
    // By hand: expected 21,333.33 each; (−26.33)² + 53.67² + (−27.33)² = 4,320.67; / 21,333.33 = 0.20253125.
    // scipy.stats.chisquare([21307, 21387, 21306]): statistic 0.20253125000000002, p 0.9036929575604196.
    const r = sampleRatioMismatch([21_307, 21_387, 21_306], [1, 1, 1]);
    expect(r.chiSquare).toBeCloseTo(0.20253125, 12);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(0.9036929575604196, 12);
    expect(r.mismatch).toBe(false);
  });

  it('flags a 50/50 split that came out 50,500 / 49,500 at the 0.01 level but not at 0.001', () => {
    // By hand: expected 50,000 each; 500²/50,000 · 2 = 10; P(χ²₁ > 10) = erfc(√5) = 0.001565402258002549 (scipy).
    const loose = sampleRatioMismatch([50_500, 49_500], [50, 50], { threshold: 0.01 });
    expect(loose.chiSquare).toBeCloseTo(10, 12);
    expect(loose.pValue).toBeCloseTo(0.001565402258002549, 14);
    expect(loose.mismatch).toBe(true);
    expect(sampleRatioMismatch([50_500, 49_500], [1, 1]).mismatch).toBe(false);
  });

  it('uses the planned weights: 90/10 split observed as 9,100 / 900', () => {
    // By hand: expected 9,000 / 1,000; 100²/9,000 + 100²/1,000 = 11.1111; scipy.stats.chisquare(
    // [9100, 900], [9000, 1000]) p = 0.0008581206663936758.
    const r = sampleRatioMismatch([9100, 900], [0.9, 0.1]);
    expect(r.expected[0]).toBeCloseTo(9000, 9);
    expect(r.chiSquare).toBeCloseTo(100 / 9, 12);
    expect(r.pValue).toBeCloseTo(0.0008581206663936758, 14);
    expect(r.mismatch).toBe(true);
  });

  it('rejects bad input', () => {
    expect(() => sampleRatioMismatch([10], [1])).toThrow(InputError);
    expect(() => sampleRatioMismatch([10, 10], [1])).toThrow(InputError);
    expect(() => sampleRatioMismatch([10, 10.5], [1, 1])).toThrow(InputError);
    expect(() => sampleRatioMismatch([10, 10], [1, 0])).toThrow(InputError);
    expect(() => sampleRatioMismatch([0, 0], [1, 1])).toThrow(InputError);
  });
});
