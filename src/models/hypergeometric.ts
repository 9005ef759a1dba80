import { logTanhSinh } from './tanh-sinh.js';

const MAX_TERMS = 2_000_000;
const RESCALE = 1e250;
const LN_RESCALE = Math.log(RESCALE);

/**
 * ln ₂F₁(a, b; a + 1; z) for a > 0, b > 0 and 0 ≤ z < 1, the function in the Pareto/NBD likelihood
 * (Fader & Hardie 2005, "A note on implementing the Pareto/NBD model in MATLAB"). It sums the Gauss series, whose
 * terms are all positive (rescaled to stay in range), unless z > 0.9 and the series would need more than ~1,500
 * terms (about (b+40)/(1−z)); then it integrates Euler's representation a·∫₀¹ v^(a−1) (1−zv)^(−b) dv instead,
 * after the substitution 1 − v = ε(e^w − 1), ε = (1−z)/z, which turns the peak at v = 1 into a smooth exponential
 * in w, by tanh-sinh quadrature. Pass `oneMinusZ` when 1 − z is known more precisely than z.
 */
export function logHyp2f1APlusOne(a: number, b: number, z: number, oneMinusZ = 1 - z): number {
  if (z === 0) return 0;
  if (!(a > 0 && b > 0 && z > 0 && oneMinusZ > 0)) return NaN;
  if (z > 0.9 && (Math.max(b, 1) * z + 40) / oneMinusZ > 1500) return logEulerIntegral(a, b, z, oneMinusZ);
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let k = 0; k < MAX_TERMS; k++) {
    const ratio = (((b + k) / (k + 1)) * z * (a + k)) / (a + k + 1);
    term *= ratio;
    sum += term;
    if (sum > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      logScale += LN_RESCALE;
    }
    if (ratio < 1 && term < 1e-17 * sum) return Math.log(sum) + logScale;
  }
  return NaN;
}

function logEulerIntegral(a: number, b: number, z: number, oneMinusZ: number): number {
  const W = -Math.log(oneMinusZ);
  const logZ = Math.log(z);
  const logEps = Math.log(oneMinusZ) - logZ;
  const logW = Math.log(W);
  const integral = logTanhSinh((x, y, _logX, logY) => {
    const q = W * y;
    const logOneMinusU = (q > 1e-290 ? Math.log(-Math.expm1(-q)) : logW + logY) - logZ;
    return (a - 1) * logOneMinusU + (1 - b) * (logEps + W * x);
  });
  return Math.log(a) - b * logZ + logW + integral;
}

/**
 * E[(1 − e^{−λpt}) / p] over p ~ Beta(a, b) and λ ~ Gamma(shape r, rate alpha): the expected number of purchases
 * in the next t of a customer who is alive now, in the BG/NBD family (Fader, Hardie & Lee 2005, eq. 10 with the
 * posterior parameters). The closed form (a+b−1)/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; z)], z = t/(α+t), is
 * rewritten with Euler's transformation as c·[−expm1((a−1)L)/(a−1) − e^{(a−1)L}·S], L = ln(1−z), where S is a
 * series whose terms stay bounded; the form has no 0/0 at a = 1 and no overflow for large r. It takes about
 * 40/(1−z) terms, i.e. horizons up to a few hundred times α are cheap.
 */
export function aliveExpectedPurchases(a: number, b: number, r: number, alpha: number, t: number): number {
  if (t <= 0) return 0;
  const z = t / (alpha + t);
  const L = -Math.log1p(t / alpha);
  const c = a + b - 1;
  const A = c - r;
  const e = a - 1;
  const first = e === 0 ? -L : -Math.expm1(e * L) / e;
  let term = A * z;
  let sum = term;
  for (let k = 1; k < MAX_TERMS && term !== 0; k++) {
    const ratio = (((A + k) * (a + k - 1)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    sum += term;
    if (k > -A && Math.abs(ratio) < 1 && Math.abs(term) <= 1e-17 * Math.abs(sum)) {
      return c * first - Math.exp(e * L) * sum;
    }
  }
  return term === 0 ? c * first - Math.exp(e * L) * sum : NaN;
}
