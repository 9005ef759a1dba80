import { createRandomSource, type RandomSource } from '../../src/stats/random-source.js';

/** Standard normal draws by the Box–Muller transform (Box & Muller 1958) from a seeded uniform source. */
export function gaussian(random: RandomSource): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Gaussian blobs around the given centres (sd per coordinate), `perCluster` points each, interleaved
 * (point i belongs to blob i mod k) so that no method can profit from the order. Row-major points.
 */
export function blobs(
  centres: readonly (readonly number[])[],
  perCluster: number,
  sd: number,
  seed: number,
): { points: Float64Array; dims: number; truth: Int32Array } {
  const k = centres.length;
  const dims = centres[0]!.length;
  const n = k * perCluster;
  const z = gaussian(createRandomSource(seed));
  const points = new Float64Array(n * dims);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    truth[i] = c;
    for (let t = 0; t < dims; t++) points[i * dims + t] = centres[c]![t]! + sd * z();
  }
  return { points, dims, truth };
}

/** The columns of a row-major matrix, as features named x0, x1, … */
export function asFeatures(points: Float64Array, dims: number): { name: string; values: Float64Array }[] {
  const n = points.length / dims;
  return Array.from({ length: dims }, (_, t) => ({
    name: `x${t}`,
    values: Float64Array.from({ length: n }, (_, i) => points[i * dims + t]!),
  }));
}

/**
 * Adjusted Rand index of two partitions (Hubert & Arabie 1985, J. Classification 2:193–218):
 * (Σ C(n_ij, 2) − E) / (½(Σ C(a_i, 2) + Σ C(b_j, 2)) − E) with E = Σ C(a_i, 2) · Σ C(b_j, 2) / C(n, 2).
 * 1 for the same partition up to relabelling.
 */
export function adjustedRandIndex(a: Int32Array, b: Int32Array): number {
  const pairs = (x: number): number => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const key = `${a[i]}|${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1);
  }
  let index = 0;
  for (const v of table.values()) index += pairs(v);
  let sumA = 0;
  for (const v of rows.values()) sumA += pairs(v);
  let sumB = 0;
  for (const v of cols.values()) sumB += pairs(v);
  const expected = (sumA * sumB) / pairs(a.length);
  const max = (sumA + sumB) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Centres of k blobs evenly spaced on a circle of the given radius in the plane. */
export function circle(k: number, radius: number): number[][] {
  return Array.from({ length: k }, (_, c) => [
    radius * Math.cos((2 * Math.PI * c) / k),
    radius * Math.sin((2 * Math.PI * c) / k),
  ]);
}
