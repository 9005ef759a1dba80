import { createRandomSource } from '../stats/random-source.js';
import { deriveSeed } from './derive-seed.js';
import { kmeansPlusPlus } from './kmeans-plus-plus.js';
import { lloyd, type KMeansFit, type LloydOptions } from './lloyd.js';

export interface KMeansOptions extends LloydOptions {
  k: number;
  /** Integer in [1, 2^32 − 1]; restart r draws from the stream `deriveSeed(seed, k, r)`. */
  seed: number;
  /** Independent k-means++ starts; the one with the lowest inertia is kept (default 4). */
  restarts?: number;
}

export interface KMeansResult extends KMeansFit {
  /** Final inertia of every restart, in order. */
  restartInertias: number[];
}

/**
 * k-means clustering of n × dims row-major points: k-means++ seeding (Arthur & Vassilvitskii 2007) followed by
 * Lloyd iterations (Lloyd 1982), repeated `restarts` times from independently seeded starts, keeping the
 * partition with the lowest inertia (the first on ties). The same seed gives the same labels.
 *
 * @example kmeans(Float64Array.of(0, 1, 10, 11), 1, { k: 2, seed: 7 }).centroids; // 0.5 and 10.5, in some order
 */
export function kmeans(points: Float64Array, dims: number, options: KMeansOptions): KMeansResult {
  const { k, seed } = options;
  const restarts = options.restarts ?? 4;
  let best: KMeansFit | undefined;
  const restartInertias: number[] = [];
  for (let r = 0; r < restarts; r++) {
    const random = createRandomSource(deriveSeed(seed, k, r));
    const fit = lloyd(points, dims, kmeansPlusPlus(points, dims, k, random), options);
    restartInertias.push(fit.inertia);
    if (best === undefined || fit.inertia < best.inertia) best = fit;
  }
  if (best === undefined) throw new RangeError(`restarts must be at least 1, got ${restarts}`);
  return { ...best, restartInertias };
}
