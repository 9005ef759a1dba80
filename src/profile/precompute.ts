import type { Workspace } from '../db/workspace.js';
import { storeMonthlyOverview } from './monthly-overview.js';
import { profileColumnGroups } from './profile-columns.js';
import { STORED_PROFILE_TABLE, noteStoredProfile } from './stored-profile.js';
import { writeProfile } from './write-profile.js';

/**
 * What the readers of the workspace need at once, stored at the as-of date of a command that changed the
 * results: the profile with every stored column group, and the month-by-month overview. Run at the end of
 * each command whose results are profile columns (analyze, predict, recommend), inside its transaction, after
 * its run is recorded. The first at a date aggregates the sales lines; the next ones at the same date, on the
 * same sales, only join their columns to the stored line-level columns.
 */
export async function precomputeForReaders(ws: Workspace, asOf: string): Promise<void> {
  const groups = await profileColumnGroups(ws, asOf);
  await writeProfile(ws, asOf, groups, { table: STORED_PROFILE_TABLE, temp: false });
  await noteStoredProfile(ws, asOf, groups);
  await storeMonthlyOverview(ws, asOf);
}
