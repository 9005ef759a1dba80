/**
 * Silhouette widths (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and validation of
 * cluster analysis", J. Comput. Appl. Math. 20:53–65) of n × dims row-major points under Euclidean distance:
 * s(i) = (b − a) / max(a, b), with a the mean distance from i to the other members of its cluster and b the
 * lowest mean distance from i to the members of another cluster. s(i) = 0 when i is alone in its cluster
 * (Rousseeuw's convention) or when no other cluster has members. Cost O(n² · dims): pass a sample.
 */
export function silhouetteValues(
  points: Float64Array,
  dims: number,
  labels: Int32Array,
  k: number,
): Float64Array {
  return silhouetteBatch(points, dims, [{ labels, k }])[0]!;
}

/**
 * Silhouette widths of the same points under several partitions at once (e.g. k-means for k = 2..8): each
 * pairwise distance is computed once and shared, so trying more k costs little more than trying one.
 */
export function silhouetteBatch(
  points: Float64Array,
  dims: number,
  partitions: readonly { labels: Int32Array; k: number }[],
): Float64Array[] {
  const n = points.length / dims;
  const sums = partitions.map(({ k }) => new Float64Array(n * k));
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * dims;
    for (let j = i + 1; j < n; j++) {
      const other = j * dims;
      let d = 0;
      for (let t = 0; t < dims; t++) {
        const diff = points[base + t]! - points[other + t]!;
        d += diff * diff;
      }
      row[j] = Math.sqrt(d);
    }
    partitions.forEach(({ labels, k }, p) => {
      const sum = sums[p]!;
      const own = i * k;
      const li = labels[i]!;
      for (let j = i + 1; j < n; j++) {
        const d = row[j]!;
        sum[own + labels[j]!]! += d;
        sum[j * k + li]! += d;
      }
    });
  }
  return partitions.map(({ labels, k }, p) => widths(sums[p]!, labels, k));
}

/** Silhouette widths from a symmetric n × n dissimilarity matrix (row-major), as in Rousseeuw's Table 1. */
export function silhouetteFromDissimilarities(
  dissimilarities: Float64Array,
  labels: Int32Array,
  k: number,
): Float64Array {
  const n = labels.length;
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (j !== i) sums[i * k + labels[j]!]! += dissimilarities[i * n + j]!;
  }
  return widths(sums, labels, k);
}

/** The average silhouette width s̄ of the points: the criterion for choosing k (higher is better). */
export function silhouetteScore(points: Float64Array, dims: number, labels: Int32Array, k: number): number {
  return meanWidth(silhouetteValues(points, dims, labels, k));
}

/** The mean of silhouette widths (0 for none). */
export function meanWidth(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return values.length === 0 ? 0 : total / values.length;
}

function widths(sums: Float64Array, labels: Int32Array, k: number): Float64Array {
  const n = labels.length;
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    if (sizes[own]! < 2) continue;
    const a = sums[i * k + own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[i * k + c]! / sizes[c]!);
    }
    const spread = Math.max(a, b);
    if (b === Infinity || spread === 0) continue;
    s[i] = (b - a) / spread;
  }
  return s;
}
