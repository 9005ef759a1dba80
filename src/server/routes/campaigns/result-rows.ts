import { type CampaignEvaluationReport, type CampaignListing } from '../../../campaigns/index.js';
import type { RowsColumn } from '../../rows-query.js';
import type { WindowStatus } from './schemas.js';

/** One line of a campaign's results table: a figure per arm, or an effect with its 95 % interval and p-value. */
export interface ResultRow {
  measure: ResultMeasure;
  target: number | null;
  control: number | null;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  p_value: number | null;
}

export const RESULT_MEASURES = [
  'customers',
  'buyers',
  'conversion_rate',
  'conversion_lift',
  'incremental_buyers',
  'revenue',
  'revenue_per_customer',
  'revenue_per_customer_bootstrap',
  'revenue_per_customer_did',
  'revenue_lift',
  'incremental_revenue',
  'incremental_revenue_cuped',
  'cost',
  'roi',
] as const;
export type ResultMeasure = (typeof RESULT_MEASURES)[number];

export const RESULT_COLUMNS: readonly RowsColumn[] = [
  { name: 'measure', type: 'VARCHAR' },
  { name: 'target', type: 'DOUBLE' },
  { name: 'control', type: 'DOUBLE' },
  { name: 'estimate', type: 'DOUBLE' },
  { name: 'lower', type: 'DOUBLE' },
  { name: 'upper', type: 'DOUBLE' },
  { name: 'p_value', type: 'DOUBLE' },
];

const none = { target: null, control: null, estimate: null, lower: null, upper: null, p_value: null };

/**
 * The figures of an evaluation as a table, read off the library's report (nothing is recomputed): per-arm
 * outcomes, the target − control differences with their intervals and p-values, relative lifts (Fieller),
 * revenue per customer adjusted by difference-in-differences, incremental buyers and revenue (plain and CUPED), cost and ROI.
 */
export function resultRows(report: CampaignEvaluationReport): ResultRow[] {
  const s = report.summary;
  const e = report.evaluation;
  const target = e.arms.find((a) => a.name === 'target');
  const control = e.arms.find((a) => a.name === 'control');
  const c = e.comparisons[0];
  if (target === undefined || control === undefined || c === undefined) return [];
  const rows: ResultRow[] = [
    { ...none, measure: 'customers', target: target.customers, control: control.customers },
    { ...none, measure: 'buyers', target: target.conversions, control: control.conversions },
    {
      measure: 'conversion_rate',
      target: target.conversionRate,
      control: control.conversionRate,
      ...s.conversion_difference,
      p_value: s.conversion_p_value,
    },
    {
      ...none,
      measure: 'conversion_lift',
      estimate: c.conversion.relativeLift.estimate,
      lower: c.conversion.relativeLift.confidenceInterval.lower,
      upper: c.conversion.relativeLift.confidenceInterval.upper,
    },
    { ...none, measure: 'incremental_buyers', ...s.incremental_conversions, p_value: s.conversion_p_value },
    { ...none, measure: 'revenue', target: target.revenue, control: control.revenue },
    {
      measure: 'revenue_per_customer',
      target: s.revenue_per_target,
      control: s.revenue_per_control,
      ...s.revenue_per_customer_difference,
      p_value: s.revenue_p_value,
    },
  ];
  const bootstrap = c.revenuePerCustomer.bootstrap;
  if (bootstrap !== null) {
    rows.push({
      ...none,
      measure: 'revenue_per_customer_bootstrap',
      estimate: bootstrap.estimate,
      lower: bootstrap.bca.lower,
      upper: bootstrap.bca.upper,
    });
  }
  const did = c.revenuePerCustomer.differenceInDifferences;
  if (did !== null) {
    rows.push({
      ...none,
      measure: 'revenue_per_customer_did',
      estimate: did.test.estimate,
      lower: did.test.confidenceInterval.lower,
      upper: did.test.confidenceInterval.upper,
      p_value: did.test.pValue,
    });
  }
  const lift = c.revenuePerCustomer.relativeLift;
  rows.push(
    {
      ...none,
      measure: 'revenue_lift',
      estimate: lift.estimate,
      lower: lift.confidenceInterval.lower,
      upper: lift.confidenceInterval.upper,
    },
    { ...none, measure: 'incremental_revenue', ...s.incremental_revenue, p_value: s.revenue_p_value },
  );
  const cuped = c.revenuePerCustomer.cuped;
  if (s.incremental_revenue_cuped !== null && cuped !== null) {
    rows.push({
      ...none,
      measure: 'incremental_revenue_cuped',
      ...s.incremental_revenue_cuped,
      p_value: cuped.adjusted.pValue,
    });
  }
  if (s.cost !== null) rows.push({ ...none, measure: 'cost', target: s.cost });
  if (s.roi !== null) rows.push({ ...none, measure: 'roi', ...s.roi });
  return rows;
}

/** One stage move (from → to) in target vs control, flat for a table. */
export interface TransitionRow {
  from: string;
  to: string;
  target_from: number;
  target_moved: number;
  target_share: number;
  control_from: number;
  control_moved: number;
  control_share: number;
  difference: number;
  lower: number | null;
  upper: number | null;
  p_value: number | null;
  p_value_holm: number | null;
}

export const TRANSITION_COLUMNS: readonly RowsColumn[] = [
  { name: 'from', type: 'VARCHAR' },
  { name: 'to', type: 'VARCHAR' },
  { name: 'target_from', type: 'BIGINT' },
  { name: 'target_moved', type: 'BIGINT' },
  { name: 'target_share', type: 'DOUBLE' },
  { name: 'control_from', type: 'BIGINT' },
  { name: 'control_moved', type: 'BIGINT' },
  { name: 'control_share', type: 'DOUBLE' },
  { name: 'difference', type: 'DOUBLE' },
  { name: 'lower', type: 'DOUBLE' },
  { name: 'upper', type: 'DOUBLE' },
  { name: 'p_value', type: 'DOUBLE' },
  { name: 'p_value_holm', type: 'DOUBLE' },
];

/** The library's stage moves, flat. */
export function transitionRows(report: CampaignEvaluationReport): TransitionRow[] {
  if (!report.transitions.available) return [];
  return report.transitions.moves.map((m) => ({
    from: m.from,
    to: m.to,
    target_from: m.target.from_customers,
    target_moved: m.target.customers,
    target_share: m.target.share,
    control_from: m.control.from_customers,
    control_moved: m.control.customers,
    control_share: m.control.share,
    difference: m.test.estimate,
    lower: m.test.confidenceInterval.lower,
    upper: m.test.confidenceInterval.upper,
    p_value: m.test.pValue,
    p_value_holm: m.p_value_holm,
  }));
}

export const LISTING_COLUMNS: readonly RowsColumn[] = [
  { name: 'campaign_id', type: 'BIGINT' },
  { name: 'name', type: 'VARCHAR' },
  { name: 'segment', type: 'VARCHAR' },
  { name: 'created_at', type: 'VARCHAR' },
  { name: 'as_of', type: 'VARCHAR' },
  { name: 'start', type: 'VARCHAR' },
  { name: 'end', type: 'VARCHAR' },
  { name: 'channel', type: 'VARCHAR' },
  { name: 'cost_per_contact', type: 'DOUBLE' },
  { name: 'control_share', type: 'DOUBLE' },
  { name: 'stratify', type: 'VARCHAR' },
  { name: 'seed', type: 'BIGINT' },
  { name: 'members', type: 'BIGINT' },
  { name: 'targets', type: 'BIGINT' },
  { name: 'controls', type: 'BIGINT' },
  { name: 'window_status', type: 'VARCHAR' },
  { name: 'evaluated_at', type: 'VARCHAR' },
  { name: 'incremental_revenue', type: 'DOUBLE' },
  { name: 'incremental_revenue_lower', type: 'DOUBLE' },
  { name: 'incremental_revenue_upper', type: 'DOUBLE' },
  { name: 'revenue_p_value', type: 'DOUBLE' },
  { name: 'verdict', type: 'VARCHAR' },
];

/** A campaign listing flat, for the list's download. */
export function listingRow(c: CampaignListing & { window_status: WindowStatus }): Record<string, unknown> {
  const e = c.last_evaluation;
  return {
    ...c,
    evaluated_at: e?.evaluated_at ?? null,
    incremental_revenue: e?.incremental_revenue.estimate ?? null,
    incremental_revenue_lower: e?.incremental_revenue.lower ?? null,
    incremental_revenue_upper: e?.incremental_revenue.upper ?? null,
    revenue_p_value: e?.revenue_p_value ?? null,
    verdict: e?.verdict ?? null,
  };
}
