/**
 * Deterministic probability-proportional-to-size systematic sample of about `size` rows (Madow 1949): rows at
 * least as heavy as the sampling step are kept with their own weight; the others are taken where their
 * cumulative weight crosses the midpoints of the step grid, and carry the step as weight. Totals are preserved.
 */
export function systematicSample(
  weight: Float64Array,
  size: number,
): { rows: Uint32Array; weight: Float64Array } {
  const n = weight.length;
  const heavy = new Uint8Array(n);
  let heavyCount = 0;
  let lightTotal = 0;
  for (let i = 0; i < n; i++) lightTotal += weight[i]!;
  let step = lightTotal / size;
  for (let changed = true; changed && heavyCount < size;) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (heavy[i] === 0 && weight[i]! >= step) {
        heavy[i] = 1;
        heavyCount++;
        lightTotal -= weight[i]!;
        changed = true;
      }
    }
    step = lightTotal / Math.max(1, size - heavyCount);
  }
  const rows: number[] = [];
  const weights: number[] = [];
  let cumulative = 0;
  let next = 0.5 * step;
  for (let i = 0; i < n; i++) {
    const w = weight[i]!;
    if (heavy[i] === 1) {
      rows.push(i);
      weights.push(w);
      continue;
    }
    cumulative += w;
    if (cumulative >= next) {
      rows.push(i);
      weights.push(step);
      next += step;
    }
  }
  return { rows: Uint32Array.from(rows), weight: Float64Array.from(weights) };
}
