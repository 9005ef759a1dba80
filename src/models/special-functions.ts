import betaln from '@stdlib/math-base-special-betaln';
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';

export { betaln, digamma, gammaln };

/** ln(e^u + e^v) without overflow. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** ln(1 − e^d) for d ≤ 0 (Mächler 2012, "Accurately computing log(1 − exp(−|a|))"). */
export function log1mExp(d: number): number {
  return d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d));
}

/** (e^{u·L} − 1) / u, continuous at u = 0 where it equals L. */
export function expm1Over(u: number, L: number): number {
  return u === 0 ? L : Math.expm1(u * L) / u;
}
