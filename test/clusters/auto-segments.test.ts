import { describe, expect, it } from 'vitest';
import { autoSegments, SegmentationError, type FeatureInput } from '../../src/clusters/index.js';
import { createRandomSource } from '../../src/stats/random-source.js';
import { adjustedRandIndex } from './synthetic.js';

/**
 * Customers of three behaviours, far apart on the log scale: champions (recent, 10–20 orders, 1000–3000 spent),
 * regulars (60–150 days, 3–6 orders, 150–400) and lapsed one-timers (300–700 days, 1 order, 20–80).
 */
function customers(perGroup: number, seed: number): { features: FeatureInput[]; truth: Int32Array } {
  const random = createRandomSource(seed);
  const between = ([low, high]: readonly [number, number]): number => low + (high - low) * random();
  const groups = [
    { recency: [0, 30], orders: [10, 20], revenue: [1000, 3000] },
    { recency: [60, 150], orders: [3, 6], revenue: [150, 400] },
    { recency: [300, 700], orders: [1, 1], revenue: [20, 80] },
  ] as const;
  const n = 3 * perGroup;
  const recency = new Float64Array(n);
  const orders = new Float64Array(n);
  const revenue = new Float64Array(n);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groups[i % 3]!;
    truth[i] = i % 3;
    recency[i] = Math.round(between(g.recency));
    orders[i] = Math.round(between(g.orders));
    revenue[i] = Math.round(between(g.revenue) * 100) / 100;
  }
  return {
    features: [
      { name: 'recency_days', unit: 'days', values: recency },
      { name: 'orders', unit: 'count', values: orders },
      { name: 'revenue', unit: 'currency', values: revenue },
    ],
    truth,
  };
}

describe('autoSegments', () => {
  const { features, truth } = customers(300, 77);
  const result = autoSegments(features, { seed: 11 });

  it('finds the three behaviours, each explained by a rule that fits it', () => {
    expect(result.k).toBe(3);
    expect(adjustedRandIndex(result.assignments, truth)).toBe(1);
    expect(result.clusters.map((c) => c.size)).toEqual([300, 300, 300]);
    expect(result.clusters.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 12);
    for (const cluster of result.clusters) {
      expect(cluster.fidelity).toBe(1);
      expect(cluster.precision).toBe(1);
      expect(cluster.conditions.length).toBeGreaterThan(0);
    }
  });

  it('names the behaviours from their centres', () => {
    const byTruth = (group: number) => result.clusters[result.assignments[truth.indexOf(group)]!]!;
    expect(byTruth(2).name).toEqual({
      en: 'Lapsed one-timers',
      ru: 'Давно не покупавшие разовые покупатели',
    });
    expect(byTruth(2).centroid.orders).toBe(1);
    // Champions: orders +1.3 SD and revenue +1.2 SD outrank recency −0.9 SD; regulars sit within 0.5 SD of the
    // mean on every feature (recency and orders are not skewed enough to be logged, revenue is).
    expect(byTruth(0).relative.orders).toBeGreaterThan(1);
    expect(byTruth(0).relative.recency_days).toBeLessThan(-0.5);
    expect(byTruth(0).name.en).toBe('Frequent, high value');
    expect(byTruth(1).name).toEqual({ en: 'Typical customers', ru: 'Типичные клиенты' });
    expect(result.transforms.map((t) => t.log)).toEqual([false, false, true]);
  });

  it('numbers clusters from the largest and reports the transforms and notes', () => {
    const sizes = result.clusters.map((c) => c.size);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(result.clusters.map((c) => c.id)).toEqual([0, 1, 2]);
    expect(result.transforms.map((t) => t.feature)).toEqual(['recency_days', 'orders', 'revenue']);
    expect(result.notes[0]).toBe('900 customers, 3 features: recency_days, orders, revenue.');
    expect(result.notes.some((note) => note.includes('highest mean silhouette'))).toBe(true);
  });

  it('is plain JSON apart from the assignments', () => {
    const { assignments, ...rest } = result;
    expect(assignments).toBeInstanceOf(Int32Array);
    expect(JSON.parse(JSON.stringify(rest))).toEqual(rest);
  });

  it('gives the same result for the same seed, and the same partition for another seed', () => {
    expect(autoSegments(features, { seed: 11 })).toEqual(result);
    const other = autoSegments(features, { seed: 12 });
    expect(adjustedRandIndex(other.assignments, result.assignments)).toBe(1);
  });

  it('samples large data: fits on a sample, refines on all, trains rules on a stratified sample', () => {
    const big = customers(1000, 78);
    const sampled = autoSegments(big.features, {
      seed: 3,
      fitSampleSize: 600,
      sampleSize: 300,
      treeSampleSize: 900,
    });
    expect(sampled.k).toBe(3);
    expect(adjustedRandIndex(sampled.assignments, big.truth)).toBe(1);
    expect(sampled.notes.some((note) => note.includes('sample of 600 customers, then refined'))).toBe(true);
    expect(sampled.notes.some((note) => note.includes('sample of 300 customers'))).toBe(true);
    expect(sampled.notes.some((note) => note.includes('stratified by cluster'))).toBe(true);
    for (const cluster of sampled.clusters) expect(cluster.fidelity).toBeGreaterThan(0.99);
  });

  it('imputes missing values with the median and drops constant features, saying so', () => {
    const revenue = Float64Array.from(features[2]!.values);
    revenue[5] = Number.NaN;
    const withGaps = autoSegments(
      [
        features[0]!,
        features[1]!,
        { ...features[2]!, values: revenue },
        { name: 'flag', values: new Float64Array(900) },
      ],
      { seed: 11 },
    );
    expect(withGaps.notes.some((note) => note.startsWith('revenue: 1 missing values'))).toBe(true);
    expect(withGaps.notes).toContain('flag: dropped, every customer has the same value (0).');
    expect(withGaps.transforms.map((t) => t.feature)).not.toContain('flag');
  });
});

describe('autoSegments errors', () => {
  const reason = (run: () => unknown): string | undefined => {
    try {
      run();
    } catch (error) {
      if (error instanceof SegmentationError) return error.reason;
      throw error;
    }
    return undefined;
  };
  const values = (n: number) => Float64Array.from({ length: n }, (_, i) => i);

  it('refuses fewer than 20 customers', () => {
    expect(reason(() => autoSegments([{ name: 'x', values: values(19) }]))).toBe('too-few-customers');
    expect(() => autoSegments([{ name: 'x', values: values(19) }])).toThrow(
      'Only 19 customers: automatic segments need at least 20.',
    );
  });

  it('refuses data without a usable feature', () => {
    expect(reason(() => autoSegments([]))).toBe('no-usable-feature');
    expect(() => autoSegments([{ name: 'flag', values: new Float64Array(30).fill(2) }])).toThrow(
      /No feature can be used.*flag: dropped, every customer has the same value/,
    );
  });

  it('refuses malformed input and options', () => {
    const x = { name: 'x', values: values(30) };
    expect(reason(() => autoSegments([x, { name: 'y', values: values(29) }]))).toBe('invalid-input');
    expect(reason(() => autoSegments([x, { name: 'x', values: values(30) }]))).toBe('invalid-input');
    expect(reason(() => autoSegments([x], { k: 1 }))).toBe('invalid-input');
    expect(reason(() => autoSegments([x], { kRange: [5, 3] }))).toBe('invalid-input');
    expect(reason(() => autoSegments([x], { seed: 0 }))).toBe('invalid-input');
    expect(() => autoSegments([x], { k: 2.5 })).toThrow('k must be an integer from 2 to 50, got 2.5.');
  });

  it('refuses more clusters than distinct customers when k is forced, and stops early when k is auto', () => {
    const twoKinds = { name: 'x', values: Float64Array.from({ length: 40 }, (_, i) => i % 2) };
    expect(reason(() => autoSegments([twoKinds], { k: 3 }))).toBe('too-few-distinct');
    const auto = autoSegments([twoKinds]);
    expect(auto.k).toBe(2);
    expect(auto.silhouette.map((s) => s.k)).toEqual([2]);
    expect(auto.notes.some((note) => note.startsWith('k = 3 and above not tried'))).toBe(true);
  });
});
