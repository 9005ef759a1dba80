// Brute-force predictions by numerical integration over the mixing distributions, independent of the closed forms
// (hypergeometric functions, Euler transforms) used in src/models. Only gamma-mixture moments are done by hand:
// E[λ^k e^(−λy)] for λ ~ Gamma(r, α) is Γ(r+k)/Γ(r) · α^r / (α+y)^(r+k).
import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * ∫_lo^hi f(y) dy by composite Simpson (n panels) in w = ln(y + c): power-law integrands with their singularity
 * at y = −c become smooth exponentials in w.
 */
export function simpson(f: (y: number) => number, lo: number, hi: number, c: number, n = 20_000): number {
  if (hi <= lo) return 0;
  const w0 = Math.log(lo + c);
  const h = (Math.log(hi + c) - w0) / n;
  const g = (w: number) => {
    const e = Math.exp(w);
    return f(e - c) * e;
  };
  let total = g(w0) + g(w0 + n * h);
  for (let i = 1; i < n; i++) total += (i % 2 === 1 ? 4 : 2) * g(w0 + i * h);
  return (total * h) / 3;
}

/** ∫₀¹ Beta(p; a, b) g(p, 1 − p) dp by the trapezoid rule in v = logit p (exponentially accurate for smooth g). */
export function betaExpectation(a: number, b: number, g: (p: number, q: number) => number): number {
  const h = 0.05;
  let total = 0;
  for (let i = -1_600; i <= 1_600; i++) {
    const v = i * h;
    const logP = -Math.log1p(Math.exp(-v));
    const logQ = -Math.log1p(Math.exp(v));
    total += Math.exp(a * logP + b * logQ - betaln(a, b)) * g(Math.exp(logP), Math.exp(logQ));
  }
  return total * h;
}

/** E[λ^k e^(−λy)] for λ ~ Gamma(shape r, rate α). */
export function gammaMoment(r: number, alpha: number, k: number, y: number): number {
  return Math.exp(gammaln(r + k) - gammaln(r) + r * Math.log(alpha) - (r + k) * Math.log(alpha + y));
}

export interface Brute {
  readonly likelihood: number;
  readonly pAlive: number;
  readonly conditional: number;
  readonly pNoPurchase: number;
  readonly unconditional: number;
}

/**
 * BG/NBD (modified = false) or MBG/NBD (true), integrating over p numerically: a customer alive at T with rate λ
 * and dropout p makes (1 − e^(−λpt))/p purchases in the next t on average and none with probability e^(−λt).
 */
export function bruteBetaGeometric(
  { r, alpha, a, b }: { r: number; alpha: number; a: number; b: number },
  modified: boolean,
  [x, tx, T]: readonly [number, number, number],
  t: number,
): Brute {
  const d = modified ? 1 : 0;
  const G = (y: number) => gammaMoment(r, alpha, x, y);
  const grows = (y: number, p: number, k: number) => -Math.expm1(-k * Math.log1p((p * t) / y));
  const alive = betaExpectation(a, b, (_p, q) => q ** (x + d) * G(T));
  const gone = x > 0 || modified ? betaExpectation(a, b, (p, q) => p * q ** (x - 1 + d) * G(tx)) : 0;
  const buys = betaExpectation(a, b, (p, q) => ((q ** (x + d) * G(T)) / p) * grows(alpha + T, p, r + x));
  const quiet = betaExpectation(a, b, (_p, q) => q ** (x + d) * G(T + t));
  const unconditional = betaExpectation(a, b, (p, q) => (q ** d / p) * grows(alpha, p, r));
  const likelihood = alive + gone;
  return {
    likelihood,
    pAlive: alive / likelihood,
    conditional: buys / likelihood,
    pNoPurchase: (gone + quiet) / likelihood,
    unconditional,
  };
}

/**
 * Pareto/NBD, integrating over time numerically: with μ ~ Gamma(s, β), E[μ e^(−μy)] = sβ^s/(β+y)^(s+1) and
 * E[e^(−μy)] = (β/(β+y))^s, so every quantity is a one-dimensional integral of gamma moments.
 */
export function bruteParetoNbd(
  { r, alpha, s, beta }: { r: number; alpha: number; s: number; beta: number },
  [x, tx, T]: readonly [number, number, number],
  t: number,
): Brute {
  const G = (k: number, y: number) => gammaMoment(r, alpha, x + k, y);
  const M = (y: number) => (beta / (beta + y)) ** s;
  const dM = (y: number) => (s * beta ** s) / (beta + y) ** (s + 1);
  const c = Math.min(alpha, beta);
  const alive = G(0, T) * M(T);
  const gone = simpson((y) => G(0, y) * dM(y), tx, T, c);
  const buys = G(1, T) * simpson((y) => M(y), T, T + t, c);
  const buyNext = simpson((u) => G(1, T + u) * M(T + u), 0, t, c + T);
  const unconditional = (r / alpha) * simpson((y) => M(y), 0, t, c);
  const likelihood = alive + gone;
  return {
    likelihood,
    pAlive: alive / likelihood,
    conditional: buys / likelihood,
    pNoPurchase: 1 - buyNext / likelihood,
    unconditional,
  };
}
