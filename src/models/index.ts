// Public API of the buy-till-you-die models. Everything else in this folder is internal.

// Inputs
export {
  customerSummary,
  type CustomerSummary,
  type CustomerSummaryInput,
  type TimeUnit,
} from './customer-summary.js';
export { compressSummary, expandToCustomers, type CompressedSummary } from './compress-summary.js';
export {
  spendSummary,
  compressSpendSummary,
  type SpendSummary,
  type SpendSummaryInput,
  type SpendSummaryResult,
} from './spend-summary.js';

// Models, likelihoods and fitting
export type { PurchaseModel, FitOptions, FitResult, PurchaseFit } from './purchase-model.js';
export { fitPurchaseModel } from './fit-purchase-model.js';
export { bgNbd, fitBgNbd, type BgNbdParams } from './bg-nbd.js';
export { bgNbdPurchaseProbability } from './bg-nbd-purchase-probability.js';
export { mbgNbd, fitMbgNbd, type MbgNbdParams } from './mbg-nbd.js';
export { paretoNbd, fitParetoNbd, type ParetoNbdParams } from './pareto-nbd.js';
export { gammaGamma, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.js';
export { ModelFitError, type ModelFitFailure } from './model-fit-error.js';

// Predictions and validation
export {
  customerLifetimeValue,
  discountedExpectedPurchases,
  checkClvOptions,
  type ClvOptions,
} from './customer-lifetime-value.js';
export { nextPurchaseTime, type NextPurchaseTime } from './next-purchase-time.js';
export { expectedCumulativePurchases } from './expected-cumulative-purchases.js';
export {
  holdoutByFrequency,
  holdoutErrors,
  type FrequencyBins,
  type HoldoutErrors,
} from './holdout-validation.js';
