import { type Workspace, PROFILE_VERSION_SQL } from '../db/index.js';
import {
  resolveAsOf,
  profileColumnGroups,
  STORED_PROFILE_TABLE,
  storedProfileAt,
  writeProfile,
} from '../profile/index.js';

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
 * The profile at an as-of date as a table, so that paging, sorting, searching and one customer's card read a
 * table instead of recomputing ~60 metrics per request: the stored profile (stored-profile.ts) when it is at
 * that date and current, else computed once per (as-of date, workspace content) into a temp table. Call it
 * only on the connection it was created for (WorkspaceAccess.read).
 */
export class ProfileCache {
  private current: { key: string; table: ProfileTable } | undefined;

  async at(ws: Workspace, asOf: string | undefined): Promise<ProfileTable> {
    const date = await resolveAsOf(ws, asOf);
    const key = `${date}|${String(await ws.scalar(PROFILE_VERSION_SQL))}`;
    if (this.current?.key === key) return this.current.table;
    let name = STORED_PROFILE_TABLE;
    let groups = await storedProfileAt(ws, date);
    if (!groups) {
      name = TABLE;
      groups = await profileColumnGroups(ws, date);
      await writeProfile(ws, date, groups, { table: TABLE, temp: true });
    }
    const columns = (await ws.all<{ column_name: string }>(`DESCRIBE ${name}`)).map((c) => c.column_name);
    const { segments, predictions, recommendations } = groups;
    const table = { name, asOf: date, columns, segments, predictions, recommendations };
    this.current = { key, table };
    return table;
  }
}
