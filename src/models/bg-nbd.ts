import { betaGeometricLogLikelihood } from './beta-geometric-likelihood.js';
import type { CustomerSummary } from './customer-summary.js';
import { fitPurchaseModel } from './fit-purchase-model.js';
import { aliveExpectedPurchases } from './hypergeometric.js';
import { checkHorizon, mapRows, mapRowsSharingXT } from './map-rows.js';
import { purchaseData, type PurchaseData } from './purchase-data.js';
import { purchaseStarts } from './purchase-starts.js';
import {
  checkParams,
  toTheta,
  type FitOptions,
  type PurchaseFit,
  type PurchaseModel,
} from './purchase-model.js';

/** BG/NBD parameters: purchase rate λ ~ Gamma(shape r, rate α), dropout probability p ~ Beta(a, b). */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

const names = ['r', 'alpha', 'a', 'b'] as const;

/** P(alive | x, t_x, T) = 1 / (1 + 1{x>0}·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)) (FHL 2005, eq. 11 denominator). */
function probabilityAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx))));
}

/**
 * The BG/NBD model of Fader, Hardie & Lee (2005), "'Counting your customers' the easy way: an alternative to
 * the Pareto/NBD model", Marketing Science 24(2): purchases follow a Poisson process while the customer is
 * alive, and after each repeat purchase the customer drops out with probability p.
 */
export const bgNbd: PurchaseModel<BgNbdParams> = {
  label: 'BG/NBD',
  paramNames: names,
  likelihood: {
    label: 'BG/NBD',
    paramNames: names,
    logLikelihood: (theta: Float64Array, data: PurchaseData) =>
      betaGeometricLogLikelihood(theta, data, false),
    gradient: (theta: Float64Array, data: PurchaseData, grad: Float64Array) =>
      betaGeometricLogLikelihood(theta, data, false, grad),
    starts: purchaseStarts,
  },
  logLikelihood: (params, summary) =>
    betaGeometricLogLikelihood(toTheta(names, params), purchaseData(summary, false), false),
  expectedPurchases(params, t) {
    checkHorizon(t);
    const { r, alpha, a, b } = params;
    checkParams(names, params);
    return aliveExpectedPurchases(a, b, r, alpha, t);
  },
  conditionalExpectedPurchases(params, summary, t) {
    checkHorizon(t);
    const { r, alpha, a, b } = params;
    checkParams(names, params);
    return mapRowsSharingXT(
      summary,
      (x, T) => aliveExpectedPurchases(a, b + x, r + x, alpha + T, t),
      (x, tx, T, alive) => probabilityAlive(params, x, tx, T) * alive,
    );
  },
  probabilityAlive(params, summary) {
    checkParams(names, params);
    return mapRows(summary, (x, tx, T) => probabilityAlive(params, x, tx, T));
  },
  probabilityNoPurchase(params, summary, t) {
    checkHorizon(t);
    checkParams(names, params);
    const { r, alpha } = params;
    return mapRows(summary, (x, tx, T) => {
      const buys = -Math.expm1(-(r + x) * Math.log1p(t / (alpha + T)));
      return 1 - probabilityAlive(params, x, tx, T) * buys;
    });
  },
};

/**
 * Fits the BG/NBD; see `fitPurchaseModel`. Parameters are per the summary's time unit (α is a time scale).
 * @example const fit = fitBgNbd(customerSummary({ timeUnit: 'weeks', x, tx, T }));
 *          bgNbd.probabilityAlive(fit.params, summary); // one P(alive) per row
 */
export function fitBgNbd(
  summary: CustomerSummary,
  options?: FitOptions<BgNbdParams>,
): PurchaseFit<BgNbdParams> {
  return fitPurchaseModel(bgNbd, summary, options);
}
