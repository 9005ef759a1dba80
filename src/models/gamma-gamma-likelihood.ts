import type { SpendSummary } from './spend-summary.js';
import { digamma, gammaln } from './special-functions.js';
import { systematicSample } from './systematic-sample.js';

/** Spend rows ready for likelihood evaluation: ln mx precomputed, x indexed by its distinct values. */
export interface SpendData {
  readonly x: Float64Array;
  readonly mx: Float64Array;
  readonly logMx: Float64Array;
  readonly weight: Float64Array;
  readonly xValues: Float64Array;
  readonly xIndex: Uint32Array;
  readonly customers: number;
}

export function spendData(summary: SpendSummary): SpendData {
  const { x, mx } = summary;
  const weight = summary.weight ?? new Float64Array(x.length).fill(1);
  const position = new Map<number, number>();
  const xIndex = new Uint32Array(x.length);
  let customers = 0;
  for (let i = 0; i < x.length; i++) {
    let k = position.get(x[i]!);
    if (k === undefined) {
      k = position.size;
      position.set(x[i]!, k);
    }
    xIndex[i] = k;
    customers += weight[i]!;
  }
  const logMx = mx.map(Math.log);
  return { x, mx, logMx, weight, xValues: Float64Array.from(position.keys()), xIndex, customers };
}

export function sampleSpendData(data: SpendData, size: number): SpendData {
  const sample = systematicSample(data.weight, size);
  const pick = (column: Float64Array) => Float64Array.from(sample.rows, (i) => column[i]!);
  return spendData({ x: pick(data.x), mx: pick(data.mx), weight: sample.weight });
}

/**
 * Weighted log-likelihood of the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: using
 * iso-value curves for customer base analysis", JMR 42(4); Fader & Hardie 2013, "The Gamma-Gamma model of
 * monetary value", note 025). Transactions are Gamma(p, ν), ν ~ Gamma(q, γ), so the mean mx of x transactions
 * has density
 *   f(mx | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q x^(px) mx^(px−1) / (γ + x·mx)^(px+q).
 * θ = [p, q, γ]. When `grad` is given, ∂ℓ/∂θ is written into it.
 */
export function gammaGammaLogLikelihood(theta: Float64Array, data: SpendData, grad?: Float64Array): number {
  const p = theta[0]!;
  const q = theta[1]!;
  const g = theta[2]!;
  const { xValues, xIndex, x, mx, logMx, weight } = data;
  const m = xValues.length;
  const perX = new Float64Array(m);
  const dPerXp = new Float64Array(m);
  const dPerXq = new Float64Array(m);
  const withGrad = grad !== undefined;
  for (let k = 0; k < m; k++) {
    const xk = xValues[k]!;
    const px = p * xk;
    perX[k] = gammaln(px + q) - gammaln(px) + px * Math.log(xk);
    if (withGrad) {
      const psi = digamma(px + q);
      dPerXp[k] = xk * (psi - digamma(px) + Math.log(xk));
      dPerXq[k] = psi;
    }
  }
  const base = q * Math.log(g) - gammaln(q);
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  let weightSum = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weight[i]!;
    if (w === 0) continue;
    const k = xIndex[i]!;
    const xi = x[i]!;
    const px = p * xi;
    const denominator = g + xi * mx[i]!;
    const logDenominator = Math.log(denominator);
    total += w * (perX[k]! + base + (px - 1) * logMx[i]! - (px + q) * logDenominator);
    if (withGrad) {
      weightSum += w;
      gp += w * (dPerXp[k]! + xi * (logMx[i]! - logDenominator));
      gq += w * (dPerXq[k]! - logDenominator);
      gg -= (w * (px + q)) / denominator;
    }
  }
  if (withGrad) {
    grad[0] = gp;
    grad[1] = gq + weightSum * (Math.log(g) - digamma(q));
    grad[2] = gg + (weightSum * q) / g;
  }
  return total;
}
