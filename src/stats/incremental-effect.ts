import { checkCount } from './checks.js';
import type { IntervalEstimate } from './interval.js';

/**
 * The total effect of a campaign on its treated customers: a per-customer difference (treatment − control, with
 * its interval) times the number of treated customers, e.g. incremental conversions or incremental revenue. The
 * interval scales with it because the customer count is fixed by design (an average treatment effect on the
 * treated, estimated by randomization; Imbens & Rubin 2015, ch. 6).
 * Preconditions: `treated` is an integer ≥ 0.
 *
 * @example incrementalEffect(welchTTest(treated, control), treated.length); // incremental revenue
 */
export function incrementalEffect(difference: IntervalEstimate, treated: number): IntervalEstimate {
  checkCount('treated', treated);
  const { estimate, confidenceInterval: ci } = difference;
  return {
    estimate: estimate === null ? null : estimate * treated,
    confidenceInterval: {
      lower: ci.lower === null ? null : ci.lower * treated,
      upper: ci.upper === null ? null : ci.upper * treated,
      level: ci.level,
    },
  };
}
