import { describe, expect, it } from 'vitest';
import { prepareFeatures, skewness } from '../../src/clusters/index.js';
import { createRandomSource } from '../../src/stats/random-source.js';

const column = (values: number[]): Float64Array => Float64Array.from(values);

describe('skewness', () => {
  it('matches hand computations of g1 = m3 / m2^1.5', () => {
    // 0,0,0,0,10: mean 2; deviations −2 (×4), 8; m2 = (4·4 + 64)/5 = 16; m3 = (4·(−8) + 512)/5 = 96;
    // g1 = 96 / 16^1.5 = 96 / 64 = 1.5.
    expect(skewness(column([0, 0, 0, 0, 10]))).toBeCloseTo(1.5, 14);
    expect(skewness(column([1, 2, 3]))).toBe(0);
    expect(skewness(column([0, 0, 0, 0, -10]))).toBeCloseTo(-1.5, 14);
    // Missing values are ignored: same as above.
    expect(skewness(column([0, NaN, 0, 0, 0, 10]))).toBeCloseTo(1.5, 14);
  });
});

describe('prepareFeatures', () => {
  const random = createRandomSource(9);
  const n = 1000;
  const money = Float64Array.from(
    { length: n },
    () => Math.exp(3 + 1.2 * random()) * (random() < 0.2 ? 8 : 1),
  );
  const uniform = Float64Array.from({ length: n }, () => 100 * random());
  const signed = Float64Array.from(money, (v, i) => (i === 0 ? -1 : v));

  it('takes log(1 + x) of right-skewed non-negative features only', () => {
    const prepared = prepareFeatures([
      { name: 'revenue', values: money },
      { name: 'score', values: uniform },
      { name: 'balance', values: signed },
    ]);
    expect(skewness(money)).toBeGreaterThan(1);
    expect(prepared.transforms.map((t) => [t.feature, t.log])).toEqual([
      ['revenue', true],
      ['score', false],
      ['balance', false],
    ]);
    expect(prepared.notes.some((note) => note.startsWith('revenue: log(1 + x)'))).toBe(true);
  });

  it('standardizes each kept feature to mean 0 and population SD 1', () => {
    const prepared = prepareFeatures([
      { name: 'revenue', values: money },
      { name: 'score', values: uniform },
    ]);
    expect(prepared.dims).toBe(2);
    for (let t = 0; t < 2; t++) {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) sum += prepared.matrix[i * 2 + t]!;
      for (let i = 0; i < n; i++) squares += (prepared.matrix[i * 2 + t]! - sum / n) ** 2;
      expect(Math.abs(sum / n)).toBeLessThan(1e-12);
      expect(Math.sqrt(squares / n)).toBeCloseTo(1, 12);
    }
    // z of the first customer on score, from its own definition.
    const { mean, std } = prepared.transforms[1]!;
    expect(prepared.matrix[1]).toBeCloseTo((uniform[0]! - mean) / std, 12);
  });

  it('replaces missing values by the median and says so', () => {
    // Observed 1, 2, 4, 100 → median (2 + 4)/2 = 3.
    const prepared = prepareFeatures([{ name: 'orders', values: column([1, 2, NaN, 4, 100, Infinity]) }]);
    expect([...prepared.original[0]!]).toEqual([1, 2, 3, 4, 100, 3]);
    expect(prepared.transforms[0]!.missing).toBe(2);
    expect(prepared.notes).toContain('orders: 2 missing values (33%) replaced by the median, 3.');
  });

  it('drops features without spread or without values, with a note', () => {
    const prepared = prepareFeatures([
      { name: 'flag', values: new Float64Array(50).fill(1) },
      { name: 'empty', values: new Float64Array(50).fill(NaN) },
      { name: 'score', values: uniform.subarray(0, 50) },
    ]);
    expect(prepared.names).toEqual(['score']);
    expect(prepared.notes).toContain('flag: dropped, every customer has the same value (1).');
    expect(prepared.notes).toContain('empty: dropped, no customer has a value.');
  });
});
