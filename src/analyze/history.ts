import { InputError } from '../errors.js';
import type { Workspace } from '../db/workspace.js';
import { requireAnalysis } from './analyze.js';

/** One customer's metrics, RFM, stage and ABC/XYZ at every snapshot: the card's "history of characteristics". */
export const HISTORY_SQL = `SELECT s.month, c.as_of, c.stage, c.days_in_stage, c.rfm_segment, c.r_score, c.f_score, c.m_score,
    c.abc, c.xyz, c.orders, c.purchase_days, c.gross_revenue, c.returns, c.revenue, c.recency_days, c.tenure_days,
    c.rhythm_days, c.spread_days, c.expected_next_purchase, c.days_overdue, c.revenue_12m, c.period_revenue, c.period_orders
  FROM customer_snapshots c JOIN snapshots s USING (snapshot_id)
  WHERE c.customer_id = $1 ORDER BY c.snapshot_id`;

/** The history with CLV, churn risk and expected purchases at each snapshot (`clientele predict --snapshots`). */
export const HISTORY_WITH_PREDICTIONS_SQL = `SELECT h.*, p.clv, p.churn_risk, p.p_alive, p.expected_purchases
  FROM (${HISTORY_SQL.replace('SELECT s.month,', 'SELECT c.snapshot_id, s.month,')}) h
  LEFT JOIN snapshot_predictions p ON p.snapshot_id = h.snapshot_id AND p.customer_id = $1
  ORDER BY h.snapshot_id`;

export async function historySql(ws: Workspace): Promise<string> {
  return (await ws.tableExists('snapshot_predictions')) ? HISTORY_WITH_PREDICTIONS_SQL : HISTORY_SQL;
}

export async function customerHistory(ws: Workspace, customerId: string): Promise<Record<string, unknown>[]> {
  await requireAnalysis(ws);
  const rows = await ws.all(await historySql(ws), [customerId]);
  if (rows.length === 0) {
    const known = Number(await ws.scalar(`SELECT count(*) FROM sales WHERE customer_id = $1`, [customerId]));
    throw new InputError(
      known
        ? `Customer ${customerId} has no purchase up to the analysis date.`
        : `There is no customer ${customerId} in the sales (ids are compared as text, e.g. 00042 ≠ 42).`,
    );
  }
  return rows;
}
