import { checkNonNegative } from './checks.js';

/** Counts of one e-mail (or SMS, push) send; opens and clicks are unique per recipient. */
export interface FunnelCounts {
  sent: number;
  /** Defaults to `sent` when bounces are unknown. */
  delivered?: number;
  opened: number;
  clicked: number;
  orders: number;
  /** Total cost of the send; omit when unknown. */
  cost?: number;
}

/** Each ratio is `null` (never NaN or Infinity) when its denominator is 0 or its input is missing. */
export interface FunnelRatios {
  /** delivered / sent. */
  deliveryRate: number | null;
  /** opened / delivered. */
  openRate: number | null;
  /** clicked / delivered (click-through rate). */
  clickThroughRate: number | null;
  /** clicked / opened (click-to-open rate). */
  clickToOpenRate: number | null;
  /** orders / delivered. */
  conversionRate: number | null;
  /** cost / orders. */
  costPerOrder: number | null;
}

/**
 * E-mail funnel ratios with the usual definitions (denominator: delivered messages; CTOR over opens). Opens are
 * undercounted where images are blocked, so CTOR can exceed 1; the counts are not forced to nest.
 * Preconditions: finite counts ≥ 0 (throws `InputError` otherwise).
 *
 * @example funnelRatios({ sent: 1000, opened: 200, clicked: 50, orders: 5, cost: 100 }).costPerOrder; // 20
 */
export function funnelRatios(counts: FunnelCounts): FunnelRatios {
  const sent = checkNonNegative('sent', counts.sent);
  const delivered = checkNonNegative('delivered', counts.delivered ?? sent);
  const opened = checkNonNegative('opened', counts.opened);
  const clicked = checkNonNegative('clicked', counts.clicked);
  const orders = checkNonNegative('orders', counts.orders);
  const cost = counts.cost === undefined ? null : checkNonNegative('cost', counts.cost);
  return {
    deliveryRate: ratio(delivered, sent),
    openRate: ratio(opened, delivered),
    clickThroughRate: ratio(clicked, delivered),
    clickToOpenRate: ratio(clicked, opened),
    conversionRate: ratio(orders, delivered),
    costPerOrder: cost === null ? null : ratio(cost, orders),
  };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
