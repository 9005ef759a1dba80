import { fmtInt } from '../cli/format.js';
import type { CampaignPlan } from './plan-campaign.js';

/** The plan in plain words: what the history says, what the split can detect, and whether the segment suffices. */
export function describePlanVerdict(plan: Omit<CampaignPlan, 'verdict'>, usable: boolean): string {
  const effect = (absolute: number, relative: number | null): string =>
    `${plan.metric === 'conversion' ? `+${(100 * absolute).toFixed(2)} points of conversion` : `+${absolute.toFixed(2)} of revenue per customer`}${relative === null ? '' : ` (${(100 * relative).toFixed(1)} % of the baseline)`}`;
  const split = `${fmtInt(plan.controls)} control and ${fmtInt(plan.targets)} target customers`;
  if (!usable) {
    if (plan.controls < 1 || plan.targets < 1) {
      return `With ${fmtInt(plan.customers)} customers and a ${(100 * plan.control_share).toFixed(0)} % control share one group would be empty: the segment is too small to test.`;
    }
    return plan.metric === 'conversion'
      ? `The segment's history gives no usable baseline (conversion ${plan.baseline === null ? 'unknown' : `${(100 * plan.baseline).toFixed(1)} %`} in ${plan.history.from} … ${plan.history.to}), so the sample size cannot be planned from it.`
      : `The segment's revenue did not vary in ${plan.history.from} … ${plan.history.to}, so the sample size cannot be planned from it.`;
  }
  const detect =
    plan.detectable === null
      ? `With ${split} even the largest possible effect would not be detected reliably.`
      : `With ${split} the smallest effect detected with ${(100 * plan.power).toFixed(0)} % power at the 5 % level is ${effect(plan.detectable.absolute, plan.detectable.relative)}.`;
  if (plan.mde === null || plan.sample_size === null)
    return `${detect} Smaller effects would likely go unnoticed.`;
  const need = `To detect ${effect(plan.mde.absolute, plan.mde.relative)} you need ${fmtInt(plan.sample_size.control)} control and ${fmtInt(plan.sample_size.treatment)} target customers (${fmtInt(plan.sample_size.total)} in all)`;
  return plan.large_enough
    ? `${need}; the segment has ${fmtInt(plan.customers)}, so it is large enough. ${detect}`
    : `${need}; the segment has ${fmtInt(plan.customers)}, so it is too small for that effect. ${detect}`;
}
