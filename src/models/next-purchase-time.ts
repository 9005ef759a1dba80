import type { CustomerSummary } from './customer-summary.js';
import { mapRows } from './map-rows.js';
import { checkParams, type PurchaseModel } from './purchase-model.js';

export interface NextPurchaseTime {
  /**
   * Median waiting time, from the end of calibration (T) and in the summary's time unit, until the next purchase
   * of a customer who is alive and stays alive: (α+T)·(2^(1/(r+x)) − 1).
   */
  readonly medianWaitIfAlive: Float64Array;
  /** P(alive at T | x, t_x, T), to read the wait against: a long-gone customer's wait is moot. */
  readonly probabilityAlive: Float64Array;
}

/**
 * Expected next purchase, as a median wait given alive paired with P(alive). In all three models the purchase
 * rate of a customer alive at T has posterior Gamma(r+x, α+T) (Fader, Hardie & Lee 2005, section 3), so the
 * wait W is Lomax: P(W > w) = ((α+T)/(α+T+w))^(r+x). The median is used because the mean, (α+T)/(r+x−1), is
 * infinite when r + x <= 1, i.e. for most customers without repeat purchases. In the BG/NBD and MBG/NBD a
 * live customer always buys again, so the median is exact; in the Pareto/NBD it assumes no dropout meanwhile.
 */
export function nextPurchaseTime<P extends { readonly r: number; readonly alpha: number }>(
  model: PurchaseModel<P>,
  params: P,
  summary: CustomerSummary,
): NextPurchaseTime {
  checkParams(model.paramNames, params);
  const { r, alpha } = params;
  const medianWaitIfAlive = mapRows(summary, (x, _tx, T) => (alpha + T) * Math.expm1(Math.LN2 / (r + x)));
  return { medianWaitIfAlive, probabilityAlive: model.probabilityAlive(params, summary) };
}
