import { describe, expect, it } from 'vitest';
import { kmeans, kmeansPlusPlus, lloyd, SegmentationError } from '../../src/clusters/index.js';
import { createRandomSource } from '../../src/stats/random-source.js';
import { adjustedRandIndex, blobs, circle } from './synthetic.js';

/** Textbook Lloyd without bounds: assign all, move to means, until no point changes (the oracle for `lloyd`). */
function plainLloyd(points: Float64Array, dims: number, initial: Float64Array) {
  const n = points.length / dims;
  const k = initial.length / dims;
  const centres = Float64Array.from(initial);
  const labels = new Int32Array(n).fill(-1);
  const history: number[] = [];
  for (;;) {
    let changed = 0;
    let inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      let bestCentre = 0;
      for (let c = 0; c < k; c++) {
        let d = 0;
        for (let t = 0; t < dims; t++) d += (points[i * dims + t]! - centres[c * dims + t]!) ** 2;
        if (d < best) [best, bestCentre] = [d, c];
      }
      if (labels[i] !== bestCentre) changed++;
      labels[i] = bestCentre;
      inertia += best;
    }
    history.push(inertia);
    if (changed === 0) return { labels, history };
    centres.fill(0);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      counts[labels[i]!]!++;
      for (let t = 0; t < dims; t++) centres[labels[i]! * dims + t]! += points[i * dims + t]!;
    }
    for (let c = 0; c < k; c++) for (let t = 0; t < dims; t++) centres[c * dims + t]! /= counts[c]!;
  }
}

describe('adjusted Rand index (test helper)', () => {
  it('is 1 for relabelled partitions and −0.5 for crossed halves', () => {
    // Hand: a = 0011, b = 0101. Every cell n_ij = 1 → Σ C(n_ij,2) = 0; Σ C(a_i,2) = Σ C(b_j,2) = 2; C(4,2) = 6;
    // E = 2·2/6 = 2/3; max = 2; ARI = (0 − 2/3) / (2 − 2/3) = −0.5.
    expect(adjustedRandIndex(Int32Array.of(0, 0, 1, 1), Int32Array.of(1, 1, 0, 0))).toBe(1);
    expect(adjustedRandIndex(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 1, 0, 1))).toBeCloseTo(-0.5, 12);
  });
});

describe('kmeans', () => {
  it('splits 0, 1, 10, 11 into {0, 1} and {10, 11}: centres 0.5 and 10.5, inertia 1', () => {
    // Hand: each point is 0.5 from its centre; inertia = 4 · 0.25 = 1.
    const fit = kmeans(Float64Array.of(0, 1, 10, 11), 1, { k: 2, seed: 7 });
    expect([...fit.centroids].sort((a, b) => a - b)).toEqual([0.5, 10.5]);
    expect(fit.inertia).toBe(1);
    expect(fit.labels[0]).toBe(fit.labels[1]);
    expect(fit.labels[2]).toBe(fit.labels[3]);
    expect(fit.labels[0]).not.toBe(fit.labels[2]);
  });

  it('recovers well-separated blobs exactly (ARI = 1): 3 blobs in 2-D and 5 blobs in 4-D', () => {
    // Blob centres 10 SD apart: every point is far nearer its own centre than any other, so the optimal
    // partition is the truth.
    const three = blobs(circle(3, 10), 100, 1, 11);
    const fit3 = kmeans(three.points, three.dims, { k: 3, seed: 1 });
    expect(adjustedRandIndex(fit3.labels, three.truth)).toBe(1);
    const centres5 = [
      [12, 0, 0, 0],
      [0, 12, 0, 0],
      [0, 0, 12, 0],
      [0, 0, 0, 12],
      [0, 0, 0, 0],
    ];
    const five = blobs(centres5, 80, 1, 12);
    const fit5 = kmeans(five.points, five.dims, { k: 5, seed: 1 });
    expect(adjustedRandIndex(fit5.labels, five.truth)).toBe(1);
  });

  it('never increases the inertia from one Lloyd step to the next', () => {
    // Overlapping data and too many clusters make Lloyd take many steps.
    const data = blobs(circle(2, 1.5), 1000, 1, 13);
    const init = kmeansPlusPlus(data.points, data.dims, 6, createRandomSource(5));
    const fit = lloyd(data.points, data.dims, init, { tolerance: 0 });
    expect(fit.inertiaHistory.length).toBeGreaterThan(5);
    for (let s = 1; s < fit.inertiaHistory.length; s++) {
      expect(fit.inertiaHistory[s]!).toBeLessThanOrEqual(fit.inertiaHistory[s - 1]! * (1 + 1e-12));
    }
    expect(fit.inertiaHistory[fit.inertiaHistory.length - 1]!).toBeLessThan(fit.inertiaHistory[0]!);
    expect(fit.converged).toBe(true);
  });

  it("gives the textbook algorithm's partition and inertia at every step (Hamerly bounds change nothing)", () => {
    const data = blobs(circle(3, 2), 700, 1, 14);
    const init = kmeansPlusPlus(data.points, data.dims, 5, createRandomSource(6));
    const fast = lloyd(data.points, data.dims, init, { tolerance: 0 });
    const plain = plainLloyd(data.points, data.dims, init);
    expect(fast.labels).toEqual(plain.labels);
    expect(fast.inertiaHistory.length).toBe(plain.history.length);
    fast.inertiaHistory.forEach((value, s) => expect(value).toBeCloseTo(plain.history[s]!, 8));
  });

  it('is deterministic for a seed; other seeds give the same partition up to labels on separated data', () => {
    const data = blobs(circle(4, 10), 60, 1, 15);
    const a = kmeans(data.points, data.dims, { k: 4, seed: 99 });
    const b = kmeans(data.points, data.dims, { k: 4, seed: 99 });
    expect(b.labels).toEqual(a.labels);
    expect(b.centroids).toEqual(a.centroids);
    for (const seed of [1, 2, 3, 4, 5]) {
      const other = kmeans(data.points, data.dims, { k: 4, seed });
      expect(adjustedRandIndex(other.labels, a.labels)).toBe(1);
      expect(other.inertia).toBeCloseTo(a.inertia, 9);
    }
  });

  it('keeps the restart with the lowest inertia', () => {
    const data = blobs(circle(3, 1), 300, 1, 16);
    const fit = kmeans(data.points, data.dims, { k: 4, seed: 3, restarts: 5 });
    expect(fit.restartInertias).toHaveLength(5);
    expect(fit.inertia).toBe(Math.min(...fit.restartInertias));
  });

  it('k-means++ starts from k distinct data points, one per blob when blobs are far apart', () => {
    const data = blobs(circle(4, 50), 50, 1, 17);
    const centres = kmeansPlusPlus(data.points, data.dims, 4, createRandomSource(8));
    const blobOf = (c: number): number => {
      for (let i = 0; i < data.truth.length; i++) {
        if (data.points[i * 2] === centres[c * 2] && data.points[i * 2 + 1] === centres[c * 2 + 1])
          return data.truth[i]!;
      }
      return -1;
    };
    expect(new Set([0, 1, 2, 3].map(blobOf))).toEqual(new Set([0, 1, 2, 3]));
  });

  it('refuses more clusters than distinct points', () => {
    const points = new Float64Array(30).fill(2);
    points[0] = 5;
    expect(() => kmeans(points, 1, { k: 3, seed: 1 })).toThrow(SegmentationError);
    expect(() => kmeans(points, 1, { k: 3, seed: 1 })).toThrow(/only 2 distinct/);
  });
});
