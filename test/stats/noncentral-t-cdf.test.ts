import { describe, expect, it } from 'vitest';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { noncentralTCdf } from '../../src/stats/noncentral-t-cdf.js';

describe('noncentralTCdf', () => {
  // scipy.stats.nct.cdf(t, df, nc), scipy 1.17.
  it.each([
    [2.0, 10, 1.5, 0.6591540724421909],
    [-1, 3, 0.5, 0.09212120981435942],
    [1.5, 1, 0.5, 0.6858270289937836],
    [0.3, 2, -1.2, 0.9267802589141304],
    [5, 4, 2, 0.9208226174761955],
    [1.97, 1000, 2.8, 1 - 0.7966424369512063],
  ])('P(T ≤ %f; df %f, ncp %f) = %f', (t, df, ncp, expected) => {
    expect(noncentralTCdf(t, df, ncp)).toBeCloseTo(expected, 10);
  });

  it('reduces to the central t when ncp = 0 (stdlib t-cdf)', () => {
    for (const [t, df] of [
      [-2.5, 3],
      [0.7, 12],
      [2.1, 40],
    ] as const) {
      expect(noncentralTCdf(t, df, 0)).toBeCloseTo(tCdf(t, df), 11);
    }
  });
});
