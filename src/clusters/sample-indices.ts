import type { RandomSource } from '../stats/random-source.js';

/**
 * `size` distinct indices of 0..n−1 drawn uniformly without replacement, in random order, by a partial
 * Fisher–Yates shuffle (Durstenfeld 1964, CACM 7(7)). When `size ≥ n` every index is returned in order.
 */
export function sampleIndices(n: number, size: number, random: RandomSource): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (size >= n) return all;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = all[i]!;
    all[i] = all[j]!;
    all[j] = swap;
  }
  return all.slice(0, size);
}

/** The rows `rows` of a row-major matrix with `dims` columns, as a new matrix. */
export function gatherRows(matrix: Float64Array, dims: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * dims);
  for (let r = 0; r < rows.length; r++) {
    const from = rows[r]! * dims;
    for (let t = 0; t < dims; t++) out[r * dims + t] = matrix[from + t]!;
  }
  return out;
}
