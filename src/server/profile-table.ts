import type { Workspace } from '../db/workspace.js';
import { resolveAsOf } from '../profile/as-of.js';
import { hasPredictions, hasSnapshot } from '../profile/profile.js';
import { hasRecommendations } from '../recommend/recommend.js';
import { profileSql } from '../profile/profile-sql.js';

/** The profile at one as-of date, materialized on the API's read connection. */
export interface ProfileTable {
  name: string;
  asOf: string;
  columns: string[];
  /** Stage, RFM and ABC/XYZ columns are included (an analysis exists at this date). */
  segments: boolean;
  /** CLV, P(alive) and churn-risk columns are included (predictions exist at this date). */
  predictions: boolean;
  /** The recommended SKUs are included (recommendations exist at this date). */
  recommendations: boolean;
}

const TABLE = 'cl_api_profile';

/**
 * Computes the profile once per (as-of date, workspace content) and keeps it as a temp table, so that paging,
 * sorting, searching and one customer's card read a table instead of recomputing ~60 metrics per request.
 * Call it only on the connection it was created for (WorkspaceAccess.read).
 */
export class ProfileCache {
  private current: { key: string; table: ProfileTable } | undefined;

  async at(ws: Workspace, asOf: string | undefined): Promise<ProfileTable> {
    const date = await resolveAsOf(ws, asOf);
    const key = `${date}|${String(await ws.scalar(VERSION_SQL))}`;
    if (this.current?.key === key) return this.current.table;
    const segments = await hasSnapshot(ws, date);
    const predictions = await hasPredictions(ws, date);
    const recommendations = await hasRecommendations(ws, date);
    await ws.run(
      `CREATE OR REPLACE TEMP TABLE ${TABLE} AS ${profileSql({ segments, predictions, recommendations })}`,
      [date],
    );
    const columns = (await ws.all<{ column_name: string }>(`DESCRIBE ${TABLE}`)).map((c) => c.column_name);
    const table = { name: TABLE, asOf: date, columns, segments, predictions, recommendations };
    this.current = { key, table };
    return table;
  }
}

/** Changes whenever a load, a run that stores results (analyze, predict, recommend) or the sales change. */
export const VERSION_SQL = `SELECT concat_ws('-', (SELECT count(*) FROM loads), (SELECT coalesce(max(load_id), 0) FROM loads),
  (SELECT count(*) FROM runs), (SELECT count(*) FROM sales))`;
