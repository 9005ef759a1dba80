import { field } from '../errors.js';
import type { Workspace } from '../db/workspace.js';
import { isoDateTime } from '../db/values.js';
import { evaluateCampaign, type CampaignEvaluation } from '../stats/index.js';
import { parseNonNegative } from './campaign-options.js';
import { emailFunnel, type EmailFunnel } from './email-funnel.js';
import { evaluationWindow, type EvaluationWindow } from './evaluation-window.js';
import { findCampaign, type Campaign } from './find-campaign.js';
import { recordEvaluation } from './record-evaluation.js';
import { campaignArms, memberOutcomes } from './member-outcomes.js';
import { summarize, type EvaluationSummary } from './evaluation-summary.js';
import { warnings } from './evaluation-warnings.js';
import { stageTransitions, type StageTransitions } from './stage-transitions.js';

export interface EvaluateStoredOptions {
  /** Window length in days; default the campaign's start to end, else 30. */
  windowDays?: number;
  /** Gross margin in [0, 1] applied to incremental revenue in the ROI; default 1 (ROI on revenue). */
  margin?: number | string;
  /** Bootstrap replicates of the revenue check; default 2000, 0 to skip. */
  bootstrap?: number;
  /** Store the result in campaign_results (default true). */
  store?: boolean;
  /** Store nothing when the campaign's latest stored evaluation has the same window and result (default false). */
  skipRepeat?: boolean;
}

/** What `clientele campaign evaluate NAME --json` prints and `campaign_results.result` stores. */
export interface CampaignEvaluationReport {
  campaign: Campaign;
  window: EvaluationWindow;
  summary: EvaluationSummary;
  evaluation: CampaignEvaluation;
  transitions: StageTransitions;
  funnel: EmailFunnel | null;
  warnings: string[];
  evaluated_at: string;
}

/**
 * Evaluates a stored campaign: per-member conversion and net revenue in [start, start + window) and revenue in
 * the same-length pre-period, compared target vs control with `evaluateCampaign` (planned split, cost = targets ×
 * cost per contact, bootstrap seeded with the campaign's seed), stage moves, the e-mail funnel when a contact log
 * is attached, and a verdict. The result is stored in `campaign_results` (`recordEvaluation`).
 */
export async function evaluateStoredCampaign(
  ws: Workspace,
  name: string,
  options: EvaluateStoredOptions = {},
): Promise<CampaignEvaluationReport> {
  const campaign = await findCampaign(ws, name);
  const margin = options.margin === undefined ? 1 : parseNonNegative(options.margin, field('margin'));
  const window = await evaluationWindow(ws, campaign, options.windowDays);
  const outcomes = await memberOutcomes(ws, campaign.campaign_id, window);
  const cost = campaign.cost_per_contact === null ? null : campaign.targets * campaign.cost_per_contact;
  const evaluation = evaluateCampaign(
    campaignArms(outcomes, { targetCost: cost, prePeriod: window.pre_period_observed }),
    'control',
    {
      margin,
      plannedSplit: { target: 1 - campaign.control_share, control: campaign.control_share },
      seed: campaign.seed,
      bootstrapReplicates: options.bootstrap ?? 2000,
    },
  );
  const transitions = await stageTransitions(ws, campaign, window);
  const funnel = await emailFunnel(ws, campaign, window);
  const report: CampaignEvaluationReport = {
    campaign,
    window,
    summary: summarize(evaluation, cost, window),
    evaluation,
    transitions,
    funnel,
    warnings: warnings(window, evaluation.sampleRatio, funnel),
    evaluated_at: isoDateTime(new Date()),
  };
  if (options.store ?? true) await recordEvaluation(ws, report, { skipRepeat: options.skipRepeat });
  return report;
}
