// Public API of campaigns: select a segment with a control group, plan, evaluate.
// The statistics live in src/stats and the segment language in src/expr; this folder wires them to the workspace.

// Launch
export { createCampaign, type CreateCampaignOptions, type CampaignCreated } from './create-campaign.js';
export { assignControlGroup, controlCount, type ControlDraw, type StratumCount } from './control-group.js';
export {
  selectSegment,
  compileSegment,
  CONTACT_COLUMNS,
  type SegmentSelection,
} from './segment-selection.js';
export { TARGET_COLUMNS } from './target-list.js';
export { attachContacts, type ContactsAttached } from './attach-contacts.js';

// Plan
export { planCampaign, type PlanOptions, type CampaignPlan, type PlanMetric } from './plan-campaign.js';
export { segmentHistory, type SegmentHistory } from './segment-history.js';

// Evaluate
export {
  evaluateStoredCampaign,
  type EvaluateStoredOptions,
  type CampaignEvaluationReport,
} from './evaluate-stored-campaign.js';
export type { EvaluationSummary, Estimate } from './evaluation-summary.js';
export { evaluationInLanguage } from './evaluation-in-language.js';
export type { Lang } from './text-numbers.js';
export { p as formatP } from './verdict.js';
export { memberOutcomes, campaignArms, type MemberOutcomes } from './member-outcomes.js';
export {
  evaluationWindow,
  defaultLastDay,
  defaultWindowDays,
  type EvaluationWindow,
} from './evaluation-window.js';
export { stageTransitions, type StageTransitions, type StageMove } from './stage-transitions.js';
export { emailFunnel, type EmailFunnel } from './email-funnel.js';
export {
  evaluateResultsFile,
  type ResultsFileOptions,
  type ResultsFileReport,
  type OutcomeResult,
  type OutcomeComparison,
} from './evaluate-results-file.js';
export { withScratchWorkspace } from './scratch-workspace.js';

// Stored campaigns
export { findCampaign, type Campaign } from './find-campaign.js';
export { listCampaigns, type CampaignListing } from './list-campaigns.js';
export { ensureCampaignTables, CAMPAIGN_DDL } from './campaign-tables.js';
export { parseWindow } from './parse-window.js';

// Used by the surfaces (src/cli, src/server)
export { campaignDates } from './campaign-dates.js';
export { MAX_SEED } from './campaign-options.js';
export { CAMPAIGN_COLUMNS } from './find-campaign.js';
export { expressionFields } from './segment-selection.js';
