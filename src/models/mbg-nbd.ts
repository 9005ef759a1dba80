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

/** MBG/NBD parameters: purchase rate λ ~ Gamma(shape r, rate α), dropout probability p ~ Beta(a, b). */
export interface MbgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

const names = ['r', 'alpha', 'a', 'b'] as const;

/** P(alive | x, t_x, T) = 1 / (1 + a/(b+x)·((α+T)/(α+t_x))^(r+x)), below 1 even for x = 0. */
function probabilityAlive({ r, alpha, a, b }: MbgNbdParams, x: number, tx: number, T: number): number {
  return 1 / (1 + Math.exp(Math.log(a / (b + x)) + (r + x) * Math.log((alpha + T) / (alpha + tx))));
}

/**
 * The MBG/NBD of Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of models for
 * customer base analysis", IJRM 24(3) (with Wagner & Hoppe's 2008 erratum), as in lifetimes'
 * ModifiedBetaGeoFitter: the BG/NBD where the customer may also drop out right after the first purchase, so a
 * customer without repeat purchases is not assumed alive.
 */
export const mbgNbd: PurchaseModel<MbgNbdParams> = {
  label: 'MBG/NBD',
  paramNames: names,
  likelihood: {
    label: 'MBG/NBD',
    paramNames: names,
    logLikelihood: (theta: Float64Array, data: PurchaseData) => betaGeometricLogLikelihood(theta, data, true),
    gradient: (theta: Float64Array, data: PurchaseData, grad: Float64Array) =>
      betaGeometricLogLikelihood(theta, data, true, grad),
    starts: purchaseStarts,
  },
  logLikelihood: (params, summary) =>
    betaGeometricLogLikelihood(toTheta(names, params), purchaseData(summary, false), true),
  expectedPurchases(params, t) {
    checkHorizon(t);
    checkParams(names, params);
    const { r, alpha, a, b } = params;
    return (b / (a + b)) * aliveExpectedPurchases(a, b + 1, r, alpha, t);
  },
  conditionalExpectedPurchases(params, summary, t) {
    checkHorizon(t);
    checkParams(names, params);
    const { r, alpha, a, b } = params;
    return mapRowsSharingXT(
      summary,
      (x, T) => aliveExpectedPurchases(a, b + x + 1, r + x, alpha + T, t),
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

/** Fits the MBG/NBD; see `fitPurchaseModel`. Parameters are per the summary's time unit (α is a time scale). */
export function fitMbgNbd(
  summary: CustomerSummary,
  options?: FitOptions<MbgNbdParams>,
): PurchaseFit<MbgNbdParams> {
  return fitPurchaseModel(mbgNbd, summary, options);
}
