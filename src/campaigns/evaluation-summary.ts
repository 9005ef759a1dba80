import { fmtNum } from '../cli/format.js';
import type { CampaignEvaluation, IntervalEstimate } from '../stats/index.js';
import type { EmailFunnel } from './email-funnel.js';
import type { EvaluationWindow } from './evaluation-window.js';
import { verdict } from './verdict.js';

/** A point estimate with its interval bounds, flat. */
export interface Estimate {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

/** The figures a marketer reads first. */
export interface EvaluationSummary {
  targets: number;
  controls: number;
  conversion_target: number;
  conversion_control: number;
  /** Target − control conversion rate, with its 95 % interval. */
  conversion_difference: Estimate;
  conversion_p_value: number | null;
  /** conversion difference × targets. */
  incremental_conversions: Estimate;
  revenue_per_target: number;
  revenue_per_control: number;
  revenue_per_customer_difference: Estimate;
  /** Welch test of revenue per customer. */
  revenue_p_value: number | null;
  /** revenue difference × targets, with its 95 % interval. */
  incremental_revenue: Estimate;
  /** The same adjusted for each member's pre-period revenue (CUPED), when the pre-period is observed. */
  incremental_revenue_cuped: Estimate | null;
  cost: number | null;
  roi: Estimate | null;
  sample_ratio_mismatch: boolean;
  significant: boolean;
  verdict: string;
}

function flat(e: IntervalEstimate): Estimate {
  return { estimate: e.estimate, lower: e.confidenceInterval.lower, upper: e.confidenceInterval.upper };
}

/** The summary of a two-arm evaluation (target vs control), with the verdict. */
export function summarize(
  e: CampaignEvaluation,
  cost: number | null,
  window: EvaluationWindow,
): EvaluationSummary {
  const c = e.comparisons[0];
  const target = e.arms.find((a) => a.name === 'target');
  const control = e.arms.find((a) => a.name === 'control');
  if (c === undefined || target === undefined || control === undefined) throw new Error('two arms expected');
  const cuped = c.revenuePerCustomer.cuped;
  const incrementalRevenue = c.revenuePerCustomer.incremental;
  return {
    targets: target.customers,
    controls: control.customers,
    conversion_target: target.conversionRate,
    conversion_control: control.conversionRate,
    conversion_difference: flat(c.conversion.test),
    conversion_p_value: c.conversion.test.pValue,
    incremental_conversions: flat(c.conversion.incremental),
    revenue_per_target: target.revenuePerCustomer,
    revenue_per_control: control.revenuePerCustomer,
    revenue_per_customer_difference: flat(c.revenuePerCustomer.test),
    revenue_p_value: c.revenuePerCustomer.test.pValue,
    incremental_revenue: flat(incrementalRevenue),
    incremental_revenue_cuped:
      cuped === null
        ? null
        : {
            estimate: cuped.adjusted.estimate * target.customers,
            lower: scale(cuped.adjusted.confidenceInterval.lower, target.customers),
            upper: scale(cuped.adjusted.confidenceInterval.upper, target.customers),
          },
    cost,
    roi: c.roi === null ? null : flat(c.roi),
    sample_ratio_mismatch: e.sampleRatio.mismatch,
    significant: c.revenuePerCustomer.test.pValue !== null && c.revenuePerCustomer.test.pValue < 0.05,
    verdict: verdict(
      {
        incrementalRevenue,
        revenuePValue: c.revenuePerCustomer.test.pValue,
        conversionDifference: c.conversion.test.estimate,
        conversionPValue: c.conversion.test.pValue,
        roi: c.roi,
        cost,
        sampleRatioMismatch: e.sampleRatio.mismatch,
        windowComplete: window.complete,
      },
      (x) => fmtNum(x),
    ),
  };
}

function scale(x: number | null, k: number): number | null {
  return x === null ? null : x * k;
}

/** What makes the evaluation incomplete or suspect, in sentences. */
export function warnings(
  window: EvaluationWindow,
  e: CampaignEvaluation,
  funnel: EmailFunnel | null,
): string[] {
  const out: string[] = [];
  if (!window.complete) {
    out.push(
      `Sales are loaded up to ${window.sales_until}, before the window's last day ${window.last_day}: purchases after ${window.sales_until} are not counted yet.`,
    );
  }
  if (!window.pre_period_observed) {
    out.push(
      `The sales do not reach back to the pre-period's first day ${window.pre_start}, so there is no CUPED or difference-in-differences adjustment.`,
    );
  }
  if (e.sampleRatio.mismatch) {
    out.push(
      `Sample-ratio mismatch: ${e.sampleRatio.observed.join(' / ')} members against the planned ${e.sampleRatio.expected.map((x) => x.toFixed(0)).join(' / ')} (χ² = ${e.sampleRatio.chiSquare.toFixed(2)}, p = ${e.sampleRatio.pValue.toExponential(1)}).`,
    );
  }
  if (funnel !== null && funnel.control_contacted > 0) {
    out.push(
      `The contact log shows ${funnel.control_contacted} control-group ${funnel.control_contacted === 1 ? 'member' : 'members'} as contacted: the control group leaked, which biases the effect toward zero.`,
    );
  }
  return out;
}
