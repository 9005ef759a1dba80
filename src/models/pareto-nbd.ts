import type { CustomerSummary } from './customer-summary.js';
import { fitPurchaseModel } from './fit-purchase-model.js';
import { logIntervalIntegral } from './log-tail-integral.js';
import { checkHorizon, mapRows } from './map-rows.js';
import { purchaseData, type PurchaseData } from './purchase-data.js';
import { observedRate } from './purchase-starts.js';
import {
  checkParams,
  toTheta,
  type FitOptions,
  type PurchaseFit,
  type PurchaseModel,
} from './purchase-model.js';
import { expm1Over, gammaln, logAddExp } from './special-functions.js';

/** Pareto/NBD parameters: purchase rate λ ~ Gamma(shape r, rate α), dropout rate μ ~ Gamma(shape s, rate β). */
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

const names = ['r', 'alpha', 's', 'beta'] as const;

/**
 * The two parts of the individual likelihood (without the constant Γ(r+x)α^r β^s / Γ(r)): alive at T,
 * ln[(α+T)^−(r+x) (β+T)^−s], and dropped out between t_x and T, ln[s ∫_tx^T (α+y)^−(r+x) (β+y)^−(s+1) dy].
 */
function logParts(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number) {
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const gone = Math.log(s) + logIntervalIntegral(r + x, s + 1, alpha, beta, tx, T);
  return { alive, gone };
}

function logLikelihood(theta: Float64Array, data: PurchaseData): number {
  const r = theta[0]!;
  const alpha = theta[1]!;
  const s = theta[2]!;
  const beta = theta[3]!;
  const constant = Float64Array.from(
    data.xValues,
    (x) => gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta),
  );
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const w = data.weight[i]!;
    if (w === 0) continue;
    const { alive, gone } = logParts(r, alpha, s, beta, data.x[i]!, data.tx[i]!, data.T[i]!);
    total += w * (constant[data.xIndex[i]!]! + logAddExp(alive, gone));
  }
  return total;
}

function probabilityAlive({ r, alpha, s, beta }: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { alive, gone } = logParts(r, alpha, s, beta, x, tx, T);
  return 1 / (1 + Math.exp(gone - alive));
}

/**
 * The Pareto/NBD of Schmittlein, Morrison & Colombo (1987), "Counting your customers: who are they and what will
 * they do next?", Management Science 33(1): Poisson purchases at rate λ while alive, an exponential lifetime
 * with rate μ, λ and μ gamma-distributed across customers. Likelihood as in Fader & Hardie (2005), "A note on
 * implementing the Pareto/NBD model in MATLAB"; expectations and P(alive) as in Fader, Hardie & Lee (2005)
 * and Schmittlein et al. (1987).
 */
export const paretoNbd: PurchaseModel<ParetoNbdParams> = {
  label: 'Pareto/NBD',
  paramNames: names,
  likelihood: {
    label: 'Pareto/NBD',
    paramNames: names,
    logLikelihood,
    starts(data: PurchaseData) {
      const rate = observedRate(data);
      let time = 0;
      for (let i = 0; i < data.T.length; i++) time += data.weight[i]! * data.T[i]!;
      const meanT = time > 0 ? time / data.customers : 1;
      return [
        [1, 1 / rate, 1, 2 * meanT],
        [0.5, 0.5 / rate, 0.5, meanT],
        [2, 2 / rate, 2, 2 * meanT],
      ].map((start) => Float64Array.from(start));
    },
  },
  logLikelihood: (params, summary) => logLikelihood(toTheta(names, params), purchaseData(summary, false)),
  expectedPurchases(params, t) {
    checkHorizon(t);
    checkParams(names, params);
    const { r, alpha, s, beta } = params;
    return ((r * beta) / alpha) * expm1Over(1 - s, Math.log1p(t / beta));
  },
  conditionalExpectedPurchases(params, summary, t) {
    checkHorizon(t);
    checkParams(names, params);
    const { r, alpha, s, beta } = params;
    return mapRows(summary, (x, tx, T) => {
      const aliveRate = ((r + x) / (alpha + T)) * (beta + T);
      return probabilityAlive(params, x, tx, T) * aliveRate * expm1Over(1 - s, Math.log1p(t / (beta + T)));
    });
  },
  probabilityAlive(params, summary) {
    checkParams(names, params);
    return mapRows(summary, (x, tx, T) => probabilityAlive(params, x, tx, T));
  },
  probabilityNoPurchase(params, summary, t) {
    checkHorizon(t);
    checkParams(names, params);
    const { r, alpha, s, beta } = params;
    return mapRows(summary, (x, tx, T) => {
      const rx = r + x;
      const logBuy =
        Math.log(rx) +
        rx * Math.log(alpha + T) +
        s * Math.log(beta + T) +
        logIntervalIntegral(rx + 1, s, alpha + T, beta + T, 0, t);
      return 1 - probabilityAlive(params, x, tx, T) * Math.exp(logBuy);
    });
  },
};

/** Fits the Pareto/NBD; see `fitPurchaseModel`. Parameters are per the summary's time unit (α, β are time scales). */
export function fitParetoNbd(
  summary: CustomerSummary,
  options?: FitOptions<ParetoNbdParams>,
): PurchaseFit<ParetoNbdParams> {
  return fitPurchaseModel(paretoNbd, summary, options);
}
