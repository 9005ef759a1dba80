import type { PredictOptions } from './predict.js';

/** The options of `clientele predict` when none are given; the API's predict job and `clientele start` use them too. */
export const PREDICT_DEFAULTS = {
  model: 'bgnbd',
  horizon: 12,
  unit: 'month',
  discountRate: 0,
  margin: 1,
} as const satisfies Omit<PredictOptions, 'asOf'>;

/** The longest horizon accepted, in any unit. */
export const HORIZON_MAX = 1200;
