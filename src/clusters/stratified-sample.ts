import type { RandomSource } from '../stats/random-source.js';
import { sampleIndices } from './sample-indices.js';

/**
 * A sample of about `size` rows stratified by label: each cluster contributes rows in proportion to its size,
 * but at least `minPerStratum` (or all of a smaller cluster), each drawn uniformly without replacement. Each
 * row carries the weight (cluster size / rows drawn from it), so weighted sums estimate population counts
 * (Horvitz & Thompson 1952). When `size ≥ labels.length` every row is returned with weight 1.
 */
export function stratifiedSample(
  labels: Int32Array,
  k: number,
  size: number,
  minPerStratum: number,
  random: RandomSource,
): { rows: Int32Array; weights: Float64Array } {
  const n = labels.length;
  if (size >= n) {
    const rows = new Int32Array(n);
    for (let i = 0; i < n; i++) rows[i] = i;
    return { rows, weights: new Float64Array(n).fill(1) };
  }
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  const start = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) start[c + 1] = start[c]! + sizes[c]!;
  const members = new Int32Array(n);
  const fill = start.slice(0, k);
  for (let i = 0; i < n; i++) members[fill[labels[i]!]!++] = i;
  const rows: number[] = [];
  const weights: number[] = [];
  for (let c = 0; c < k; c++) {
    const count = sizes[c]!;
    const quota = Math.min(count, Math.max(Math.round((size * count) / n), minPerStratum));
    for (const r of sampleIndices(count, quota, random)) {
      rows.push(members[start[c]! + r]!);
      weights.push(count / quota);
    }
  }
  return { rows: Int32Array.from(rows), weights: Float64Array.from(weights) };
}
