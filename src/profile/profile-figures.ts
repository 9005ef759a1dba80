import { DATA_VERSION_SQL } from '../db/content-version.js';
import { notePrecomputed, precomputedAt } from '../db/precomputed.js';
import type { Workspace } from '../db/workspace.js';
import { STORED_PROFILE_TABLE, storedProfileAt } from './stored-profile.js';

/** The key figures of a profile: what the web app's overview shows above the monthly charts. */
export interface ProfileFigures {
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
}

/** The figures of the profile table `table` (every column they read is computed from the sales). */
export function profileFiguresSql(table: string): string {
  return `SELECT count(*) AS customers,
      coalesce(sum(orders), 0) AS orders,
      coalesce(sum(gross_revenue), 0) AS gross_revenue,
      coalesce(sum(returns), 0) AS returns,
      coalesce(sum(revenue), 0) AS revenue,
      median(orders) AS median_orders,
      median(recency_days) AS median_recency_days,
      avg(aov) AS mean_aov,
      count(*) FILTER (WHERE purchase_days > 1) AS repeat_customers,
      count(*) FILTER (WHERE orders_90d > 0) AS active_90d
    FROM ${table}`;
}

const NAME = 'profile_figures';

/**
 * Stores the figures of the stored profile at the date, when it is there and current, unless they are stored
 * for the same data: medians over 10 M customers take longer than a page may wait.
 */
export async function storeProfileFigures(ws: Workspace, asOf: string): Promise<void> {
  if (await precomputedAt(ws, NAME, asOf, DATA_VERSION_SQL)) return;
  if (!(await storedProfileAt(ws, asOf))) return;
  const figures = await ws.one<ProfileFigures>(profileFiguresSql(STORED_PROFILE_TABLE));
  await notePrecomputed(ws, NAME, asOf, DATA_VERSION_SQL, { ...figures });
}

/** The figures of the profile `table` at the date: stored when current, else computed from it. */
export async function profileFigures(ws: Workspace, table: string, asOf: string): Promise<ProfileFigures> {
  const stored = await precomputedAt<ProfileFigures & Record<string, unknown>>(
    ws,
    NAME,
    asOf,
    DATA_VERSION_SQL,
  );
  return stored ?? (await ws.one<ProfileFigures>(profileFiguresSql(table)))!;
}
