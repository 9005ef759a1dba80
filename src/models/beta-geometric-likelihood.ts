import type { PurchaseData } from './purchase-data.js';
import { betaln, digamma, gammaln } from './special-functions.js';

/**
 * Weighted log-likelihood of the BG/NBD (Fader, Hardie & Lee 2005, eq. 6) or, with `modified`, the MBG/NBD
 * (Batislam, Denizel & Filiztekin 2007, which also lets a customer drop out right after the first purchase):
 *   ℓ = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+δ) − ln B(a, b)
 *       + ln[(α+T)^−(r+x) + 1{x>0 or δ} · a/(b+x−1+δ) · (α+t_x)^−(r+x)],   δ = 1 for MBG/NBD, 0 for BG/NBD,
 * the last term by log-sum-exp. θ = [r, α, a, b]. When `grad` is given, ∂ℓ/∂θ is written into it.
 */
export function betaGeometricLogLikelihood(
  theta: Float64Array,
  data: PurchaseData,
  modified: boolean,
  grad?: Float64Array,
): number {
  const r = theta[0]!;
  const alpha = theta[1]!;
  const a = theta[2]!;
  const b = theta[3]!;
  const shift = modified ? 1 : 0;
  const { xValues, xIndex, x, tx, T, weight, txValues, txIndex, TValues, TIndex } = data;
  const logAlphaT = TValues.map((t) => Math.log(alpha + t));
  const logAlphaTx = txValues.map((t) => Math.log(alpha + t));
  const m = xValues.length;
  const constant = new Float64Array(m);
  const logRatio = new Float64Array(m);
  const dConstR = new Float64Array(m);
  const dConstA = new Float64Array(m);
  const dConstB = new Float64Array(m);
  const dRatioB = new Float64Array(m);
  const base = r * Math.log(alpha) - gammaln(r) - betaln(a, b);
  const withGrad = grad !== undefined;
  const psiR = withGrad ? digamma(r) : 0;
  const psiAB = withGrad ? digamma(a + b) : 0;
  const psiB = withGrad ? digamma(b) : 0;
  for (let k = 0; k < m; k++) {
    const xk = xValues[k]!;
    const bx = b + xk + shift;
    constant[k] = base + gammaln(r + xk) + betaln(a, bx);
    const hasSecond = xk > 0 || modified;
    logRatio[k] = hasSecond ? Math.log(a) - Math.log(bx - 1) : -Infinity;
    if (withGrad) {
      const psiABX = digamma(a + bx);
      dConstR[k] = digamma(r + xk) - psiR + Math.log(alpha);
      dConstA[k] = psiAB - psiABX;
      dConstB[k] = digamma(bx) - psiABX - psiB + psiAB;
      dRatioB[k] = hasSecond ? -1 / (bx - 1) : 0;
    }
  }
  let total = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  let weightSum = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weight[i]!;
    if (w === 0) continue;
    const k = xIndex[i]!;
    const rx = r + x[i]!;
    const logT = logAlphaT[TIndex[i]!]!;
    const u1 = -rx * logT;
    const lr = logRatio[k]!;
    let ll: number;
    let p2 = 0;
    let logTx = 0;
    if (lr === -Infinity) {
      ll = constant[k]! + u1;
    } else {
      logTx = logAlphaTx[txIndex[i]!]!;
      const u2 = lr - rx * logTx;
      const top = u1 > u2 ? u1 : u2;
      const e1 = Math.exp(u1 - top);
      const e2 = Math.exp(u2 - top);
      ll = constant[k]! + top + Math.log(e1 + e2);
      p2 = e2 / (e1 + e2);
    }
    total += w * ll;
    if (withGrad) {
      const p1 = 1 - p2;
      weightSum += w;
      gr += w * (dConstR[k]! - p1 * logT - p2 * logTx);
      gAlpha -= w * rx * (p1 / (alpha + T[i]!) + p2 / (alpha + tx[i]!));
      ga += w * (dConstA[k]! + p2 / a);
      gb += w * (dConstB[k]! + p2 * dRatioB[k]!);
    }
  }
  if (withGrad) {
    grad[0] = gr;
    grad[1] = gAlpha + (weightSum * r) / alpha;
    grad[2] = ga;
    grad[3] = gb;
  }
  return total;
}
