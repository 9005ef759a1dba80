import { describe, expect, it } from 'vitest';
import {
  bgNbd,
  compressSpendSummary,
  compressSummary,
  customerSummary,
  expandToCustomers,
  gammaGamma,
  mbgNbd,
  paretoNbd,
} from '../../src/models/index.js';
import { cdnowCbs, sum } from './fixtures.js';

const cbs = cdnowCbs();
const summary = customerSummary({ timeUnit: 'weeks', x: cbs.x, tx: cbs.tx, T: cbs.T });

describe('customerSummary', () => {
  it('keeps typed arrays and copies plain ones', () => {
    expect(summary.x).toBe(cbs.x);
    const plain = customerSummary({ timeUnit: 'days', x: [1, 0], tx: [3, 0], T: [10, 4] });
    expect(plain.x).toBeInstanceOf(Float64Array);
    expect(plain.timeUnit).toBe('days');
  });

  it('names the first bad row in a readable message', () => {
    const bad = (x: number, tx: number, T: number) => () =>
      customerSummary({ timeUnit: 'weeks', x: [x], tx: [tx], T: [T] });
    expect(bad(1.5, 1, 2)).toThrow(
      'row 0: x must be a non-negative integer count of repeat purchases, got 1.5',
    );
    expect(bad(1, 3, 2)).toThrow('row 0: t_x must be between 0 and T (2), got 3');
    expect(bad(0, 1, 2)).toThrow('row 0: t_x must be 0 when x = 0, got 1');
    expect(bad(1, 1, NaN)).toThrow('row 0: T must be finite and >= 0, got NaN');
    expect(() => customerSummary({ timeUnit: 'weeks', x: [1, 2], tx: [1], T: [2, 3] })).toThrow(
      'differ in length',
    );
  });
});

describe('compressSummary', () => {
  const compressed = compressSummary(summary);

  it('merges identical customers into weighted rows', () => {
    expect(compressed.x.length).toBeLessThan(summary.x.length);
    expect(sum(compressed.weight)).toBe(2357);
    expect([...compressed.weight].every((w) => Number.isInteger(w) && w >= 1)).toBe(true);
    for (let i = 0; i < summary.x.length; i++) {
      const row = compressed.inverse[i]!;
      expect([compressed.x[row], compressed.tx[row], compressed.T[row]]).toEqual([
        cbs.x[i],
        cbs.tx[i],
        cbs.T[i],
      ]);
    }
  });

  it('preserves the log-likelihood of every model (up to summation order)', () => {
    const cases = [
      [bgNbd, { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }],
      [mbgNbd, { r: 0.5248, alpha: 6.1831, a: 0.8914, b: 1.614 }],
      [paretoNbd, { r: 0.5533, alpha: 10.5777, s: 0.6062, beta: 11.6687 }],
    ] as const;
    for (const [model, params] of cases) {
      const full = (model.logLikelihood as (p: typeof params, s: typeof summary) => number)(params, summary);
      const merged = (model.logLikelihood as (p: typeof params, s: typeof summary) => number)(
        params,
        compressed,
      );
      expect(Math.abs(merged / full - 1)).toBeLessThan(1e-12);
    }
  });

  it('maps per-row predictions back to customers', () => {
    const params = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
    const perCustomer = bgNbd.probabilityAlive(params, summary);
    expect(expandToCustomers(bgNbd.probabilityAlive(params, compressed), compressed)).toEqual(perCustomer);
  });

  it('sums input weights and compresses spend summaries too', () => {
    const twice = compressSummary({ ...summary, weight: new Float64Array(summary.x.length).fill(2) });
    expect(sum(twice.weight)).toBe(4714);
    const spend = { x: Float64Array.of(1, 2, 1, 1), mx: Float64Array.of(10, 5, 10, 7) };
    const merged = compressSpendSummary(spend);
    expect([...merged.weight]).toEqual([2, 1, 1]);
    const params = { p: 6, q: 4, gamma: 15 };
    expect(gammaGamma.logLikelihood(params, merged)).toBeCloseTo(gammaGamma.logLikelihood(params, spend), 12);
  });

  it('compresses a million customers to exactly their distinct (x, t_x, T) patterns', () => {
    // How long it takes is measured by `npm run bench`, not asserted here: a timing depends on the machine.
    const n = 1_000_000;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    const patterns = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      T[i] = 30 + (i % 91) / 7;
      x[i] = i % 5;
      tx[i] = x[i]! === 0 ? 0 : ((i * 7919) % 200) / 7;
      if (tx[i]! > T[i]!) tx[i] = T[i]!;
      const key = `${x[i]}|${tx[i]}|${T[i]}`;
      patterns.set(key, (patterns.get(key) ?? 0) + 1);
    }
    const big = compressSummary({ timeUnit: 'weeks', x, tx, T });
    expect(sum(big.weight)).toBe(n);
    expect(big.x.length).toBe(patterns.size);
    let wrong = 0;
    for (let k = 0; k < big.x.length; k++) {
      if (big.weight[k] !== patterns.get(`${big.x[k]}|${big.tx[k]}|${big.T[k]}`)) wrong++;
    }
    expect(wrong).toBe(0);
  });
});
