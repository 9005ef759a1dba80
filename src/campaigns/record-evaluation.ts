import type { Workspace } from '../db/workspace.js';
import type { CampaignEvaluationReport } from './evaluate-stored-campaign.js';

/** The report as stored, without the time it was made: two evaluations with the same text say the same. */
function content(report: unknown): string {
  const copy = JSON.parse(typeof report === 'string' ? report : JSON.stringify(report)) as Record<
    string,
    unknown
  >;
  delete copy['evaluated_at'];
  return JSON.stringify(copy);
}

/**
 * Stores an evaluation in `campaign_results`. With `skipRepeat` nothing is stored when the campaign's latest stored
 * evaluation has the same window and the same result (viewing the results again records nothing new); returns
 * whether a row was added.
 */
export async function recordEvaluation(
  ws: Workspace,
  report: CampaignEvaluationReport,
  options: { skipRepeat?: boolean } = {},
): Promise<boolean> {
  const { campaign, window } = report;
  if (options.skipRepeat) {
    const latest = await ws.one<{ result: string }>(
      `SELECT CAST(result AS VARCHAR) AS result FROM campaign_results WHERE campaign_id = $1
       ORDER BY evaluated_at DESC, rowid DESC LIMIT 1`,
      [campaign.campaign_id],
    );
    if (latest !== undefined && content(latest.result) === content(report)) return false;
  }
  await ws.run(
    `INSERT INTO campaign_results VALUES ($1, CAST($2 AS TIMESTAMP), $3, CAST($4 AS DATE), CAST($5 AS DATE), $6)`,
    [
      campaign.campaign_id,
      report.evaluated_at,
      window.days,
      window.start,
      window.end,
      JSON.stringify(report),
    ],
  );
  return true;
}
