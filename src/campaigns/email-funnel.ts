import type { Workspace } from '../db/workspace.js';
import { funnelRatios, type FunnelRatios } from '../stats/index.js';
import type { EvaluationWindow } from './evaluation-window.js';
import type { Campaign } from './find-campaign.js';
import { PURCHASE } from '../metrics/index.js';

/** What `evaluate` reports when a contact log with sends, opens and clicks is attached. */
export interface EmailFunnel {
  /** Target members with a send time. */
  sent: number;
  opened: number;
  clicked: number;
  /** Of the sent, those who bought in the window. */
  converted: number;
  /** Orders in the window by the sent (distinct order ids with a positive line). */
  orders: number;
  /** sent × cost per contact; null without a cost per contact. */
  cost: number | null;
  /** Open rate, CTR, CTOR, conversion (orders / sent) and cost per order (`funnelRatios`). */
  ratios: FunnelRatios;
  /** Control members the log says were contacted: they should be 0, otherwise the control group leaked. */
  control_contacted: number;
}

/**
 * The e-mail funnel of a campaign from its attached contact log: sends, unique opens and clicks among the target
 * group, and the orders the sent customers placed in the window. Null when no send is logged.
 */
export async function emailFunnel(
  ws: Workspace,
  campaign: Campaign,
  window: EvaluationWindow,
): Promise<EmailFunnel | null> {
  const row = await ws.one<{
    sent: number;
    opened: number;
    clicked: number;
    control_contacted: number;
  }>(
    `SELECT count(sent_at) FILTER (WHERE "group" = 'target') AS sent,
            count(*) FILTER (WHERE "group" = 'target' AND sent_at IS NOT NULL AND opened_at IS NOT NULL) AS opened,
            count(*) FILTER (WHERE "group" = 'target' AND sent_at IS NOT NULL AND clicked_at IS NOT NULL) AS clicked,
            count(*) FILTER (WHERE "group" = 'control' AND coalesce(sent_at, opened_at, clicked_at) IS NOT NULL) AS control_contacted
     FROM campaign_contacts WHERE campaign_id = $1`,
    [campaign.campaign_id],
  );
  if (!row || row.sent === 0) return null;
  const bought = await ws.one<{ converted: number; orders: number }>(
    `SELECT count(DISTINCT s.customer_id) AS converted, count(DISTINCT s.order_id) AS orders
     FROM campaign_contacts m JOIN sales s ON s.customer_id = m.customer_id
     WHERE m.campaign_id = $1 AND m."group" = 'target' AND m.sent_at IS NOT NULL AND s.${PURCHASE}
       AND s.ts >= CAST($2 AS TIMESTAMP) AND s.ts < CAST($3 AS TIMESTAMP)`,
    [campaign.campaign_id, window.start, window.end],
  );
  const orders = bought?.orders ?? 0;
  const cost = campaign.cost_per_contact === null ? null : row.sent * campaign.cost_per_contact;
  return {
    sent: row.sent,
    opened: row.opened,
    clicked: row.clicked,
    converted: bought?.converted ?? 0,
    orders,
    cost,
    ratios: funnelRatios({
      sent: row.sent,
      opened: row.opened,
      clicked: row.clicked,
      orders,
      ...(cost === null ? {} : { cost }),
    }),
    control_contacted: row.control_contacted,
  };
}
