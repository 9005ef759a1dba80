/**
 * The shapes of the campaigns API's answers that the pages read (see /docs for all of them): from the types
 * generated from the API's schemas where those are precise (./generated/api-responses.ts), by hand where not yet.
 */
import type {
  GetCampaigns,
  GetCampaignsById,
  GetCampaignsByIdContacts,
  GetCampaignsByIdEvaluate,
  GetCampaignsFields,
  PostCampaignsPlan,
} from './generated/api-responses.js';

export interface Estimate {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

/** A stored campaign, as the API answers it. */
export type Campaign = GetCampaignsById['campaign'];

export type WindowStatus = 'before_start' | 'in_progress' | 'complete';

/** How the evaluation window was chosen (the API's codes). */
export type WindowBasis = 'given' | 'campaign start to end' | 'default 30 days';

export interface CampaignListing extends Campaign {
  last_day: string;
  window_status: WindowStatus;
  evaluations: number;
  last_evaluation: {
    evaluated_at: string;
    window_days: number;
    incremental_revenue: Estimate;
    revenue_p_value: number | null;
    roi: Estimate | null;
    verdict: string;
  } | null;
}

export type CampaignList = GetCampaigns;

export interface SelectionField {
  name: string;
  type: 'number' | 'text' | 'date' | 'boolean';
  group: 'profile' | 'segments' | 'predictions' | 'contacts';
  values?: string[];
}

export type SelectionFields = GetCampaignsFields;

export type CampaignPlan = PostCampaignsPlan;

export interface Stratum {
  stratum: string;
  members: number;
  controls: number;
  targets: number;
}

export interface CampaignCreated extends Campaign {
  strata: Stratum[];
}

export type CampaignDetail = GetCampaignsById;

export type ResultRow = GetCampaignsByIdEvaluate['results'][number];

export type TransitionRow = GetCampaignsByIdEvaluate['moves'][number];

export interface CampaignEvaluation {
  campaign: Campaign;
  window: {
    days: number;
    start: string;
    end: string;
    last_day: string;
    pre_start: string;
    pre_period_observed: boolean;
    sales_until: string;
    complete: boolean;
    basis: WindowBasis;
  };
  summary: {
    targets: number;
    controls: number;
    incremental_revenue: Estimate;
    incremental_revenue_cuped: Estimate | null;
    incremental_conversions: Estimate;
    conversion_difference: Estimate;
    conversion_p_value: number | null;
    revenue_per_customer_difference: Estimate;
    revenue_p_value: number | null;
    cost: number | null;
    roi: Estimate | null;
    sample_ratio_mismatch: boolean;
    significant: boolean;
    verdict: string;
  };
  evaluation: {
    margin: number;
    sampleRatio: { chiSquare: number; pValue: number; mismatch: boolean; expected: number[] };
    methods: Record<string, string>;
  };
  transitions:
    | { available: true; from: { as_of: string; basis: string }; to: { as_of: string; basis: string } }
    | { available: false; reason: string };
  funnel: {
    sent: number;
    opened: number;
    clicked: number;
    converted: number;
    orders: number;
    cost: number | null;
    ratios: {
      openRate: number | null;
      clickThroughRate: number | null;
      clickToOpenRate: number | null;
      conversionRate: number | null;
      costPerOrder: number | null;
    };
    control_contacted: number;
  } | null;
  warnings: string[];
  evaluated_at: string;
  results: ResultRow[];
  moves: TransitionRow[];
}

export type ContactsPage = GetCampaignsByIdContacts;
