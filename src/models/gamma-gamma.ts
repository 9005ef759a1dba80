import { InputError } from '../errors.js';
import { toFloat64 } from './customer-summary.js';
import { fitMaximumLikelihood, type LikelihoodSpec } from './fit-maximum-likelihood.js';
import {
  gammaGammaLogLikelihood,
  sampleSpendData,
  spendData,
  type SpendData,
} from './gamma-gamma-likelihood.js';
import { ModelFitError } from './model-fit-error.js';
import { checkParams, fromTheta, toTheta, type FitOptions, type FitResult } from './purchase-model.js';
import { checkSpendSummary, compressSpendSummary, type SpendSummary } from './spend-summary.js';

/** Gamma-Gamma parameters: transaction value ~ Gamma(shape p, rate ν), ν ~ Gamma(shape q, rate γ); γ in currency. */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

const names = ['p', 'q', 'gamma'] as const;

const likelihood: LikelihoodSpec<SpendData> = {
  label: 'Gamma-Gamma',
  paramNames: names,
  logLikelihood: (theta, data) => gammaGammaLogLikelihood(theta, data),
  gradient: (theta, data, grad) => gammaGammaLogLikelihood(theta, data, grad),
  starts(data) {
    let amount = 0;
    for (let i = 0; i < data.x.length; i++) amount += data.weight[i]! * data.mx[i]!;
    const mean = amount / data.customers;
    return [
      [1, 2, mean],
      [3, 4, mean],
      [8, 8, (7 * mean) / 8],
    ].map((start) => Float64Array.from(start));
  },
};

/**
 * The Gamma-Gamma model of average transaction value (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
 * curves for customer base analysis"; Fader & Hardie 2013, note 025). It assumes spend per transaction is
 * independent of purchase frequency; amounts are in the currency unit of mx.
 */
export const gammaGamma = {
  label: 'Gamma-Gamma',
  paramNames: names,
  likelihood,
  /** Total log-likelihood of a spend summary (weighted by its row weights). */
  logLikelihood(params: GammaGammaParams, summary: SpendSummary): number {
    checkSpendSummary(summary);
    return gammaGammaLogLikelihood(toTheta(names, params), spendData(summary));
  },
  /** E[M] = pγ/(q−1): the mean transaction value across customers (infinite when q <= 1). */
  populationMeanSpend(params: GammaGammaParams): number {
    checkParams(names, params);
    return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : Infinity;
  },
  /**
   * E[M | x, mx] = (γ + x·mx)·p / (px + q − 1): each customer's expected transaction value, a weighted average
   * of the population mean pγ/(q−1) and the customer's own mean mx, with weight px/(px+q−1) on mx (note 025,
   * eq. 5). Customers with x = 0 get the population mean. Throws if q <= 1 makes that mean infinite.
   */
  conditionalExpectedSpend(
    params: GammaGammaParams,
    x: ArrayLike<number>,
    mx: ArrayLike<number>,
  ): Float64Array {
    checkParams(names, params);
    const xs = toFloat64(x);
    const ms = toFloat64(mx);
    if (xs.length !== ms.length) throw new InputError(`x has ${xs.length} rows but mx has ${ms.length}`);
    const { p, q, gamma } = params;
    const out = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      const xi = xs[i]!;
      if (!(Number.isInteger(xi) && xi >= 0))
        throw new InputError(`row ${i}: x must be a non-negative integer, got ${xi}`);
      const mi = xi === 0 ? 0 : ms[i]!;
      if (!(mi >= 0 && mi < Infinity))
        throw new InputError(`row ${i}: mx must be a finite amount >= 0, got ${mi}`);
      const denominator = p * xi + q - 1;
      if (!(denominator > 0)) {
        throw new InputError(`q = ${q} <= 1 makes the population mean spend infinite; refit with a penalty`);
      }
      out[i] = ((gamma + xi * mi) * p) / denominator;
    }
    return out;
  },
};

/**
 * Fits the Gamma-Gamma model by maximum likelihood (see `fitMaximumLikelihood`) on repeat customers (x > 0,
 * mx > 0; build the input with `spendSummary`). Identical (x, mx) rows are merged first.
 * @example const { summary, skippedNonPositiveSpend } = spendSummary({ x, mx });
 *          const spend = gammaGamma.conditionalExpectedSpend(fitGammaGamma(summary).params, x, mx);
 */
export function fitGammaGamma(
  summary: SpendSummary,
  options: FitOptions<GammaGammaParams> = {},
): FitResult<GammaGammaParams> {
  const data = spendData(compressSpendSummary(summary));
  const minCustomers = options.minCustomers ?? 30;
  if (data.customers < minCustomers) {
    throw new ModelFitError(
      'too-few-customers',
      `a Gamma-Gamma fit needs at least ${minCustomers} repeat customers with positive spend, but there are ${data.customers}`,
    );
  }
  const exploreRows = options.exploreRows ?? 5_000;
  const explore = data.x.length > exploreRows ? sampleSpendData(data, exploreRows) : data;
  const fit = fitMaximumLikelihood(
    likelihood,
    data,
    data.customers,
    {
      ...(options.penalty === undefined ? {} : { penalty: options.penalty }),
      ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
      ...(options.starts === undefined ? {} : { starts: options.starts.map((p) => toTheta(names, p)) }),
    },
    { data: explore, customers: explore.customers },
  );
  return {
    params: fromTheta(names, fit.theta),
    stdErrors: fromTheta(names, fit.stdErrors),
    loglik: fit.loglik,
    converged: fit.converged,
    iterations: fit.iterations,
    customers: data.customers,
  };
}
