import { checkSummary, type CustomerSummary } from './customer-summary.js';
import { fitMaximumLikelihood } from './fit-maximum-likelihood.js';
import { ModelFitError } from './model-fit-error.js';
import { purchaseData, samplePurchaseData } from './purchase-data.js';
import {
  fromTheta,
  toTheta,
  type FitOptions,
  type PurchaseFit,
  type PurchaseModel,
} from './purchase-model.js';

/**
 * Fits a purchase model by maximum likelihood on the (x, t_x, T) summary: identical customers are merged first
 * (see `compressSummary`), then `fitMaximumLikelihood` runs (multi-start Nelder-Mead, BFGS polish, Hessian).
 * The parameters come out in the summary's time unit. Throws `ModelFitError` when the data cannot support a fit.
 */
export function fitPurchaseModel<P>(
  model: PurchaseModel<P>,
  summary: CustomerSummary,
  options: FitOptions<P> = {},
): PurchaseFit<P> {
  checkSummary(summary);
  const data = purchaseData(summary, true);
  const minCustomers = options.minCustomers ?? 30;
  if (data.customers < minCustomers) {
    throw new ModelFitError(
      'too-few-customers',
      `a ${model.label} fit needs at least ${minCustomers} customers, but the summary has ${data.customers}`,
    );
  }
  if (data.repeaters === 0) {
    throw new ModelFitError(
      'no-repeaters',
      `none of the ${data.customers} customers made a repeat purchase (all x = 0), so the ${model.label} purchase and dropout rates cannot be estimated`,
    );
  }
  const exploreRows = options.exploreRows ?? 5_000;
  const explore = data.x.length > exploreRows ? samplePurchaseData(data, exploreRows) : data;
  const fit = fitMaximumLikelihood(
    model.likelihood,
    data,
    data.customers,
    {
      ...(options.penalty === undefined ? {} : { penalty: options.penalty }),
      ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
      ...(options.starts === undefined
        ? {}
        : { starts: options.starts.map((p) => toTheta(model.paramNames, p)) }),
    },
    { data: explore, customers: explore.customers },
  );
  return {
    params: fromTheta(model.paramNames, fit.theta),
    stdErrors: fromTheta(model.paramNames, fit.stdErrors),
    loglik: fit.loglik,
    converged: fit.converged,
    iterations: fit.iterations,
    customers: data.customers,
    timeUnit: summary.timeUnit,
  };
}
