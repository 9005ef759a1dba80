import type { RandomSource } from '../stats/random-source.js';
import { SegmentationError } from './segmentation-error.js';

/**
 * k initial centres by k-means++ D² seeding (Arthur & Vassilvitskii 2007, "k-means++: the advantages of careful
 * seeding", SODA '07): the first centre is a uniformly drawn point, each next one a point drawn with probability
 * proportional to its squared distance to the nearest centre chosen so far. `points` is n × dims row-major;
 * returns k × dims row-major. Throws `SegmentationError` when fewer than k points are distinct.
 */
export function kmeansPlusPlus(
  points: Float64Array,
  dims: number,
  k: number,
  random: RandomSource,
): Float64Array {
  const n = points.length / dims;
  const centres = new Float64Array(k * dims);
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    if (c > 0) chosen = drawProportional(nearest, random, c, k);
    const centre = c * dims;
    for (let t = 0; t < dims; t++) centres[centre + t] = points[chosen * dims + t]!;
    for (let i = 0; i < n; i++) {
      const base = i * dims;
      let d = 0;
      for (let t = 0; t < dims; t++) {
        const diff = points[base + t]! - centres[centre + t]!;
        d += diff * diff;
      }
      if (d < nearest[i]!) nearest[i] = d;
    }
  }
  return centres;
}

function drawProportional(weight: Float64Array, random: RandomSource, chosen: number, k: number): number {
  let total = 0;
  for (let i = 0; i < weight.length; i++) total += weight[i]!;
  if (!(total > 0)) {
    throw new SegmentationError(
      'too-few-distinct',
      `Cannot form ${k} clusters: the customers have only ${chosen} distinct feature profiles.`,
    );
  }
  const target = random() * total;
  let cumulative = 0;
  let last = -1;
  for (let i = 0; i < weight.length; i++) {
    const w = weight[i]!;
    if (w <= 0) continue;
    cumulative += w;
    last = i;
    if (cumulative > target) return i;
  }
  return last;
}
