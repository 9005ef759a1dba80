import { InputError } from '../errors.js';
import type { BgNbdParams } from './bg-nbd.js';
import { checkHorizon } from './map-rows.js';
import { checkParams } from './purchase-model.js';
import { betaln, gammaln } from './special-functions.js';

/**
 * P(X(t) = n) under the BG/NBD: the probability that a new customer makes exactly n repeat purchases in the
 * first t time units (Fader, Hardie & Lee 2005, eq. 8):
 *   B(a, b+n)/B(a, b) · NB(n) + 1{n>0} · B(a+1, b+n−1)/B(a, b) · P(NB ≥ n),
 * with NB the negative binomial count of a gamma-mixed Poisson process over t. The upper tail is summed
 * directly when it is small, so tiny probabilities keep their precision.
 */
export function bgNbdPurchaseProbability(params: BgNbdParams, t: number, n: number): number {
  checkHorizon(t);
  checkParams(['r', 'alpha', 'a', 'b'], params);
  if (!(Number.isInteger(n) && n >= 0)) throw new InputError(`n must be a non-negative integer, got ${n}`);
  const { r, alpha, a, b } = params;
  if (t === 0) return n === 0 ? 1 : 0;
  const logQ = Math.log(alpha / (alpha + t));
  const log1mQ = Math.log(t / (alpha + t));
  const logNb = (j: number) => gammaln(r + j) - gammaln(r) - gammaln(j + 1) + r * logQ + j * log1mQ;
  const first = Math.exp(betaln(a, b + n) - betaln(a, b) + logNb(n));
  if (n === 0) return first;
  return (
    first + Math.exp(betaln(a + 1, b + n - 1) - betaln(a, b)) * negativeBinomialTail(logNb, r, log1mQ, n)
  );
}

function negativeBinomialTail(logNb: (j: number) => number, r: number, log1mQ: number, n: number): number {
  let below = 0;
  for (let j = 0; j < n; j++) below += Math.exp(logNb(j));
  if (below < 0.5) return 1 - below;
  const q1 = Math.exp(log1mQ);
  let term = Math.exp(logNb(n));
  let tail = 0;
  for (let j = n; j < n + 1_000_000; j++) {
    tail += term;
    const ratio = ((r + j) / (j + 1)) * q1;
    term *= ratio;
    if (ratio < 1 && term < 1e-17 * tail) break;
  }
  return tail;
}
