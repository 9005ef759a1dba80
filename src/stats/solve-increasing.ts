/**
 * The x in [lo, hi] where an increasing function f crosses `target`, by bisection to a relative width of 1e-12
 * (or absolute 1e-14 near zero). Returns null when the target is not bracketed by f(lo) and f(hi).
 */
export function solveIncreasing(
  f: (x: number) => number,
  target: number,
  lo: number,
  hi: number,
): number | null {
  if (f(lo) > target || f(hi) < target) return null;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200 && b - a > Math.max(1e-12 * Math.abs(b), 1e-14); i++) {
    const mid = (a + b) / 2;
    if (f(mid) < target) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}
