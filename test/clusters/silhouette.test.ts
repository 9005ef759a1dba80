import { describe, expect, it } from 'vitest';
import {
  autoSegments,
  silhouetteBatch,
  silhouetteFromDissimilarities,
  silhouetteScore,
  silhouetteValues,
} from '../../src/clusters/index.js';
import { adjustedRandIndex, asFeatures, blobs, circle } from './synthetic.js';

describe('silhouette widths', () => {
  it('match a 1-D example computed by hand', () => {
    // Clusters A = {0, 1}, B = {4, 6}; s = (b − a) / max(a, b).
    //   0: a = 1, b = (4 + 6)/2 = 5   → 4/5
    //   1: a = 1, b = (3 + 5)/2 = 4   → 3/4
    //   4: a = 2, b = (4 + 3)/2 = 3.5 → 1.5/3.5 = 3/7
    //   6: a = 2, b = (6 + 5)/2 = 5.5 → 3.5/5.5 = 7/11
    // mean = (4/5 + 3/4 + 3/7 + 7/11)/4 = (1232 + 1155 + 660 + 980)/1540/4 = 4027/6160.
    const points = Float64Array.of(0, 1, 4, 6);
    const labels = Int32Array.of(0, 0, 1, 1);
    const values = silhouetteValues(points, 1, labels, 2);
    [4 / 5, 3 / 4, 3 / 7, 7 / 11].forEach((v, i) => expect(values[i]).toBeCloseTo(v, 14));
    expect(silhouetteScore(points, 1, labels, 2)).toBeCloseTo(4027 / 6160, 14);
  });

  it('give 0 to a point alone in its cluster and 1 to identical points (hand)', () => {
    // Clusters {0}, {1, 1, 2}, {3, 3}.
    //   0: alone → 0 (Rousseeuw 1987, p. 56).
    //   1: a = (0 + 1)/2 = 0.5; b = min(|1−0|, (2 + 2)/2) = 1 → 0.5 (twice).
    //   2: a = (1 + 1)/2 = 1;   b = min(2, (1 + 1)/2) = 1   → 0.
    //   3: a = 0;               b = min(3, (2 + 2 + 1)/3) = 5/3 → 1 (twice).
    const values = silhouetteValues(Float64Array.of(0, 1, 1, 2, 3, 3), 1, Int32Array.of(0, 1, 1, 1, 2, 2), 3);
    expect([...values]).toEqual([0, 0.5, 0.5, 0, 1, 1]);
  });

  it("reproduce Rousseeuw's (1987) twelve-country example: Table 1, Figures 2 and 3", () => {
    // Table 1 of Rousseeuw (1987): dissimilarities between 12 countries (mean of 2-decimal ratings by political
    // science students), lower triangle row by row. Figure 2 (k = 2) and Figure 3 (k = 3) print each s(i) to two
    // decimals and the average silhouette widths 0.28 and 0.33. Both the table and the figures are rounded to two
    // decimals, so agreement is asked within 0.006 (we get e.g. IND −0.045 vs −0.04, USA 0.425 vs 0.43).
    const names = ['BEL', 'BRA', 'CHI', 'CUB', 'EGY', 'FRA', 'IND', 'ISR', 'USA', 'USS', 'YUG', 'ZAI'];
    const lower = [
      [5.58],
      [7.0, 6.5],
      [7.08, 7.0, 3.83],
      [4.83, 5.08, 8.17, 5.83],
      [2.17, 5.75, 6.67, 6.92, 4.92],
      [6.42, 5.0, 5.58, 6.0, 4.67, 6.42],
      [3.42, 5.5, 6.42, 6.42, 5.0, 3.92, 6.17],
      [2.5, 4.92, 6.25, 7.33, 4.5, 2.25, 6.33, 2.75],
      [6.08, 6.67, 4.25, 2.67, 6.0, 6.17, 6.17, 6.92, 6.17],
      [5.25, 6.83, 4.5, 3.75, 5.75, 5.42, 6.08, 5.83, 6.67, 3.67],
      [4.75, 3.0, 6.08, 6.67, 5.0, 5.58, 4.83, 6.17, 5.67, 6.5, 6.92],
    ];
    const d = new Float64Array(144);
    lower.forEach((row, r) =>
      row.forEach((value, j) => {
        d[(r + 1) * 12 + j] = value;
        d[j * 12 + r + 1] = value;
      }),
    );
    // Per case: the clusters of Figure 2 / Figure 3 and the printed s(i) in the order of `names`.
    const cases = [
      {
        labels: [0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0],
        k: 2,
        expected: [0.39, 0.22, 0.33, 0.4, 0.2, 0.35, -0.04, 0.3, 0.43, 0.34, 0.26, 0.19],
        average: 0.28,
      },
      {
        labels: [0, 1, 2, 2, 0, 0, 1, 0, 0, 2, 2, 1],
        k: 3,
        expected: [0.42, 0.25, 0.31, 0.48, 0.02, 0.44, 0.17, 0.37, 0.47, 0.44, 0.31, 0.28],
        average: 0.33,
      },
    ];
    for (const { labels, k, expected, average } of cases) {
      const values = silhouetteFromDissimilarities(d, Int32Array.from(labels), k);
      names.forEach((name, i) => {
        expect(Math.abs(values[i]! - expected[i]!), name).toBeLessThanOrEqual(0.006);
      });
      const mean = values.reduce((a, b) => a + b, 0) / 12;
      expect(Math.abs(mean - average)).toBeLessThanOrEqual(0.005);
    }
  });

  it('computed for several partitions at once equal those computed one by one', () => {
    const data = blobs(circle(3, 3), 40, 1, 21);
    const second = Int32Array.from(data.truth, (c, i) => (i % 7 === 0 ? (c + 1) % 3 : c));
    const [a, b] = silhouetteBatch(data.points, data.dims, [
      { labels: data.truth, k: 3 },
      { labels: second, k: 3 },
    ]);
    expect(a).toEqual(silhouetteValues(data.points, data.dims, data.truth, 3));
    expect(b).toEqual(silhouetteValues(data.points, data.dims, second, 3));
  });
});

describe('choosing k by the mean silhouette', () => {
  it.each([3, 5])('finds the %i clusters of well-separated synthetic data', (clusters) => {
    const data = blobs(circle(clusters, 10), 120, 1, 30 + clusters);
    const result = autoSegments(asFeatures(data.points, data.dims), { seed: 5 });
    expect(result.k).toBe(clusters);
    expect(result.silhouette.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = Math.max(...result.silhouette.map((s) => s.score));
    expect(result.silhouette.find((s) => s.k === clusters)?.score).toBe(best);
    expect(adjustedRandIndex(result.assignments, data.truth)).toBe(1);
  });

  it('reports only the forced k when k is given', () => {
    const data = blobs(circle(3, 10), 50, 1, 40);
    const result = autoSegments(asFeatures(data.points, data.dims), { seed: 5, k: 4 });
    expect(result.k).toBe(4);
    expect(result.silhouette.map((s) => s.k)).toEqual([4]);
    expect(result.clusters).toHaveLength(4);
  });
});
