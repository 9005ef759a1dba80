import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { incrementalEffect, returnOnInvestment, welchTTest } from '../../src/stats/index.js';

describe('incrementalEffect', () => {
  it('scales a per-customer difference and its interval by the treated customers', () => {
    // By hand: 0.5 × 1,000 = 500; (0.2, 0.8) × 1,000 = (200, 800).
    const r = incrementalEffect(
      { estimate: 0.5, confidenceInterval: { lower: 0.2, upper: 0.8, level: 0.95 } },
      1000,
    );
    expect(r).toEqual({ estimate: 500, confidenceInterval: { lower: 200, upper: 800, level: 0.95 } });
  });

  it('Hillstrom Mens: 0.769827 × 21,307 ≈ $16,402.7 of incremental spend (README difference × n)', () => {
    const d = {
      estimate: 0.7698271558945323,
      confidenceInterval: { lower: 0.4851, upper: 1.0545, level: 0.95 },
    };
    const r = incrementalEffect(d, 21_307);
    expect(r.estimate).toBeCloseTo(16402.707, 3);
    expect(r.confidenceInterval.lower).toBeCloseTo(0.4851 * 21_307, 8);
  });

  it('keeps null bounds null', () => {
    const r = incrementalEffect(welchTTest([1, 1, 1], [0, 0]), 10);
    expect(r.estimate).toBe(10);
    expect(r.confidenceInterval.lower).toBeNull();
  });

  it('rejects a fractional or negative count', () => {
    const d = { estimate: 1, confidenceInterval: { lower: 0, upper: 2, level: 0.95 } };
    expect(() => incrementalEffect(d, 2.5)).toThrow(InputError);
    expect(() => incrementalEffect(d, -1)).toThrow(InputError);
  });
});

describe('returnOnInvestment', () => {
  const incrementalRevenue = {
    estimate: 20_000,
    confidenceInterval: { lower: 5_000, upper: 35_000, level: 0.95 },
  };

  it('is (incremental revenue × margin − cost) / cost, bounds mapped the same way', () => {
    // By hand: (20,000 × 0.4 − 5,000) / 5,000 = 0.6; (5,000 × 0.4 − 5,000) / 5,000 = −0.6;
    // (35,000 × 0.4 − 5,000) / 5,000 = 1.8.
    const r = returnOnInvestment({ incrementalRevenue, margin: 0.4, cost: 5000 });
    expect(r.estimate).toBeCloseTo(0.6, 14);
    expect(r.confidenceInterval.lower).toBeCloseTo(-0.6, 14);
    expect(r.confidenceInterval.upper).toBeCloseTo(1.8, 14);
  });

  it('is null without a cost', () => {
    const r = returnOnInvestment({ incrementalRevenue, margin: 1, cost: 0 });
    expect(r.estimate).toBeNull();
    expect(r.confidenceInterval.upper).toBeNull();
  });

  it('rejects a margin outside [0, 1] or a negative cost', () => {
    expect(() => returnOnInvestment({ incrementalRevenue, margin: 40, cost: 10 })).toThrow(InputError);
    expect(() => returnOnInvestment({ incrementalRevenue, margin: 0.4, cost: -1 })).toThrow(InputError);
  });
});
