import { InputError } from '../errors.js';
import { checkNonNegative, toFiniteArray } from './checks.js';
import { summarize, type SampleSummary } from './summarize.js';
import { summarizePairs, type PairSummary } from './summarize-pairs.js';

/** One arm of a campaign as per-customer outcomes (index i is the same customer in every array). */
export interface CampaignArm {
  name: string;
  /** 1 if the customer bought in the evaluation window, else 0. */
  converted: ArrayLike<number>;
  /** Revenue of the customer in the window (0 for non-buyers). */
  revenue: ArrayLike<number>;
  /** Revenue of the same customer in a pre-period of the same length, when history exists. */
  prePeriodRevenue?: ArrayLike<number>;
  /** Total cost of contacting this arm; omit or 0 for the control group. */
  cost?: number;
}

/** An arm checked and summarized once, for the evaluation. */
export interface PreparedArm {
  name: string;
  customers: number;
  conversions: number;
  converted: SampleSummary;
  revenue: Float64Array;
  revenueSummary: SampleSummary;
  revenueTotal: number;
  prePost: PairSummary | null;
  cost: number | null;
}

export function prepareArm(arm: CampaignArm): PreparedArm {
  const label = `arm "${arm.name}"`;
  const n = arm.converted.length;
  if (arm.revenue.length !== n) {
    throw new InputError(`${label}: ${n} conversion flags but ${arm.revenue.length} revenue values`);
  }
  if (n < 2) throw new InputError(`${label} needs at least 2 customers, got ${n}`);
  let conversions = 0;
  for (let i = 0; i < n; i++) {
    const c = arm.converted[i];
    if (c !== 0 && c !== 1) throw new InputError(`${label}: converted[${i}] must be 0 or 1, got ${c}`);
    conversions += c;
  }
  const revenue = toFiniteArray(`${label} revenue`, arm.revenue);
  let prePost: PairSummary | null = null;
  if (arm.prePeriodRevenue !== undefined) {
    if (arm.prePeriodRevenue.length !== n) {
      throw new InputError(
        `${label}: ${n} customers but ${arm.prePeriodRevenue.length} pre-period revenue values`,
      );
    }
    prePost = summarizePairs(arm.prePeriodRevenue, revenue, `${label} (pre-period, revenue)`);
  }
  return {
    name: arm.name,
    customers: n,
    conversions,
    converted: summarize(arm.converted, `${label} converted`),
    revenue,
    revenueSummary: summarize(revenue, `${label} revenue`),
    revenueTotal: revenue.reduce((sum, v) => sum + v, 0),
    prePost,
    cost: arm.cost === undefined ? null : checkNonNegative(`${label} cost`, arm.cost),
  };
}
