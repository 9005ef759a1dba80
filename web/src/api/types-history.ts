/** The shapes of the history area's API answers: base structure, flows, triggers, cohorts. */
import type { GetCohorts, GetFlows, GetStructure, GetTriggers } from './generated/index.js';

/** A lifecycle stage or an RFM segment with its names. */
export type Label = GetFlows['labels'][number];

/** One snapshot of /api/structure: totals and `<stage>_customers`, `<stage>_revenue` for every stage. */
export type StructureSnapshot = {
  snapshot_id: number;
  month: string;
  as_of: string;
  customers: number;
  revenue: number;
} & Record<string, number | string>;

export type Structure = GetStructure;

export type Flows = GetFlows;
export type FlowDimension = Flows['by'];
/** One flow; from_stage is null when not a customer yet at the earlier snapshot. */
export type FlowRow = Flows['matrix'][number];

export type TriggerPage = GetTriggers;

export type CohortMetric = 'customers' | 'active' | 'revenue' | 'retention';
export type CohortAxis = 'month' | 'age';

export type CohortCell = GetCohorts['cells'][number];

export type Cohorts = GetCohorts;
