/**
 * The p-quantile of a sample given as a histogram (distinct values ascending, with counts), by linear
 * interpolation between order statistics: h = (n − 1)·p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), as R's
 * type 7 and DuckDB's quantile_cont. Null for an empty sample.
 */
export function histogramQuantile(
  values: readonly number[],
  counts: readonly number[],
  p: number,
): number | null {
  let n = 0;
  for (const c of counts) n += c;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const at = (rank: number): number => {
    let seen = 0;
    for (let i = 0; i < values.length; i++) {
      seen += counts[i]!;
      if (rank < seen) return values[i]!;
    }
    return values[values.length - 1]!;
  };
  const a = at(lo);
  return h === lo ? a : a + (h - lo) * (at(lo + 1) - a);
}
