import { PROFILE_VERSION_SQL } from '../db/content-version.js';
import { notePrecomputed, precomputedAt } from '../db/precomputed.js';
import { salesVersionAt } from '../db/sales-version.js';
import { literal } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import { VERSION } from '../version.js';
import type { ProfileColumnGroups } from './profile-columns.js';

/**
 * The stored profile: every customer's metrics at the date of the latest analyze, predict or recommend run,
 * kept so that the web app's customer list, card and overview read a table instead of computing ~60 metrics
 * for every customer on the first request (written by precompute.ts).
 */
export const STORED_PROFILE_TABLE = 'stored_profile';
/** The whole stored profile, current while the data and the runs behind its column groups are unchanged. */
const NAME = 'profile';
/** Its line-level columns alone, current while what they are computed from is unchanged (linesVersionAt). */
const LINES = 'profile_lines';

/** The stored profile's column groups when it is at this date and still current; otherwise undefined. */
export function storedProfileAt(ws: Workspace, asOf: string): Promise<ProfileColumnGroups | undefined> {
  return precomputedAt<ProfileColumnGroups & Record<string, unknown>>(ws, NAME, asOf, PROFILE_VERSION_SQL);
}

/**
 * What the profile's line-level columns (all but the column groups) at a date are computed from: the sales
 * lines up to that date (sales-version.ts), the customers (region, registration date), the products
 * (categories), and this version of the code. A load of later sales lines leaves it unchanged.
 */
export async function linesVersionAt(ws: Workspace, asOf: string): Promise<string> {
  const lists = await ws.scalar(
    `SELECT md5(coalesce(string_agg(kind || ':' || load_id || ':' || content_hash, ',' ORDER BY load_id), ''))
     FROM loads WHERE kind IN ('customers', 'products')`,
  );
  return `${VERSION}|${await salesVersionAt(ws, asOf)}|${String(lists)}`;
}

/**
 * Whether the stored profile's line-level columns are those of this date and still current, so that a
 * profile with other column groups can be made from them by a join (write-profile.ts).
 */
export async function storedLinesAt(ws: Workspace, asOf: string): Promise<boolean> {
  if (!(await ws.tableExists(STORED_PROFILE_TABLE))) return false;
  const version = await linesVersionAt(ws, asOf);
  return (await precomputedAt(ws, LINES, asOf, literal(version))) !== undefined;
}

/** Notes the profile just written to STORED_PROFILE_TABLE at the date, with its column groups. */
export async function noteStoredProfile(
  ws: Workspace,
  asOf: string,
  groups: ProfileColumnGroups,
): Promise<void> {
  await notePrecomputed(ws, LINES, asOf, literal(await linesVersionAt(ws, asOf)));
  await notePrecomputed(ws, NAME, asOf, PROFILE_VERSION_SQL, { ...groups });
}
