import type { Workspace } from '../db/workspace.js';
import { writeQuery, type WriteResult } from '../export/write.js';
import { resolveAsOf } from './as-of.js';
import { profileColumnGroups } from './profile-columns.js';
import { STORED_PROFILE_TABLE, storedProfileAt } from './stored-profile.js';
import { writeProfile } from './write-profile.js';

export interface ProfileSummary {
  as_of: string;
  customers: number;
  orders: number;
  gross_revenue: number;
  returns: number;
  revenue: number;
  median_orders: number | null;
  median_recency_days: number | null;
  mean_aov: number | null;
  repeat_customers: number;
  active_90d: number;
  columns: string[];
  /** Stage, RFM and ABC/XYZ columns are included (an analysis exists at this date). */
  segments: boolean;
  /** CLV, P(alive) and churn-risk columns are included (`clientele predict` ran at this date). */
  predictions: boolean;
  out: WriteResult | null;
}

/**
 * Computes the customer profile as of a date (default: the latest sale) and optionally writes it to a file.
 * Returns the figures a summary shows.
 */
export async function runProfile(
  ws: Workspace,
  options: { asOf?: string; out?: string },
): Promise<ProfileSummary> {
  const asOf = await resolveAsOf(ws, options.asOf);
  // The profile stored by the last analyze / predict / recommend at this date when current, else computed.
  const stored = await storedProfileAt(ws, asOf);
  const groups = stored ?? (await profileColumnGroups(ws, asOf));
  const { segments, predictions } = groups;
  const table = stored ? STORED_PROFILE_TABLE : 'cl_profile';
  if (!stored) await writeProfile(ws, asOf, groups, { table, temp: true });
  const s = await ws.one<Omit<ProfileSummary, 'as_of' | 'columns' | 'out' | 'segments' | 'predictions'>>(`
    SELECT count(*) AS customers,
           coalesce(sum(orders), 0) AS orders,
           coalesce(sum(gross_revenue), 0) AS gross_revenue,
           coalesce(sum(returns), 0) AS returns,
           coalesce(sum(revenue), 0) AS revenue,
           median(orders) AS median_orders,
           median(recency_days) AS median_recency_days,
           avg(aov) AS mean_aov,
           count(*) FILTER (WHERE purchase_days > 1) AS repeat_customers,
           count(*) FILTER (WHERE orders_90d > 0) AS active_90d
    FROM ${table}`);
  const columns = (await ws.all<{ column_name: string }>(`DESCRIBE ${table}`)).map((c) => c.column_name);
  const out = options.out
    ? await writeQuery(ws, `SELECT * FROM ${table} ORDER BY revenue DESC, customer_id`, [], options.out)
    : null;
  return { as_of: asOf, ...s!, columns, segments, predictions, out };
}

/** Whether `clientele analyze` stored a snapshot at this date (its segment columns then join the profile). */
export async function hasSnapshot(ws: Workspace, asOf: string): Promise<boolean> {
  if (!(await ws.tableExists('snapshots'))) return false;
  return Number(await ws.scalar(`SELECT count(*) FROM snapshots WHERE as_of = CAST($1 AS DATE)`, [asOf])) > 0;
}

/** Whether `clientele predict` stored predictions at this date. */
export async function hasPredictions(ws: Workspace, asOf: string): Promise<boolean> {
  if (!(await ws.tableExists('predictions'))) return false;
  return (
    Number(await ws.scalar(`SELECT count(*) FROM predictions WHERE as_of = CAST($1 AS DATE)`, [asOf])) > 0
  );
}
