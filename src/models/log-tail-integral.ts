import { logHyp2f1APlusOne } from './hypergeometric.js';
import { log1mExp } from './special-functions.js';

/**
 * ln ∫_y^∞ (α+u)^(−A) (β+u)^(−B) du for A, B > 0 and A + B > 1. Factoring out the larger of α+u and β+u gives
 * (m+y)^(1−A−B)/(A+B−1) · ₂F₁(A+B−1, B'; A+B; |α−β|/(m+y)) with m = max(α, β) and B' the other exponent, so the
 * hypergeometric argument stays in [0, 1): the two cases α ≥ β and α < β of Fader & Hardie's (2005) note on
 * implementing the Pareto/NBD likelihood, where A = r + x and B = s + 1.
 */
export function logTailIntegral(A: number, B: number, alpha: number, beta: number, y: number): number {
  const m = A + B - 1;
  if (alpha >= beta) {
    return (
      -m * Math.log(alpha + y) -
      Math.log(m) +
      logHyp2f1APlusOne(m, B, (alpha - beta) / (alpha + y), (beta + y) / (alpha + y))
    );
  }
  return (
    -m * Math.log(beta + y) -
    Math.log(m) +
    logHyp2f1APlusOne(m, A, (beta - alpha) / (beta + y), (alpha + y) / (beta + y))
  );
}

/** ln ∫_lo^hi (α+u)^(−A) (β+u)^(−B) du, −Infinity when hi <= lo; the difference of two tails, taken in log space. */
export function logIntervalIntegral(
  A: number,
  B: number,
  alpha: number,
  beta: number,
  lo: number,
  hi: number,
): number {
  if (!(hi > lo)) return -Infinity;
  const upper = logTailIntegral(A, B, alpha, beta, lo);
  const lower = logTailIntegral(A, B, alpha, beta, hi);
  return lower >= upper ? -Infinity : upper + log1mExp(lower - upper);
}
