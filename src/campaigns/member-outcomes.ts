import { readColumns } from '../db/columns.js';
import type { Workspace } from '../db/workspace.js';
import type { CampaignArm } from '../stats/index.js';
import type { EvaluationWindow } from './evaluation-window.js';
import { PURCHASE } from '../metrics/index.js';

/** Per-member outcomes of a campaign as columns (index i is one member, members ordered by customer id). */
export interface MemberOutcomes {
  length: number;
  /** Customer ids, when asked for. */
  ids: string[] | null;
  /** 1 for a control-group member, 0 for a target. */
  isControl: Float64Array;
  /** 1 when the member bought at all (a line with a positive amount) in the window. */
  converted: Float64Array;
  /** Net revenue in the window (returns subtract). */
  revenue: Float64Array;
  /** Net revenue in the pre-period of the same length just before the start. */
  preRevenue: Float64Array;
}

/**
 * Reads the outcomes of every member of a campaign in its window [start, end) and the pre-period
 * [pre_start, start) with one set-based query; results move into typed arrays, never row objects.
 */
export async function memberOutcomes(
  ws: Workspace,
  campaignId: number,
  window: EvaluationWindow,
  options: { ids?: boolean } = {},
): Promise<MemberOutcomes> {
  const sql = `SELECT m.customer_id,
      CASE WHEN m."group" = 'control' THEN 1 ELSE 0 END AS is_control,
      CASE WHEN count(*) FILTER (WHERE s.ts >= CAST($2 AS TIMESTAMP) AND s.${PURCHASE}) > 0 THEN 1 ELSE 0 END AS converted,
      coalesce(sum(s.amount) FILTER (WHERE s.ts >= CAST($2 AS TIMESTAMP)), 0) AS revenue,
      coalesce(sum(s.amount) FILTER (WHERE s.ts < CAST($2 AS TIMESTAMP)), 0) AS pre_revenue
    FROM campaign_contacts m
    LEFT JOIN sales s ON s.customer_id = m.customer_id
      AND s.ts >= CAST($3 AS TIMESTAMP) AND s.ts < CAST($4 AS TIMESTAMP)
    WHERE m.campaign_id = $1
    GROUP BY m.customer_id, m."group"
    ORDER BY m.customer_id`;
  const columns = await readColumns(
    ws,
    sql,
    [campaignId, window.start, window.pre_start, window.end],
    ['is_control', 'converted', 'revenue', 'pre_revenue'],
    options.ids ? ['customer_id'] : [],
  );
  const n = columns.numbers;
  return {
    length: columns.length,
    ids: options.ids ? (columns.strings['customer_id'] as string[]) : null,
    isControl: n['is_control'] as Float64Array,
    converted: n['converted'] as Float64Array,
    revenue: n['revenue'] as Float64Array,
    preRevenue: n['pre_revenue'] as Float64Array,
  };
}

/**
 * The two arms for `evaluateCampaign` under a split (1 = control), by default the stored one; any other split
 * of the same members (an A/A check) can be passed. The target arm carries `targetCost`.
 */
export function campaignArms(
  outcomes: MemberOutcomes,
  options: { split?: ArrayLike<number>; targetCost?: number | null; prePeriod?: boolean } = {},
): [CampaignArm, CampaignArm] {
  const split = options.split ?? outcomes.isControl;
  let controls = 0;
  for (let i = 0; i < outcomes.length; i++) if (split[i] === 1) controls++;
  const pick = (control: boolean, size: number) => {
    const converted = new Float64Array(size);
    const revenue = new Float64Array(size);
    const pre = new Float64Array(size);
    let k = 0;
    for (let i = 0; i < outcomes.length; i++) {
      if ((split[i] === 1) !== control) continue;
      converted[k] = outcomes.converted[i] as number;
      revenue[k] = outcomes.revenue[i] as number;
      pre[k] = outcomes.preRevenue[i] as number;
      k++;
    }
    return { converted, revenue, pre };
  };
  const t = pick(false, outcomes.length - controls);
  const c = pick(true, controls);
  const withPre = options.prePeriod ?? true;
  const target: CampaignArm = {
    name: 'target',
    converted: t.converted,
    revenue: t.revenue,
    ...(withPre ? { prePeriodRevenue: t.pre } : {}),
    ...(options.targetCost ? { cost: options.targetCost } : {}),
  };
  const control: CampaignArm = {
    name: 'control',
    converted: c.converted,
    revenue: c.revenue,
    ...(withPre ? { prePeriodRevenue: c.pre } : {}),
  };
  return [target, control];
}
