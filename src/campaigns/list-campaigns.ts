import type { Workspace } from '../db/workspace.js';
import type { EvaluationSummary } from './evaluation-summary.js';
import type { EvaluationWindow } from './evaluation-window.js';
import { CAMPAIGN_COLUMNS, type Campaign } from './find-campaign.js';
import type { Lang } from './text-numbers.js';
import { verdict } from './verdict.js';

/** One line of `clientele campaign list --json`: the campaign and its latest stored evaluation, if any. */
export interface CampaignListing extends Campaign {
  evaluations: number;
  last_evaluation: {
    evaluated_at: string;
    window_days: number;
    incremental_revenue: EvaluationSummary['incremental_revenue'];
    revenue_p_value: number | null;
    roi: EvaluationSummary['roi'];
    verdict: string;
  } | null;
}

/**
 * Every stored campaign, newest first, with the summary of its latest evaluation; its verdict as stored (English)
 * or written again from its figures in `lang`.
 */
export async function listCampaigns(ws: Workspace, lang: Lang = 'en'): Promise<CampaignListing[]> {
  if (!(await ws.tableExists('campaigns'))) return [];
  const campaigns = await ws.all<Campaign>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns ORDER BY created_at DESC, campaign_id DESC`,
  );
  const results = (await ws.tableExists('campaign_results'))
    ? await ws.all<{
        campaign_id: number;
        evaluations: number;
        evaluated_at: string;
        window_days: number;
        result: string;
      }>(
        `SELECT campaign_id, count(*) OVER (PARTITION BY campaign_id) AS evaluations, evaluated_at, window_days,
                CAST(result AS VARCHAR) AS result
         FROM campaign_results
         QUALIFY row_number() OVER (PARTITION BY campaign_id ORDER BY evaluated_at DESC, rowid DESC) = 1`,
      )
    : [];
  const latest = new Map(results.map((r) => [r.campaign_id, r]));
  return campaigns.map((c) => {
    const r = latest.get(c.campaign_id);
    if (r === undefined) return { ...c, evaluations: 0, last_evaluation: null };
    const { summary, window } = JSON.parse(r.result) as {
      summary: EvaluationSummary;
      window: EvaluationWindow;
    };
    return {
      ...c,
      evaluations: r.evaluations,
      last_evaluation: {
        evaluated_at: r.evaluated_at,
        window_days: r.window_days,
        incremental_revenue: summary.incremental_revenue,
        revenue_p_value: summary.revenue_p_value,
        roi: summary.roi,
        verdict:
          lang === 'en' ? summary.verdict : verdict({ ...summary, window_complete: window.complete }, lang),
      },
    };
  });
}
