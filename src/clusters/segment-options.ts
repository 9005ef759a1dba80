import { SegmentationError } from './segmentation-error.js';

export interface AutoSegmentsOptions {
  /** Number of clusters, or 'auto' (default) to choose it by silhouette over `kRange`. */
  k?: number | 'auto';
  /** Integer in [1, 2^32 − 1] (default 42). */
  seed?: number;
  /** Smallest and largest k tried when k is 'auto' (default [2, 8]). */
  kRange?: [number, number];
  /** Customers in the seeded sample on which silhouettes are computed (default 5,000). */
  sampleSize?: number;
  /** Customers in the seeded sample on which k-means is fitted for each k before refining on all (default 20,000). */
  fitSampleSize?: number;
  /** Customers on which the rule trees are trained (default 50,000). */
  treeSampleSize?: number;
  /** k-means++ restarts per k (default 4). */
  restarts?: number;
  /** Depth of the rule trees (default 3). */
  treeDepth?: number;
  /** Fewest training customers in a tree leaf (default: 0.5 % of the tree sample, at least 5). */
  treeMinLeaf?: number;
}

export interface SegmentSettings {
  k: number | 'auto';
  seed: number;
  kRange: [number, number];
  sampleSize: number;
  fitSampleSize: number;
  treeSampleSize: number;
  restarts: number;
  treeDepth: number;
  treeMinLeaf: number | undefined;
}

export const DEFAULT_SEED = 42;
const MAX_K = 50;

/** Options with their defaults, or a `SegmentationError` naming the first bad one. */
export function parseSegmentOptions(options: AutoSegmentsOptions): SegmentSettings {
  const k = options.k ?? 'auto';
  if (k !== 'auto') integer('k', k, 2, MAX_K);
  const kRange = options.kRange ?? [2, 8];
  if (!Array.isArray(kRange) || kRange.length !== 2) bad(`kRange must be [smallest k, largest k].`);
  integer('kRange[0]', kRange[0], 2, MAX_K);
  integer('kRange[1]', kRange[1], kRange[0], MAX_K);
  const settings: SegmentSettings = {
    k,
    seed: options.seed ?? DEFAULT_SEED,
    kRange: [kRange[0], kRange[1]],
    sampleSize: options.sampleSize ?? 5_000,
    fitSampleSize: options.fitSampleSize ?? 20_000,
    treeSampleSize: options.treeSampleSize ?? 50_000,
    restarts: options.restarts ?? 4,
    treeDepth: options.treeDepth ?? 3,
    treeMinLeaf: options.treeMinLeaf,
  };
  integer('seed', settings.seed, 1, 4_294_967_295);
  integer('sampleSize', settings.sampleSize, 20, Number.MAX_SAFE_INTEGER);
  integer('fitSampleSize', settings.fitSampleSize, 20, Number.MAX_SAFE_INTEGER);
  integer('treeSampleSize', settings.treeSampleSize, 20, Number.MAX_SAFE_INTEGER);
  integer('restarts', settings.restarts, 1, 100);
  integer('treeDepth', settings.treeDepth, 1, 6);
  if (settings.treeMinLeaf !== undefined)
    integer('treeMinLeaf', settings.treeMinLeaf, 1, Number.MAX_SAFE_INTEGER);
  return settings;
}

function integer(name: string, value: unknown, min: number, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    bad(`${name} must be an integer from ${min} to ${max}, got ${String(value)}.`);
  }
}

function bad(message: string): never {
  throw new SegmentationError('invalid-input', message);
}
