import { checkNonNegative, checkUnitInterval } from './checks.js';
import type { IntervalEstimate } from './interval.js';

export interface RoiInput {
  /** Incremental revenue with its interval, e.g. from `incrementalEffect`. */
  incrementalRevenue: IntervalEstimate;
  /** Share of revenue that is profit (gross margin), in [0, 1]; use 1 to compute ROI on revenue. */
  margin: number;
  /** Total cost of the campaign arm (contacts, discounts); must be > 0 for a ROI. */
  cost: number;
}

/**
 * Return on investment of a campaign arm: (incremental revenue × margin − cost) / cost. Because the map is
 * increasing in incremental revenue, the interval's bounds are the bounds of incremental revenue mapped through
 * it (the cost and margin being known). Returns `null` estimate and bounds when the cost is 0.
 * Preconditions: 0 ≤ margin ≤ 1, cost ≥ 0.
 *
 * @example returnOnInvestment({ incrementalRevenue, margin: 0.4, cost: 5000 }).estimate; // 0.8 = 80 % ROI
 */
export function returnOnInvestment(input: RoiInput): IntervalEstimate {
  const margin = checkUnitInterval('margin', input.margin);
  const cost = checkNonNegative('cost', input.cost);
  const { estimate, confidenceInterval: ci } = input.incrementalRevenue;
  const roi = (revenue: number | null): number | null =>
    revenue === null || cost === 0 ? null : (revenue * margin - cost) / cost;
  return {
    estimate: roi(estimate),
    confidenceInterval: { lower: roi(ci.lower), upper: roi(ci.upper), level: ci.level },
  };
}
