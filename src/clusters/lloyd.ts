/** A k-means partition: centres (k × dims, row-major), the nearest centre of each point, and the inertia. */
export interface KMeansFit {
  k: number;
  centroids: Float64Array;
  labels: Int32Array;
  /** Sum of squared Euclidean distances from each point to its centre. */
  inertia: number;
  /** Inertia after each assignment step; never increases. */
  inertiaHistory: number[];
  iterations: number;
  converged: boolean;
}

export interface LloydOptions {
  /** Assignment steps at most (default 300). */
  maxIterations?: number;
  /** Stop when the squared centre movements sum to at most this (default 1e-4, in squared data units). */
  tolerance?: number;
}

/**
 * Lloyd's algorithm (Lloyd 1982, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2)) from the
 * given centres: alternately assign every point to its nearest centre and move each centre to the mean of its
 * points, until no point changes cluster or the centres move less than `tolerance`. Assignments skip the points
 * whose centre provably stays nearest, by Hamerly's distance bounds (Hamerly 2010, "Making k-means even
 * faster", SDM), which changes the cost but not the result. A centre left without points is moved onto the
 * point farthest from its centre. Ends with an assignment: `labels` are nearest to `centroids`.
 */
export function lloyd(
  points: Float64Array,
  dims: number,
  initial: Float64Array,
  options: LloydOptions = {},
): KMeansFit {
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = options.tolerance ?? 1e-4;
  const n = points.length / dims;
  const k = initial.length / dims;
  const state: State = {
    points,
    dims,
    n,
    k,
    centroids: Float64Array.from(initial),
    labels: new Int32Array(n).fill(-1),
    upper: new Float64Array(n).fill(Infinity),
    lower: new Float64Array(n),
    squared: new Float64Array(n),
    halfGap: new Float64Array(k),
  };
  const inertiaHistory: number[] = [];
  let changed = assign(state);
  let converged = false;
  let iterations = 1;
  for (;;) {
    const sums = measure(state);
    inertiaHistory.push(sums.inertia);
    if (changed === 0) converged = true;
    if (converged || iterations >= maxIterations) break;
    const moved = update(state, sums);
    let shift = 0;
    for (let c = 0; c < k; c++) shift += moved[c]! ** 2;
    converged = shift <= tolerance;
    loosenBounds(state, moved);
    changed = assign(state);
    iterations++;
  }
  return {
    k,
    centroids: state.centroids,
    labels: state.labels,
    inertia: inertiaHistory[inertiaHistory.length - 1]!,
    inertiaHistory,
    iterations,
    converged,
  };
}

interface State {
  points: Float64Array;
  dims: number;
  n: number;
  k: number;
  centroids: Float64Array;
  labels: Int32Array;
  /** Upper bound on the distance to the own centre, lower bound on the distance to any other. */
  upper: Float64Array;
  lower: Float64Array;
  /** Exact squared distance to the own centre, as of the last assignment. */
  squared: Float64Array;
  /** Half the distance from each centre to its nearest other centre. */
  halfGap: Float64Array;
}

function squaredDistance(
  points: Float64Array,
  base: number,
  centroids: Float64Array,
  centre: number,
  dims: number,
) {
  let d = 0;
  for (let t = 0; t < dims; t++) {
    const diff = points[base + t]! - centroids[centre + t]!;
    d += diff * diff;
  }
  return d;
}

/** Assigns every point that may have a nearer centre; returns how many changed cluster. */
function assign(state: State): number {
  const { points, dims, n, k, centroids, labels, upper, lower, halfGap } = state;
  computeHalfGaps(state);
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    const base = i * dims;
    if (own >= 0) {
      const bound = Math.max(halfGap[own]!, lower[i]!);
      if (upper[i]! <= bound) continue;
      upper[i] = Math.sqrt(squaredDistance(points, base, centroids, own * dims, dims));
      if (upper[i]! <= bound) continue;
    }
    let best = Infinity;
    let second = Infinity;
    let bestCentre = 0;
    for (let c = 0; c < k; c++) {
      const d = squaredDistance(points, base, centroids, c * dims, dims);
      if (d < best) {
        second = best;
        best = d;
        bestCentre = c;
      } else if (d < second) second = d;
    }
    if (bestCentre !== own) {
      labels[i] = bestCentre;
      changed++;
    }
    upper[i] = Math.sqrt(best);
    lower[i] = Math.sqrt(second);
  }
  return changed;
}

function computeHalfGaps(state: State): void {
  const { centroids, dims, k, halfGap } = state;
  halfGap.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const half = Math.sqrt(squaredDistance(centroids, a * dims, centroids, b * dims, dims)) / 2;
      if (half < halfGap[a]!) halfGap[a] = half;
      if (half < halfGap[b]!) halfGap[b] = half;
    }
  }
}

interface Sums {
  inertia: number;
  /** Per centre, the sum of its points (k × dims) and their count. */
  total: Float64Array;
  count: Float64Array;
}

/** One pass over the points: exact inertia (making upper bounds exact) and the per-centre sums for the means. */
function measure(state: State): Sums {
  const { points, dims, n, k, centroids, labels, upper, squared } = state;
  const total = new Float64Array(k * dims);
  const count = new Float64Array(k);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    const base = i * dims;
    const centre = own * dims;
    let d = 0;
    for (let t = 0; t < dims; t++) {
      const x = points[base + t]!;
      const diff = x - centroids[centre + t]!;
      d += diff * diff;
      total[centre + t]! += x;
    }
    count[own]!++;
    squared[i] = d;
    upper[i] = Math.sqrt(d);
    inertia += d;
  }
  return { inertia, total, count };
}

/** Moves each centre to the mean of its points; returns how far each centre moved. */
function update(state: State, sums: Sums): Float64Array {
  const { points, dims, n, k, centroids, squared } = state;
  const moved = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const centre = c * dims;
    const count = sums.count[c]!;
    let target = -1;
    if (count === 0) {
      let farthest = -1;
      for (let i = 0; i < n; i++) {
        if (squared[i]! > farthest) {
          farthest = squared[i]!;
          target = i;
        }
      }
      squared[target] = -1;
    }
    let shift = 0;
    for (let t = 0; t < dims; t++) {
      const next = count > 0 ? sums.total[centre + t]! / count : points[target * dims + t]!;
      shift += (next - centroids[centre + t]!) ** 2;
      centroids[centre + t] = next;
    }
    moved[c] = Math.sqrt(shift);
  }
  return moved;
}

/** After the centres move: the own centre may be farther by its move, others nearer by the largest other move. */
function loosenBounds(state: State, moved: Float64Array): void {
  const { n, k, labels, upper, lower } = state;
  let first = 0;
  let second = 0;
  let firstCentre = -1;
  for (let c = 0; c < k; c++) {
    const m = moved[c]!;
    if (m > first) {
      second = first;
      first = m;
      firstCentre = c;
    } else if (m > second) second = m;
  }
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    upper[i]! += moved[own]!;
    lower[i]! -= own === firstCentre ? second : first;
  }
}
