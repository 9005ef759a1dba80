import type { CampaignEvaluation, IntervalEstimate } from '../stats/index.js';
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
  const figures: Omit<EvaluationSummary, 'verdict'> = {
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
  };
  return { ...figures, verdict: verdict({ ...figures, window_complete: window.complete }) };
}

function scale(x: number | null, k: number): number | null {
  return x === null ? null : x * k;
}
